"""Does this message signal a crisis? The lexicon half of the safety check; the NLU model is the other."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from coach.content import read_yaml
from coach.safety.normalise import normalise

LEXICON_PATH = Path(__file__).with_name("lexicon.yml")


@dataclass(frozen=True)
class Lexicon:
    crisis: dict[str, re.Pattern]
    benign: dict[str, re.Pattern]

    @classmethod
    def load(cls, path: Path = LEXICON_PATH) -> "Lexicon":
        data = read_yaml(path)
        return cls(crisis=_compile_groups(data["crisis"]), benign=_compile_groups(data["benign"]))


def _compile_groups(groups: dict[str, list[str]]) -> dict[str, re.Pattern]:
    return {name: re.compile("|".join(f"(?:{squeeze_pattern(p)})" for p in patterns))
            for name, patterns in groups.items()}


_PATTERN_RUNS = re.compile(r"(?<!\\)([a-z])\1+")


def squeeze_pattern(pattern: str) -> str:
    """squeeze() for a regex: 'better' -> 'beter', but the escape in '\\bbetter' stays whole."""
    return _PATTERN_RUNS.sub(r"\1", pattern)


@dataclass(frozen=True)
class Assessment:
    crisis: bool
    signals: tuple[str, ...] = ()  # lexicon groups that matched, e.g. ("wish_to_die",)
    benign: bool = False  # an idiom or negation was recognised

    @property
    def reason(self) -> str:
        return ",".join(self.signals) or ("benign" if self.benign else "none")


class CrisisDetector:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def assess(self, text: str) -> Assessment:
        normalised = normalise(text)
        benign_spans = [m.span() for p in self.lexicon.benign.values() for m in p.finditer(normalised)]
        signals = tuple(name for name, pattern in self.lexicon.crisis.items()
                        if any(not _inside(m.span(), benign_spans) for m in pattern.finditer(normalised)))
        return Assessment(crisis=bool(signals), signals=signals, benign=bool(benign_spans))


def _inside(span: tuple[int, int], others: list[tuple[int, int]]) -> bool:
    start, end = span
    return any(o_start <= start and end <= o_end for o_start, o_end in others)


@functools.lru_cache(maxsize=1)
def default_detector() -> CrisisDetector:
    return CrisisDetector(Lexicon.load())
