"""What he typed into a form, tidied: one line, capped, and never one of our own payloads."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any


def free_text(value: Any, limit: int = 500) -> str:
    """'' for nothing, or for a payload such as '/start_reframe' (his own flow restarted mid-form)."""
    text = re.sub(r"\s+", " ", str(value or "")).strip()
    return "" if text.startswith("/") else text[:limit]


def quoted(text: str) -> str:
    """His words in quotes, without a full stop that would clash with the sentence around them."""
    return f"\"{text.strip().rstrip('.')}\""


BREAK_OUT_INTENTS = frozenset({"stop", "crisis", "help", "goodbye", "checkin", "privacy", "export", "forget"})
# Short scripts read like "stop" to the model ("Never show weakness": stop, 0.42), so a break-out by
# words needs some confidence, except for the plain ways of saying it.
BREAK_OUT_CONFIDENCE = 0.6
_STOP_WORDS = frozenset({"stop", "not now", "cancel", "quit", "exit", "never mind", "nevermind", "later",
                         "maybe later", "not today", "enough", "skip", "skip this", "stop this", "leave it"})
# Answers often sound like another flow ("I never open up to her" reads as "start_disclosure" with
# high confidence), so a switch by words needs a confident intent *and* a request's phrasing.
SWITCH_CONFIDENCE = 0.8
_REQUEST = re.compile(r"^(let'?s|can we|could we|can you|could you|i want to|i wanna|i'd like to|id like to|"
                      r"help me|show me|teach me|take me|go to|switch|actually|instead|how do i)\b|"
                      r"\b(instead|rather|switch to|the \w+ (thing|exercise|one))\b|\?$")


@dataclass(frozen=True)
class Reading:
    """How a message in a form reads: an answer, a way out, or an answer that might be a switch."""

    answers: bool
    maybe_switch_to: str | None = None  # the other flow's intent, when it's an answer that sounds like one


def other_flows_start_intents(flow: str) -> frozenset[str]:
    from coach.content import load

    return frozenset(item["intent"] for item in load("menu") if item.get("intent") and item.get("flow") != flow)


def read_in_form(message: dict[str, Any], flow: str, own_intents: frozenset[str] = frozenset(),
                 offered: frozenset[str] = frozenset()) -> Reading:
    """`offered`: the answers on the form's own buttons (lower case), which always count as answers."""
    text = message.get("text") or ""
    said = re.sub(r"[^\w' ]+", "", text.casefold().replace("\u2019", "'")).strip()
    intent = message.get("intent") or {}
    name, confidence = intent.get("name"), float(intent.get("confidence") or 0.0)
    if name in own_intents or text.casefold().strip() in offered:
        return Reading(True)
    if text.startswith("/") or said in _STOP_WORDS or name == "crisis":
        return Reading(False)
    if name in BREAK_OUT_INTENTS and confidence >= BREAK_OUT_CONFIDENCE:
        return Reading(False)
    if name in other_flows_start_intents(flow) and confidence >= SWITCH_CONFIDENCE:
        if _REQUEST.search(said):
            return Reading(False)
        return Reading(True, maybe_switch_to=name)
    return Reading(True)
