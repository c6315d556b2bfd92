"""When a message inside a form is his answer, and when it is a way out of the form.

The lesson and provider forms ask for free text in his own words, and those words often sound
like the flow's own topic ("my boss keeps piling on work" is what /provider is about). So their
slots use custom extraction instead of `from_text` + `not_intent`: a command or button payload
always leaves the form, "stop", "help", a crisis and the data commands always do, another flow's
topic does when the model is sure, a tap on one of the question's own buttons is always an
answer, and everything else is his answer too.
"""
from __future__ import annotations

import re

from rasa_sdk import Tracker

from coach.commands import COMMANDS

ALWAYS_BREAK_OUT = frozenset({"stop", "crisis", "help", "goodbye", "privacy", "export", "forget"})
NOT_BREAK_OUTS = frozenset({"greet", "about"})  # "hi" mid-form is not a reason to leave it
SWITCH_CONFIDENCE = 0.9  # typed text switches flows only when the model is this sure
LEAVE_CONFIDENCE = 0.5  # a "stop" the model barely believes is more likely an answer
PASSIVE_ACTIONS = frozenset({"action_listen", "action_extract_slots"})
# How a request to switch reads ("let's...", "can we...", "...instead?"), as opposed to an answer that
# only sounds like another flow ("I never open up to her" reads as start_disclosure at 1.0).
_REQUEST = re.compile(r"^(let'?s|can we|could we|can you|could you|i want to|i wanna|i'd like to|id like to|"
                      r"help me|show me|teach me|take me|go to|switch|actually|instead|how do i)\b|"
                      r"\b(instead|rather|switch to|the \w+ (thing|exercise|one))\b|\?$")


def break_out_intents() -> frozenset[str]:
    commanded = {intent for intent, _ in COMMANDS.values()} - NOT_BREAK_OUTS
    return ALWAYS_BREAK_OUT | commanded


def answer_text(tracker: Tracker, slot: str, form: str, own_intents: frozenset[str]) -> str | None:
    """His latest message as the answer for `slot`, or None when it is not an answer to it."""
    if tracker.get_slot("requested_slot") != slot or not just_spoke(tracker, form):
        return None
    message = tracker.latest_message or {}
    text = str(message.get("text") or "").strip()
    intent = message.get("intent") or {}
    name, confidence = intent.get("name"), float(intent.get("confidence") or 0.0)
    if not text or text.startswith("/"):  # our commands and payload buttons lead somewhere else
        return None
    if text in _offered_payloads(tracker):  # he tapped one of this question's buttons
        return text
    if name in ALWAYS_BREAK_OUT and (name == "crisis" or confidence >= LEAVE_CONFIDENCE):
        return None
    if name in break_out_intents() - own_intents and confidence >= SWITCH_CONFIDENCE:
        return None
    return text


def sounds_like_another_flow(tracker: Tracker, form: str, own_intents: frozenset[str]) -> str | None:
    """The intent his message was taken for, when `answer_text` let it leave the form only because the
    model was sure of another flow, yet it isn't phrased as a request: then it is likelier an answer."""
    message = tracker.latest_message or {}
    text = str(message.get("text") or "").strip()
    intent = message.get("intent") or {}
    name, confidence = intent.get("name"), float(intent.get("confidence") or 0.0)
    if not text or text.startswith("/") or not just_spoke(tracker, form):
        return None
    if name in ALWAYS_BREAK_OUT or name not in break_out_intents() - own_intents or confidence < SWITCH_CONFIDENCE:
        return None
    said = re.sub(r"[^\w' ]+", "", text.casefold().replace("\u2019", "'")).strip()
    return None if _REQUEST.search(said) else name


def just_spoke(tracker: Tracker, form: str) -> bool:
    """True when nothing but the form ran since his last message (not on activation or a return)."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return True
        if event.get("event") == "action" and event.get("name") not in PASSIVE_ACTIONS | {form}:
            return False
    return False


def _offered_payloads(tracker: Tracker) -> set[str]:
    """Payloads of the buttons the coach sent since his previous message."""
    offered: set[str] = set()
    seen_user = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            if seen_user:
                break
            seen_user = True
        elif event.get("event") == "bot" and seen_user:
            offered |= {b.get("payload") for b in (event.get("data") or {}).get("buttons") or ()}
    return offered


def leaves_form(message: dict, own_intents: frozenset[str] = frozenset()) -> bool:
    """Does his message inside a free-text form mean "take me somewhere else"?

    The same rules as `answer_text`: a crisis always; a command or button payload unless it
    restarts this flow; "stop", "help" and the data commands when the model half believes it;
    another flow's topic only when the model is sure.
    """
    text = str(message.get("text") or "").strip()
    intent = message.get("intent") or {}
    name, confidence = intent.get("name"), float(intent.get("confidence") or 0.0)
    if name == "crisis":
        return True
    if text.startswith("/"):
        return name not in own_intents
    if name in ALWAYS_BREAK_OUT:
        return confidence >= LEAVE_CONFIDENCE
    return name in break_out_intents() - own_intents and confidence >= SWITCH_CONFIDENCE
