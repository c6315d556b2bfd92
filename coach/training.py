"""Training the coach's Rasa model when it is missing or its training data changed."""
from __future__ import annotations

import contextlib
import hashlib
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, ClassVar, TextIO

# Files that decide what the trained model does; practice grading has its own model (nlu/practice/).
MODEL_INPUTS = ("config.yml", "domain", "nlu/*.yml", "stories", "coach/nlu_components", "coach/policies")


@dataclass(frozen=True)
class TrainingData:
    """The files one model is trained from. Subclasses describe other models (the practice grader)."""

    root: Path
    prefix: ClassVar[str] = "coach"
    description: ClassVar[str] = "the coach's model"
    inputs: ClassVar[tuple[str, ...]] = MODEL_INPUTS

    @property
    def config(self) -> Path:
        return self.root / "config.yml"

    @property
    def domain(self) -> Path:
        return self.root / "domain"

    @property
    def training_files(self) -> list[Path]:
        return sorted((self.root / "nlu").glob("*.yml")) + [self.root / "stories"]

    def files(self) -> list[Path]:
        found: list[Path] = []
        for pattern in self.inputs:
            path = self.root / pattern
            if "*" in pattern:
                found += sorted(self.root.glob(pattern))
            elif path.is_dir():
                found += sorted(p for p in path.rglob("*") if p.suffix in (".yml", ".yaml", ".py"))
            else:
                found.append(path)
        return found

    def fingerprint(self) -> str:
        import rasa

        digest = hashlib.sha256(rasa.__version__.encode())
        for path in self.files():
            digest.update(str(path.relative_to(self.root)).encode())
            digest.update(path.read_bytes())
        return digest.hexdigest()[:16]

    def fit(self, models_dir: Path, name: str) -> str | None:
        """Run Rasa's training; the model's path, or None when it failed."""
        from rasa.model_training import train as rasa_train

        result = rasa_train(domain=str(self.domain), config=str(self.config),
                            training_files=[str(p) for p in self.training_files],
                            output=str(models_dir), fixed_model_name=name, force_training=True)
        return result.model if result.code == 0 else None


def model_path(data: TrainingData, models_dir: Path) -> Path:
    return models_dir / f"{data.prefix}-{data.fingerprint()}.tar.gz"


def ensure_model(data: TrainingData, models_dir: Path, out: TextIO = sys.stderr,
                 force: bool = False) -> Path:
    """The trained model for this data: reused when the fingerprint matches, trained otherwise."""
    path = model_path(data, models_dir)
    if path.exists() and not force:
        return path
    train(data, models_dir, path.name.removesuffix(".tar.gz"), out)
    return path


def train(data: TrainingData, models_dir: Path, name: str, out: TextIO = sys.stderr) -> float:
    """Train and report progress on `out`; returns the seconds it took."""
    models_dir.mkdir(parents=True, exist_ok=True)
    print(f"Training {data.description} (the training data changed or no model exists yet)...", file=out)
    started = time.perf_counter()
    # Rasa prints its own notes on stdout; keep stdout for what the command itself prints (JSON).
    with _ticker(lambda s: print(f"  ...still training ({s:.0f} s)", file=out, flush=True)), \
            contextlib.redirect_stdout(out):
        model = data.fit(models_dir, name)
    elapsed = time.perf_counter() - started
    if not model:
        raise RuntimeError(f"Rasa training of {data.description} failed; run `coach train` to see why.")
    print(f"Model trained in {elapsed:.1f} s: {Path(model).name}", file=out)
    return elapsed


class _ticker:
    """Calls `report(elapsed_seconds)` every `every` seconds until the block ends."""

    def __init__(self, report: Callable[[float], None], every: float = 10.0) -> None:
        self.report, self.every = report, every
        self._done = threading.Event()

    def __enter__(self) -> "_ticker":
        started = time.perf_counter()

        def loop() -> None:
            while not self._done.wait(self.every):
                self.report(time.perf_counter() - started)

        threading.Thread(target=loop, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self._done.set()
