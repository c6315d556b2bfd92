"""What the coach says around a practice scenario: the intro, a note per reply, the summary."""
from __future__ import annotations

import random

from coach.content import load
from coach.practice.scenarios import Scenario
from coach.practice.skills import POINTS, score


def kind(label: str) -> dict[str, str]:
    return load("practice")["kinds"][label]


def intro(scenario: Scenario) -> str:
    return (f"Practice: {scenario.title}. I'll play {scenario.plays}. Answer the way you really "
            f"would, in your own words (\"stop\" ends it any time).\n\n{scenario.setup}\n\n"
            + scenario.said(scenario.opening))


SURE = 0.6  # below this the grader's guess is worded as a guess


def note(scenario: Scenario, label: str, confidence: float = 1.0) -> str:
    """A short note on one reply: what kind it was, what worked or didn't, and a better line if needed."""
    heard = "That was" if confidence >= SURE else "I read that as"
    text = f"({heard} {kind(label)['name']}.) {scenario.notes[label]}"
    if POINTS[label] < 2:
        text += " " + random.choice(["Something like:", "You could try:", "A line that lands better:"])
        text += f" \u201c{scenario.better}\u201d"
    return text


def weakest(labels: list[str]) -> str:
    """The kind of reply to work on: his lowest-scoring one (the first, when tied)."""
    return min(labels, key=lambda label: POINTS[label])


def summary(scenario: Scenario, labels: list[str]) -> str:
    kinds = ", ".join(kind(label)["name"] for label in labels)
    opener = random.choice(["That's the scenario done.", "And scene.", "That's a wrap on this one."])
    return (f"{opener} Skill: {scenario.skill}. Score: {score(labels)}/100 ({kinds}).\n"
            f"To work on: {kind(weakest(labels))['work_on']}\n"
            f"A line to keep for this one: \u201c{scenario.better}\u201d")
