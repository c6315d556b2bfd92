"""The two skills practice trains, the kinds of reply each one knows, and what each kind is worth."""
from __future__ import annotations

LISTENING = "listening"
DISCLOSING = "disclosing"

CLASSES: dict[str, tuple[str, ...]] = {
    LISTENING: ("reflection", "validation", "open_question", "closed_question", "advice",
                "minimizing", "self_focus"),
    DISCLOSING: ("deflecting", "fact_only", "feeling_named", "need_named"),
}
SKILLS = tuple(CLASSES)

# 2: the skill itself; 1: a step on the way; 0: what the skill replaces.
POINTS: dict[str, int] = {
    "reflection": 2, "validation": 2, "open_question": 2, "closed_question": 1,
    "advice": 0, "minimizing": 0, "self_focus": 0,
    "feeling_named": 2, "need_named": 2, "fact_only": 1, "deflecting": 0,
}


def skill_of(label: str) -> str:
    return next(skill for skill, labels in CLASSES.items() if label in labels)


def score(labels: list[str]) -> int:
    """0-100: the share of the best possible points his replies earned."""
    if not labels:
        return 0
    return round(100 * sum(POINTS[label] for label in labels) / (2 * len(labels)))
