"""Free-text answers in the feelings, disclosure and reframe forms: answers, ways out, a switch offered."""
from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from coach.actions.disclosure import ValidateDisclosureForm
from coach.actions.reframe import ValidateReframeForm
from coach.words import free_text, quoted
from tests.coach.trackers import form_domain

REFRAME = form_domain("reframe_form", ["reframe_script", "reframe_norm", "reframe_origin", "reframe_cost",
                                       "reframe_text"], ["reframe_example"])
DISCLOSURE = form_domain("disclosure_form", ["disclosure_outcome", "disclosure_plan"],
                         ["disclosure_followup", "disclosure_level", "disclosure_offered"])


def asked(slot: str, form: str, text: str, intent: str, confidence: float = 0.95, buttons=()):
    from rasa_sdk import Tracker

    message = {"text": text, "intent": {"name": intent, "confidence": confidence}, "entities": []}
    events = [{"event": "bot", "text": "a question", "data": {"buttons": list(buttons)}},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": message},
              {"event": "action", "name": form}]
    return Tracker("test:free-text", {"requested_slot": slot, "disclosure_followup": "open"}, message, events,
                   False, None, {"name": form}, "action_listen")


async def extracted(action, tracker, domain):
    dispatcher = CollectingDispatcher()
    events = await action.get_extraction_events(dispatcher, tracker, domain)
    return {e["name"]: e["value"] for e in events}, dispatcher.messages


@pytest.mark.parametrize("text, intent, confidence", [
    ("I shut down when she's upset", "start_disclosure", 0.55),  # the model is unsure: an answer
    ("I was told to man up", "start_reframe", 0.99),             # his own flow's topic: an answer
    ("Never show weakness", "stop", 0.42),                        # a script that barely reads as stop
    ("kinda pissed off", "share_feeling", 0.9),
])
async def test_these_are_his_answer(text, intent, confidence):
    slots, messages = await extracted(ValidateReframeForm(), asked("reframe_cost", "reframe_form", text, intent,
                                                                   confidence), REFRAME)
    assert slots == {"reframe_cost": text} and messages == []


@pytest.mark.parametrize("text, intent, confidence", [
    ("let's do the opening up thing", "start_disclosure", 0.95),   # asks to switch
    ("can we name a feeling instead?", "start_feelings", 0.93),
    ("stop", "stop", 0.95),
    ("/start_feelings", "start_feelings", 1.0),                    # a command
])
async def test_these_leave_the_form(text, intent, confidence):
    slots, _ = await extracted(ValidateReframeForm(), asked("reframe_cost", "reframe_form", text, intent,
                                                            confidence), REFRAME)
    assert slots == {}


async def test_an_answer_that_only_sounds_like_another_flow_stays_and_offers_the_switch():
    text = "I never open up to her, she says I'm a closed book"
    slots, messages = await extracted(ValidateReframeForm(), asked("reframe_cost", "reframe_form", text,
                                                                   "start_disclosure", 1.0), REFRAME)
    assert slots == {"reframe_cost": text}
    assert [b["payload"] for b in messages[0]["buttons"]] == ["/disclose"]


async def test_the_follow_up_buttons_are_answers_inside_the_disclosure_form():
    payload = '/disclosure_outcome{"outcome": "so-so"}'
    tracker = asked("disclosure_outcome", "disclosure_form", payload, "disclosure_outcome", 1.0)
    slots, _ = await extracted(ValidateDisclosureForm(), tracker, DISCLOSURE)
    assert slots == {"disclosure_outcome": payload}


def test_free_text_is_tidied_and_payloads_are_not_answers():
    assert free_text("  my   dad \n mostly ") == "my dad mostly"
    assert free_text("/start_reframe") == ""
    assert len(free_text("x" * 900)) == 500


def test_quoted_drops_a_trailing_full_stop():
    assert quoted("Tell her one thing.") == '"Tell her one thing"'
