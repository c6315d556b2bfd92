"""Map what a man says he feels onto the feelings wheel: broad feeling, specific word, or 'vague'."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from coach.content import load

_FILLER = re.compile(r"\b(i am|i'm|im|i feel|feeling|feel|kinda|kind of|a bit|bit|pretty|really|so|very|"
                     r"just|quite|today|right now|now|rather|totally|super|little|like)\b")


@dataclass(frozen=True)
class NamedFeeling:
    word: str  # what to reflect back: the specific word if known, else his own
    core: str | None  # the broad feeling on the wheel, None when vague or unknown
    specific: bool  # True when it is one of the wheel's specific feelings


@dataclass(frozen=True)
class Wheel:
    core: dict[str, list[str]]  # broad -> specific feelings
    lookup: dict[str, tuple[str, bool]]  # phrase -> (broad feeling, is specific)
    vague: frozenset[str]

    def name(self, text: str) -> NamedFeeling | None:
        """None when the text names nothing recognisable; vague words give core None."""
        cleaned = re.sub(r"[^a-z' ]", " ", text.casefold().replace("\u2019", "'"))
        cleaned = re.sub(r"\s+", " ", _FILLER.sub(" ", cleaned)).strip()
        if not cleaned:
            return None
        for phrase in sorted(self.lookup, key=len, reverse=True):
            if re.search(rf"\b{re.escape(phrase)}\b", cleaned):
                core, specific = self.lookup[phrase]
                return NamedFeeling(phrase, core, specific)
        if any(re.search(rf"\b{re.escape(v)}\b", cleaned) for v in self.vague):
            return NamedFeeling(cleaned[:40], None, False)
        return None

    def specifics(self, core: str) -> list[str]:
        return list(self.core.get(core, []))


@functools.lru_cache(maxsize=1)
def default_wheel() -> Wheel:
    data = load("feelings")
    lookup: dict[str, tuple[str, bool]] = {}
    for core, entry in data["core"].items():
        for word in entry["words"] + [core]:
            lookup[word] = (core, False)
        for word in entry["specific"]:
            lookup[word] = (core, True)
    return Wheel({c: e["specific"] for c, e in data["core"].items()}, lookup, frozenset(data["vague"]))
