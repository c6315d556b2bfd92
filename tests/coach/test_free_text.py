"""When a message answers a form's question, and when it leaves the form."""
from __future__ import annotations

import pytest

from coach.answers import free_text, quoted, read_in_form


def message(text: str, intent: str, confidence: float = 0.9) -> dict:
    return {"text": text, "intent": {"name": intent, "confidence": confidence}}


@pytest.mark.parametrize("text, intent, confidence, answers", [
    ("I shut down when she's upset", "start_disclosure", 0.55, True),    # unsure: an answer
    ("I never open up to her", "start_disclosure", 0.99, True),          # sure, but not a request
    ("let's do the opening up thing", "start_disclosure", 0.93, False),  # asks to switch
    ("can we name a feeling instead?", "start_feelings", 0.9, False),
    ("I was told to man up", "start_reframe", 0.97, True),               # his own flow: an answer
    ("not now", "stop", 0.4, False),                                     # stopping always works
    ("/start_feelings", "start_feelings", 1.0, False),                   # a command
    ('/disclosure_outcome{"outcome": "so-so"}', "disclosure_outcome", 1.0, True),  # this flow's button
    ("kinda pissed off", "share_feeling", 0.9, True),
])
def test_answers_and_break_outs(text, intent, confidence, answers):
    flow = "disclosure" if intent == "disclosure_outcome" else "reframe"
    assert read_in_form(message(text, intent, confidence), flow, frozenset({"disclosure_outcome"})).answers is answers


def test_a_confident_answer_that_sounds_like_another_flow_offers_the_switch():
    reading = read_in_form(message("I never open up to her", "start_disclosure", 0.99), "reframe")
    assert reading.maybe_switch_to == "start_disclosure"
    assert read_in_form(message("my dad", "greet", 0.99), "reframe").maybe_switch_to is None


def test_free_text_is_tidied_and_payloads_are_not_answers():
    assert free_text("  my   dad \n mostly ") == "my dad mostly"
    assert free_text("/start_reframe") == ""
    assert len(free_text("x" * 900)) == 500


def test_quoted_drops_a_trailing_full_stop():
    assert quoted("Tell her one thing.") == '"Tell her one thing"'


@pytest.mark.parametrize("text, intent, confidence, answers", [
    ("Never show weakness", "stop", 0.42, True),     # a script that merely resembles stopping
    ("not now", "stop", 0.3, False),                 # the plain ways out work whatever the model says
    ("Stop.", "out_of_scope", 0.5, False),
    ("goodbye then", "goodbye", 0.8, False),
])
def test_break_outs_by_words(text, intent, confidence, answers):
    assert read_in_form(message(text, intent, confidence), "reframe").answers is answers


def test_the_forms_own_buttons_are_always_answers():
    offered = frozenset({"never back down"})
    assert read_in_form(message("Never back down", "stop", 0.9), "reframe", offered=offered).answers
