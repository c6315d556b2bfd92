"""The practice grader: a Rasa NLU model of its own that names the kind of reply he gave.

It is trained from nlu/practice/ with nlu/practice/config.yml, cached by a fingerprint like the
main model, and grades in context: a scenario's skill narrows the ranking to that skill's classes.
"""
from __future__ import annotations

import contextlib
import functools
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from coach.practice.skills import CLASSES
from coach.training import TrainingData, ensure_model


@dataclass(frozen=True)
class GraderData(TrainingData):
    prefix = "grader"
    description = "the practice grader"
    inputs = ("nlu/practice", "coach/nlu_components")

    @property
    def config(self) -> Path:
        return self.root / "nlu" / "practice" / "config.yml"

    @property
    def training_files(self) -> list[Path]:
        return [self.root / "nlu" / "practice"]

    def fit(self, models_dir: Path, name: str) -> str | None:
        from rasa.model_training import train_nlu

        with contextlib.redirect_stdout(sys.stderr):  # `coach grade` keeps stdout for its JSON
            return train_nlu(config=str(self.config), nlu_data=str(self.training_files[0]),
                             output=str(models_dir), fixed_model_name=name)


@dataclass(frozen=True)
class Grade:
    label: str
    confidence: float

    def as_dict(self, text: str) -> dict:
        return {"text": text, "label": self.label, "confidence": round(self.confidence, 4)}


class Grader:
    """Names the kind of a reply: `await grader.grade("sounds rough", "listening")`."""

    def __init__(self, agent) -> None:
        self._agent = agent

    async def grade(self, text: str, skill: str | None = None) -> Grade:
        allowed = CLASSES[skill] if skill else tuple(c for labels in CLASSES.values() for c in labels)
        # A leading "/" would make Rasa read the reply as an intent payload.
        parsed = await self._agent.parse_message(text.lstrip("/ ") or "...")
        scores = {r["name"]: float(r["confidence"]) for r in parsed.get("intent_ranking") or ()
                  if r.get("name") in allowed}
        if not scores:
            return Grade(allowed[-1], 0.0)
        label = max(scores, key=scores.get)
        return Grade(label, scores[label] / (sum(scores.values()) or 1.0))


def load_grader(project_root: Path, models_dir: Path, out: TextIO = sys.stderr) -> Grader:
    """The grader for the current training data, trained first if it changed."""
    return _load(ensure_model(GraderData(project_root), models_dir, out))


@functools.lru_cache(maxsize=2)
def _load(path: Path) -> Grader:
    from rasa.core.agent import Agent

    return Grader(Agent.load(str(path)))
