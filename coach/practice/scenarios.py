"""The scenario library (coach/content/scenarios/<id>.yml): loading, and checking each file is complete."""
from __future__ import annotations

import functools
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coach.content import CONTENT_DIR, read_yaml
from coach.practice.skills import CLASSES

SCENARIO_DIR = CONTENT_DIR / "scenarios"
TEXT_FIELDS = ("title", "skill", "plays", "speaker", "setup", "opening", "better")
MIN_TURNS, MAX_TURNS = 2, 3


class ScenarioError(ValueError):
    """A scenario file is incomplete or names a kind of reply its skill does not have."""


@dataclass(frozen=True)
class Scenario:
    id: str
    title: str
    skill: str
    plays: str  # who the coach plays, e.g. "your partner"
    speaker: str  # the name on the partner's lines
    setup: str
    opening: str
    turns: tuple[dict[str, str], ...]  # per reply he gives: the partner's answer, by kind of reply
    notes: dict[str, str]  # per kind of reply: what worked, or what didn't
    better: str  # one better phrasing for this situation

    def answer(self, turn: int, label: str) -> str:
        """What the partner says after his reply number `turn` (from 0) of kind `label`."""
        return self.turns[turn][label]

    def said(self, line: str) -> str:
        return f"{self.speaker}: \u201c{line}\u201d"


def problems(data: Any) -> list[str]:
    """What is missing or wrong in one scenario's data; empty when it is complete."""
    if not isinstance(data, dict):
        return ["not a mapping"]
    found = [f"missing {name}" for name in TEXT_FIELDS if not str(data.get(name) or "").strip()]
    classes = CLASSES.get(data.get("skill"))
    if classes is None:
        return found + [f"skill must be one of {', '.join(CLASSES)}"]
    turns = data.get("turns")
    if not isinstance(turns, list) or not MIN_TURNS <= len(turns) <= MAX_TURNS:
        return found + [f"turns must be a list of {MIN_TURNS} to {MAX_TURNS} branch sets"]
    for number, branches in enumerate(turns, start=1):
        found += _by_class_problems(f"turn {number}", branches, classes)
    return found + _by_class_problems("notes", data.get("notes"), classes)


def _by_class_problems(where: str, mapping: Any, classes: tuple[str, ...]) -> list[str]:
    if not isinstance(mapping, dict):
        return [f"{where}: needs one line per kind of reply"]
    missing = [c for c in classes if not str(mapping.get(c) or "").strip()]
    unknown = sorted(set(mapping) - set(classes))
    return ([f"{where}: no branch for {', '.join(missing)}"] if missing else []) + \
           ([f"{where}: unknown kinds {', '.join(unknown)}"] if unknown else [])


def parse(scenario_id: str, data: Any) -> Scenario:
    found = problems(data)
    if found:
        raise ScenarioError(f"scenario {scenario_id}: " + "; ".join(found))
    fields = {name: str(data[name]).strip() for name in TEXT_FIELDS}
    turns = tuple({k: str(v).strip() for k, v in branches.items()} for branches in data["turns"])
    notes = {k: str(v).strip() for k, v in data["notes"].items()}
    return Scenario(id=scenario_id, turns=turns, notes=notes, **fields)


@functools.lru_cache(maxsize=4)
def library(directory: Path = SCENARIO_DIR) -> dict[str, Scenario]:
    """Every scenario, by id (its file name), in file-name order."""
    return {path.stem: parse(path.stem, read_yaml(path))
            for path in sorted(directory.glob("*.yml"))}


def random_scenario(exclude: str | None = None) -> Scenario:
    choices = [s for s in library().values() if s.id != exclude] or list(library().values())
    return random.choice(choices)


COMMON_WORDS = {"the", "you", "she", "her", "and", "one", "about", "after", "that", "your", "with",
                "want", "this", "tells", "asks", "brings"}
RANDOM_WORDS = ("random", "surprise", "any", "whatever", "you pick", "you choose", "dunno", "don't mind")


def find_scenario(text: str) -> Scenario | None:
    """What he typed when asked which scenario: an id, its number in the list, "surprise me",
    or words from a title ("the money one")."""
    wanted = text.casefold().strip().replace(" ", "_")
    scenarios = library()
    if wanted in scenarios:
        return scenarios[wanted]
    if wanted.isdigit() and 1 <= int(wanted) <= len(scenarios):
        return list(scenarios.values())[int(wanted) - 1]
    if any(word in text.casefold() for word in RANDOM_WORDS):
        return random_scenario()
    return _best_title_match(set(_words(text)))


def _best_title_match(words: set[str]) -> Scenario | None:
    scored = [(len(words & set(_words(s.title + " " + s.id))), s) for s in library().values()]
    best, scenario = max(scored, key=lambda pair: pair[0], default=(0, None))
    return scenario if best and [n for n, _ in scored].count(best) == 1 else None


def _words(text: str) -> list[str]:
    cleaned = "".join(c if c.isalnum() else " " for c in text.casefold())
    return [w for w in cleaned.split() if len(w) > 2 and w not in COMMON_WORDS]
