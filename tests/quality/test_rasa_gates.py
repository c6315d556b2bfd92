"""The Rasa checks CI relies on: the training data validates, and every test story predicts exactly."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from coach.training import TrainingData

ROOT = Path(__file__).resolve().parents[2]
RASA = str(Path(sys.executable).with_name("rasa"))


def _rasa(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "LOG_LEVEL": "ERROR"}
    return subprocess.run([RASA, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def test_training_data_validates_without_warnings():
    data = TrainingData(ROOT)
    result = _rasa("data", "validate", "--domain", str(data.domain), "--config", str(data.config),
                   "--data", *[str(p) for p in data.training_files], "--fail-on-warnings")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


def test_every_test_story_is_predicted_without_errors(trained_model, tmp_path):
    result = _rasa("test", "core", "--model", str(trained_model), "--stories", str(ROOT / "tests" / "stories"),
                   "--fail-on-prediction-errors", "--out", str(tmp_path), "--no-plot")
    failed = (tmp_path / "failed_test_stories.yml")
    report = failed.read_text() if failed.exists() else ""
    assert result.returncode == 0, report[-4000:] or result.stderr[-3000:]
    assert "None of the test stories failed" in report


def test_every_flow_has_test_stories():
    story_files = {p.stem for p in (ROOT / "tests" / "stories").glob("*.yml")}
    flow_files = {p.stem for p in (ROOT / "stories").glob("*.yml")}
    assert flow_files <= story_files, f"flows without test stories: {sorted(flow_files - story_files)}"
