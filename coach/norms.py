"""Which "man up" norm a script belongs to: keyword scores over the content data, None when unsure."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from coach.content import load


@dataclass(frozen=True)
class Norm:
    key: str
    name: str
    gist: str
    keywords: tuple[str, ...]
    scripts: tuple[str, ...]
    reframes: tuple[str, ...]


@functools.lru_cache(maxsize=1)
def norms() -> dict[str, Norm]:
    return {key: Norm(key, item["name"], item["gist"], tuple(item["keywords"]), tuple(item["scripts"]),
                      tuple(item["reframes"]))
            for key, item in load("reframe")["norms"].items()}


def _normalise(text: str) -> str:
    lowered = text.casefold().replace("\u2019", "'").replace("\u2018", "'")
    return " " + re.sub(r"[^a-z' ]+", " ", lowered) + " "


def _score(norm: Norm, text: str) -> int:
    # A phrase counts for its number of words: "man up" says more than "up" would.
    return sum(len(k.split()) for k in norm.keywords if f" {k} " in re.sub(r"\s+", " ", text))


def classify(script: str) -> Norm | None:
    """The norm with the clearly highest score; None for no match or a tie (then he chooses)."""
    text = _normalise(script)
    scores = sorted(((_score(n, text), n.key) for n in norms().values()), reverse=True)
    (best, key), (runner_up, _) = scores[0], scores[1]
    if best == 0 or best == runner_up:
        return None
    return norms()[key]


def by_name(text: str) -> Norm | None:
    """A norm picked from the "which fits best?" buttons or typed as its name."""
    lowered = _normalise(text).strip()
    for norm in norms().values():
        if lowered in (norm.key.replace("_", " "), _normalise(norm.name).strip()):
            return norm
    return classify(text) if lowered else None


def common_scripts() -> list[str]:
    return [script for norm in norms().values() for script in norm.scripts]
