"""`coach eval-nlu`: k-fold cross-validation of the coach's intents, through `rasa test nlu`.

The main model's data is nlu/*.yml; nlu/practice/ trains the practice grader and is evaluated
by `coach grade --eval`. Rasa takes one folder, so the main files are linked into a temporary one.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from coach.training import TrainingData


def cross_validate(data: TrainingData, folds: int = 5, out_dir: Path | None = None) -> dict:
    """Rasa's intent report (per intent and macro average) after `folds`-fold cross-validation."""
    with tempfile.TemporaryDirectory(prefix="confide-cv-") as tmp:
        nlu_dir, out = Path(tmp) / "nlu", out_dir or Path(tmp) / "results"
        nlu_dir.mkdir()
        for path in sorted((data.root / "nlu").glob("*.yml")):
            (nlu_dir / path.name).symlink_to(path)
        rasa = str(Path(sys.executable).with_name("rasa"))
        done = subprocess.run([rasa, "test", "nlu", "--cross-validation", "--folds", str(folds),
                               "--config", str(data.config), "--domain", str(data.domain),
                               "--nlu", str(nlu_dir), "--out", str(out), "--no-plot"],
                              cwd=data.root, capture_output=True, text=True,
                              env={**os.environ, "RASA_TELEMETRY_ENABLED": "false"})
        if done.returncode != 0:
            raise RuntimeError(f"rasa test nlu failed:\n{done.stderr[-2000:]}")
        return json.loads((out / "intent_report.json").read_text())


def report(intent_report: dict, folds: int) -> str:
    intents = sorted((name, scores) for name, scores in intent_report.items()
                     if isinstance(scores, dict) and "support" in scores and not name.endswith(" avg"))
    lines = [f"{folds}-fold cross-validation, intent classification", f"{'intent':24}{'f1':>6}{'n':>6}"]
    lines += [f"{name:24}{scores['f1-score']:6.2f}{scores['support']:6d}" for name, scores in intents]
    macro = intent_report["macro avg"]
    lines.append(f"{'macro avg':24}{macro['f1-score']:6.3f}{macro['support']:6d}")
    return "\n".join(lines)
