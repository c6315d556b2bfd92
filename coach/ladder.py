"""The disclosure ladder: its levels and prompts, and how an outcome moves him along it."""
from __future__ import annotations

import re
from dataclasses import dataclass

from coach.content import load

OUTCOMES = ("went well", "so-so", "didn't try")
# How a follow-up answer in his own words maps onto an outcome; first match wins.
_OUTCOME_WORDS = (
    ("didn't try", ("didn't try", "didnt try", "did not try", "didn't do it", "didnt do it", "didn't get",
                    "didnt get", "didn't tell", "didnt tell", "haven't", "havent", "not yet", "no chance",
                    "bottled", "chickened", "forgot", "never got", "no time", "not tried", "skipped")),
    ("so-so", ("so-so", "so so", "soso", "ok", "okay", "alright", "meh", "awkward", "weird", "mixed",
               "not great", "not sure", "kind of", "kinda", "sort of", "half", "didn't go", "didnt go",
               "didn't land", "badly", "bad", "not well", "didn't like", "brushed", "laughed")),
    ("went well", ("well", "good", "great", "brilliant", "amazing", "loved", "nice", "fine", "yes", "yeah",
                   "yep", "she liked", "it worked", "helped", "closer", "landed")),
)
_NOT_TRIED_ALONE = ("no", "nope", "nah", "not really")


@dataclass(frozen=True)
class Level:
    number: int
    name: str
    why: str
    prompts: tuple[str, ...]


def levels() -> list[Level]:
    return [Level(int(item["level"]), item["name"], item["why"], tuple(item["prompts"]))
            for item in load("disclosure")["levels"]]


def level(number: int) -> Level:
    all_levels = levels()
    return all_levels[clamp(number) - 1]


def clamp(number: int) -> int:
    return max(1, min(len(levels()), int(number)))


def next_level(current: int, outcome: str) -> int:
    """Up one after it went well, down one after he didn't try, the same after so-so."""
    step = {"went well": 1, "didn't try": -1}.get(outcome, 0)
    return clamp(current + step)


def outcome_buttons() -> list[dict[str, str]]:
    """Follow-up buttons as trusted payloads, so they work anywhere, not only inside the flow."""
    return [{"title": title, "payload": f'/disclosure_outcome{{"outcome": "{outcome}"}}'}
            for title, outcome in zip(("Went well", "So-so", "Didn't try"), OUTCOMES)]


def parse_outcome(text: str) -> str | None:
    """'yeah it went fine' -> 'went well'; None when the answer says nothing about how it went."""
    lowered = text.casefold().replace("\u2019", "'").strip(" .!")
    if lowered in _NOT_TRIED_ALONE:
        return "didn't try"
    for outcome, words in _OUTCOME_WORDS:
        if outcome == lowered or any(re.search(rf"(?<![\w']){re.escape(w)}(?![\w'])", lowered) for w in words):
            return outcome
    return None
