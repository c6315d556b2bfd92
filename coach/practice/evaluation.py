"""How well the grader names kinds of reply on a labelled held-out set: confusion matrix, macro-F1."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from coach.content import read_yaml
from coach.practice.grader import Grader
from coach.practice.skills import CLASSES


def load_labelled(path: Path) -> list[tuple[str, str]]:
    """(text, label) pairs from a Rasa-style NLU YAML file."""
    data = read_yaml(path) or {}
    pairs = []
    for block in data.get("nlu") or ():
        if "intent" not in block:
            continue  # a regex or lookup table
        for line in str(block.get("examples") or "").splitlines():
            text = line.strip().removeprefix("- ").strip()
            if text:
                pairs.append((text, block["intent"]))
    return pairs


@dataclass(frozen=True)
class Evaluation:
    skill: str
    labels: tuple[str, ...]
    confusion: dict[str, dict[str, int]]  # true label -> predicted label -> count

    def f1(self, label: str) -> float:
        true_positive = self.confusion[label][label]
        predicted = sum(row[label] for row in self.confusion.values())
        actual = sum(self.confusion[label].values())
        if not true_positive:
            return 0.0
        precision, recall = true_positive / predicted, true_positive / actual
        return 2 * precision * recall / (precision + recall)

    @property
    def macro_f1(self) -> float:
        return sum(self.f1(label) for label in self.labels) / len(self.labels)

    @property
    def accuracy(self) -> float:
        right = sum(self.confusion[label][label] for label in self.labels)
        return right / max(1, sum(sum(row.values()) for row in self.confusion.values()))


async def evaluate(grader: Grader, examples: list[tuple[str, str]], skill: str) -> Evaluation:
    labels = CLASSES[skill]
    confusion = {truth: {predicted: 0 for predicted in labels} for truth in labels}
    for text, truth in examples:
        confusion[truth][(await grader.grade(text, skill)).label] += 1
    return Evaluation(skill, labels, confusion)


def report(evaluation: Evaluation) -> str:
    """A plain-text confusion matrix (rows: true class, columns: predicted) with F1 per class."""
    labels = evaluation.labels
    width = max(len(label) for label in labels)
    short = [label[:6] for label in labels]
    lines = [f"{evaluation.skill}: macro-F1 {evaluation.macro_f1:.3f}, accuracy {evaluation.accuracy:.3f}",
             " " * width + " | " + " ".join(f"{s:>6}" for s in short) + " |     F1"]
    for truth in labels:
        counts = " ".join(f"{evaluation.confusion[truth][p]:>6}" for p in labels)
        lines.append(f"{truth:>{width}} | {counts} | {evaluation.f1(truth):.3f}")
    return "\n".join(lines)
