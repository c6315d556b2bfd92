"""Every free-text answer in a form lets a break-out intent through: stop, a crisis, a command, another flow."""
from __future__ import annotations

from pathlib import Path

from rasa.shared.core.domain import Domain

from coach.commands import COMMANDS

ROOT = Path(__file__).resolve().parents[2]
ALWAYS_BREAK_OUT = {"stop", "crisis", "help", "goodbye"}
NOT_BREAK_OUTS = {"greet", "about"}  # "hi" or "who are you?" mid-form need not end it
# Practice replies are role-play lines ("forget about it, it doesn't matter" reads as `stop`): only a
# crisis always breaks out there, and ValidatePracticeForm.run decides the rest (tested in tests/practice/).
BREAK_OUTS_DECIDED_BY_THE_FORM = {"practice_scenario", "practice_reply"}


def _break_out_intents(domain: Domain) -> set[str]:
    commanded = {intent for intent, _ in COMMANDS.values()} - NOT_BREAK_OUTS
    return (ALWAYS_BREAK_OUT | commanded) & set(domain.intents)


def test_every_free_text_form_slot_lets_every_break_out_intent_through():
    domain = Domain.load(str(ROOT / "domain"))
    expected = _break_out_intents(domain)
    missing = {}
    for slot in domain.slots:
        if slot.name in BREAK_OUTS_DECIDED_BY_THE_FORM:
            assert all("crisis" in (m.get("not_intent") or []) for m in slot.mappings), slot.name
            continue
        for mapping in slot.mappings:
            if mapping.get("type") == "from_text":
                absent = expected - set(mapping.get("not_intent") or [])
                if absent:
                    missing[slot.name] = sorted(absent)
    assert not missing, f"form slots that would swallow a break-out intent: {missing}"
