"""Which messages leave a practice scenario, and which are answers to her that happen to sound like it."""
from __future__ import annotations

import pytest

from coach.actions.practice import is_break_out


def message(text: str, intent: str, confidence: float) -> dict:
    return {"text": text, "intent": {"name": intent, "confidence": confidence}}


@pytest.mark.parametrize("text, intent, confidence", [
    ("stop", "stop", 0.98),
    ("bye for now", "goodbye", 0.95),
    ("/checkin", "checkin", 1.0),
    ("/start_practice", "start_practice", 1.0),
    ("/help", "help", 1.0),
    ("can we stop this exercise please", "stop", 0.6),
])
def test_commands_and_short_sure_requests_leave(text, intent, confidence):
    assert is_break_out(message(text, intent, confidence))


@pytest.mark.parametrize("text, intent, confidence", [
    ("what would help tonight?", "help", 0.95),
    ("just forget about it, it doesn't matter", "stop", 0.98),
    ("leave it babe", "stop", 0.83),
    ("what happened?", "help", 0.43),
    ("i'm scared i'm going to lose my job", "share_feeling", 0.9),
])
def test_answers_that_sound_like_commands_stay_in_the_scenario(text, intent, confidence):
    assert not is_break_out(message(text, intent, confidence))
