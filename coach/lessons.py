"""Lesson decks: short coaching lessons as data, one card per message, and how an answer moves on.

A deck (coach/content/<flow>.yml, key `cards`) is a list of cards. Kinds:
- read: one idea with an example; any answer (the "Next" button) moves on.
- quiz: a situation and options, one of them right; each option has its own feedback.
- try: he writes a line himself; regex checks, first match wins, give the feedback.
- choice: options that pick a branch; later cards with `only: <branch>` show on that branch only.
- menu: one random idea from the deck's `ideas`, with "another one" and "I'll try this one".
"""
from __future__ import annotations

import functools
import random
import re
from dataclasses import dataclass, field

from coach.content import load

NEXT = "next"
ANOTHER = "another one"
PICK = "this one"
RIGHT = ("Yes.", "Spot on.", "That's the one.", "Exactly.")
WRONG = ("Not quite.", "Close, but no.", "Not that one.")


@dataclass(frozen=True)
class Option:
    key: str
    title: str
    feedback: str = ""
    correct: bool = False
    branch: str | None = None


@dataclass(frozen=True)
class Check:
    pattern: re.Pattern
    feedback: str


@dataclass(frozen=True)
class Card:
    id: str
    kind: str
    texts: tuple[str, ...]
    options: tuple[Option, ...] = ()
    checks: tuple[Check, ...] = ()
    default: str = ""
    only: str | None = None
    next_title: str = "Next"

    def text(self, rng: random.Random | None = None) -> str:
        return (rng or random).choice(self.texts)

    def buttons(self) -> list[dict[str, str]]:
        if self.kind in ("quiz", "choice"):
            return [{"title": o.title, "payload": o.key} for o in self.options]
        if self.kind == "read":
            return [{"title": self.next_title, "payload": NEXT}]
        if self.kind == "menu":
            return [{"title": "I'll try this one", "payload": PICK}, {"title": "Another one", "payload": ANOTHER}]
        return []


@dataclass(frozen=True)
class Idea:
    id: str
    text: str


@dataclass
class Outcome:
    """What an answer did: messages to send back, and whether the deck moves on."""

    feedback: list[str] = field(default_factory=list)
    advance: bool = False
    branch: str | None = None
    another: bool = False


@dataclass(frozen=True)
class Deck:
    name: str
    cards: tuple[Card, ...]
    ideas: tuple[Idea, ...] = ()

    def card(self, step: int) -> Card:
        return self.cards[min(max(step, 0), len(self.cards) - 1)]

    def following(self, step: int, branch: str | None) -> int | None:
        """The next card on this branch after `step`; None when the deck is done."""
        for index in range(step + 1, len(self.cards)):
            only = self.cards[index].only
            if only is None or only == branch:
                return index
        return None

    def idea(self, idea_id: str | None) -> Idea | None:
        return next((i for i in self.ideas if i.id == idea_id), None)

    def another_idea(self, current: str | None, rng: random.Random | None = None) -> Idea:
        choices = [i for i in self.ideas if i.id != current] or list(self.ideas)
        return (rng or random).choice(choices)


def answer(card: Card, text: str, rng: random.Random | None = None) -> Outcome:
    """How the deck responds to `text` on `card`. Never raises on odd input."""
    said = " ".join(str(text or "").split())
    if card.kind == "read":
        return Outcome(advance=True)
    if card.kind == "menu":
        return _answer_menu(said)
    if card.kind == "try":
        return _answer_try(card, said)
    option = _matching_option(card, said)
    if option is None:
        keys = [o.key for o in card.options] if card.kind == "quiz" else [str(n + 1) for n in range(len(card.options))]
        listed = ", ".join(keys[:-1]) + f" or {keys[-1]}"
        return Outcome([f"Tap one of the buttons, or type {listed}. (Or \"stop\" to leave this.)"])
    if card.kind == "choice":
        return Outcome([option.feedback] if option.feedback else [], advance=True, branch=option.branch)
    verdict = (rng or random).choice(RIGHT if option.correct else WRONG)
    feedback = f"{verdict} {option.feedback}".strip()
    if not option.correct:
        right = next((o for o in card.options if o.correct), None)
        if right is not None:
            feedback += f"\nThe one I'd pick: {right.title}\n{right.feedback}"
    return Outcome([feedback], advance=True)


def _matching_option(card: Card, said: str) -> Option | None:
    lowered = said.casefold().strip(" .!?\"'")
    for number, option in enumerate(card.options, start=1):
        if lowered in (option.key.casefold(), str(number), option.title.casefold().strip(" .!?\"'")):
            return option
    return None


def _answer_try(card: Card, said: str) -> Outcome:
    if len(re.findall(r"[A-Za-z']+", said)) < 2:
        return Outcome(["Give it a go in a few words, as you'd really say it. There's no wrong answer here."])
    for check in card.checks:
        if check.pattern.search(said):
            return Outcome([check.feedback], advance=True)
    return Outcome([card.default], advance=True)


def _answer_menu(said: str) -> Outcome:
    lowered = said.casefold()
    if re.search(r"\b(another|other|different|else|next|more|no|not|nah|nope)\b", lowered):
        return Outcome(another=True)
    if re.search(r"\b(this|that|try|pick|yes|yeah|yep|ok|okay|sure|do it|good)\b", lowered):
        return Outcome(advance=True)
    return Outcome(["Tap \"I'll try this one\" if it fits, or \"Another one\" for a different idea."])


@functools.lru_cache(maxsize=None)
def load_deck(name: str) -> Deck:
    data = load(name)
    cards = tuple(_card(raw) for raw in data["cards"])
    ideas = tuple(Idea(i["id"], i["text"]) for i in data.get("ideas") or ())
    return Deck(name, cards, ideas)


def _card(raw: dict) -> Card:
    texts = raw["text"] if isinstance(raw["text"], list) else [raw["text"]]
    options = tuple(Option(o["key"], o["title"], o.get("feedback", ""), bool(o.get("correct")), o.get("branch"))
                    for o in raw.get("options") or ())
    checks = tuple(Check(re.compile(c["pattern"], re.IGNORECASE), c["feedback"]) for c in raw.get("checks") or ())
    return Card(raw["id"], raw.get("kind", "read"), tuple(texts), options, checks, raw.get("default", ""),
                raw.get("only"), raw.get("next", "Next"))
