"""When a message inside a lesson or provider form is his answer, and when it is a way out."""
from __future__ import annotations

import pytest

from tests.helpers import tracker_for

from coach.actions.answers import answer_text

OWN = frozenset({"start_provider"})


def asked(text: str, intent: str, confidence: float, buttons=()) -> object:
    events = [{"event": "bot", "text": "What's on your plate?", "data": {"buttons": list(buttons)}},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": {}},
              {"event": "action", "name": "provider_form"}]
    tracker = tracker_for("test:answers", {"requested_slot": "provider_area"}, "provider_form", text, intent, events)
    tracker.latest_message["intent"]["confidence"] = confidence
    return tracker


@pytest.mark.parametrize("text, intent, confidence", [
    ("my boss keeps piling on work", "start_provider", 0.99),  # his own flow's topic is his answer
    ("how was your day, what happened?", "start_listening", 0.6),  # another topic, model unsure
    ("this one", "stop", 0.45),  # a stop the model barely believes
])
def test_these_are_his_answer(text, intent, confidence):
    assert answer_text(asked(text, intent, confidence), "provider_area", "provider_form", OWN) == text


@pytest.mark.parametrize("text, intent, confidence", [
    ("stop", "stop", 0.97),
    ("/start_listening", "start_listening", 1.0),  # a command
    ("/crisis", "crisis", 1.0),
    ("teach me active listening", "start_listening", 0.95),  # another flow, model sure
])
def test_these_leave_the_form(text, intent, confidence):
    assert answer_text(asked(text, intent, confidence), "provider_area", "provider_form", OWN) is None


def test_a_tap_on_the_questions_own_button_is_an_answer_whatever_the_model_says():
    tracker = asked("all of it", "stop", 0.9, [{"title": "All of it", "payload": "all of it"}])
    assert answer_text(tracker, "provider_area", "provider_form", OWN) == "all of it"


def test_nothing_is_an_answer_right_after_the_form_starts():
    tracker = asked("i need to vent about work", "start_provider", 0.99)
    tracker.events.insert(-1, {"event": "action", "name": "action_start_provider"})
    assert answer_text(tracker, "provider_area", "provider_form", OWN) is None
