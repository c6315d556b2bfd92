"""Map what a man says he feels onto the feelings wheel: broad feeling, specific word, or 'vague'."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from coach.content import load

_FILLER = re.compile(r"\b(i am|i'm|im|i feel|feeling|feel|kinda|kind of|a bit|bit|pretty|really|so|very|"
                     r"just|quite|today|right now|now|rather|totally|super|little|like)\b")
# "not happy", "not really calm": a negated pleasant word says something is wrong, not which feeling.
_PLEASANT = {"happy", "calm"}


@dataclass(frozen=True)
class NamedFeeling:
    word: str  # what to reflect back: the specific word if known, else his own
    core: str | None  # the broad feeling on the wheel, None when vague or unknown
    specific: bool  # True when it is one of the wheel's specific feelings


def _normalise(text: str) -> str:
    lowered = re.sub(r"[^a-z' ]", " ", text.casefold().replace("\u2019", "'"))
    return re.sub(r"\s+", " ", lowered).strip()


def _strip_filler(text: str) -> str:
    return re.sub(r"\s+", " ", _FILLER.sub(" ", text)).strip()


def _find(phrases: list[str], text: str) -> str | None:
    return next((p for p in phrases if re.search(rf"\b{re.escape(p)}\b", text)), None)


@dataclass(frozen=True)
class Wheel:
    core: dict[str, list[str]]  # broad -> specific feelings
    lookup: dict[str, tuple[str, bool]]  # phrase -> (broad feeling, is specific)
    vague: frozenset[str]

    def name(self, text: str) -> NamedFeeling | None:
        """None when the text names nothing recognisable; vague words give core None."""
        spoken = _normalise(text)
        cleaned = _strip_filler(spoken)
        if not cleaned:
            return None
        phrases = sorted(self.lookup, key=len, reverse=True)
        # Whole phrases first ("like a failure"), then with filler words gone ("kinda pissed off").
        phrase = _find(phrases, spoken) or _find(phrases, cleaned)
        if phrase is not None:
            core, specific = self.lookup[phrase]
            if core in _PLEASANT and re.search(rf"\bnot (?:\w+ )?{re.escape(phrase)}\b", spoken):
                return NamedFeeling(f"not {phrase}", None, False)
            return NamedFeeling(phrase, core, specific)
        vague = _find(sorted(self.vague, key=len, reverse=True), cleaned)
        if vague is not None:
            return NamedFeeling(vague, None, False)
        return None

    def specifics(self, core: str) -> list[str]:
        return list(self.core.get(core, []))

    def cores(self) -> list[str]:
        return list(self.core)


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


def body_place(text: str) -> str | None:
    """'a knot in my gut' -> 'stomach'; 'no idea' -> 'not sure'; None when no place is named."""
    data = load("feelings")
    spoken = _normalise(text)
    if _find(sorted(data["not_sure_in_body"], key=len, reverse=True), spoken):
        return "not sure"
    for place, words in data["body"].items():
        if _find(sorted(words, key=len, reverse=True), spoken):
            return place
    return None


def taming_line(core: str | None) -> str:
    lines = load("feelings")["tame"].get(core or "", [])
    return lines[0] if lines else ""


def heavy_note(word: str) -> str:
    """A word about support for heavy feelings ("hopeless"); '' for the rest."""
    data = load("feelings")
    return data["heavy_note"].format(word=word) if word in data["heavy"] else ""


def means_not_knowing(word: str) -> bool:
    return word in load("feelings")["not_knowing"]
