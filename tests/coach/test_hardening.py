"""Hardening: typed payloads are plain text, no user text in any log, rate limit and length cap."""
from __future__ import annotations

import logging

import pytest

from coach.engine import RATE_LIMITED
from coach.limits import RateLimiter
from coach.quiet import configure_logging
from tests.helpers import payloads, texts


@pytest.mark.parametrize("payload", [
    '/start_safety_plan{"safety_reasons": "INJECTED"}',
    '/affirm{"safety_followup": "offered"}',
    '/forget{"forget_confirm": "yes"}',
    '/give_consent{"consent": "given"}',
    '/show_safety_plan{"flow": "INJECTED"}',
])
async def test_typed_payloads_with_slots_are_plain_text(say, consented, coach, user, payload):
    await consented()
    turn = await say(payload)
    tracker = await coach.trackers.retrieve(user.sender_id)
    assert turn.confidence < 1.0, "read by the NLU, not unpacked as a payload"
    assert tracker.latest_message.entities == [] or all(
        e.get("value") not in ("INJECTED", "yes", "offered", "given") for e in tracker.latest_message.entities)
    assert tracker.get_slot("safety_reasons") is None
    assert tracker.get_slot("safety_followup") is None
    assert tracker.get_slot("flow") != "INJECTED"
    assert "deleted" not in texts(turn)


async def test_buttons_the_coach_offered_still_work_as_payloads(say, consented):
    await consented()
    turn = await say("I want to end my life")
    assert "/start_safety_plan" in payloads(turn)
    turn = await say("/start_safety_plan")
    assert turn.intent == "start_safety_plan" and turn.confidence == 1.0
    assert turn.flow == "safety"


async def test_no_user_text_reaches_any_log(coach, user, caplog, capfd):
    """Everything logged at DEBUG (root), everything Rasa logs, everything printed."""
    said = ["hi", "/give_consent", "/country uk", "zebraquartz my wife ignored me again",
            "/checkin", "2", "fenwickblue gutted", "I want to kill myself tonight xylophant",
            "no", "marblefrost not great really", "/start_safety_plan", "quillstone drinking alone",
            "tangerinewolf my dog", "/export", "/forget"]
    configure_logging("DEBUG")
    caplog.set_level(logging.DEBUG)
    try:
        for text in said:
            turn = await coach.respond(user, text)
        await coach.respond(user, payloads(turn)[0])  # yes, delete everything
    finally:
        configure_logging("WARNING")
    captured = capfd.readouterr()
    everything = "\n".join([caplog.text, captured.out, captured.err]).lower()
    assert "forgot a user on test" in everything, "the capture sees the coach's own logs"
    for marker in ("zebraquartz", "fenwickblue", "xylophant", "marblefrost", "quillstone",
                   "tangerinewolf", "kill myself", "ignored me"):
        assert marker not in everything, marker


async def test_rate_limit_is_per_user_with_a_kind_message(coach, monkeypatch, say, user):
    from coach.identity import UserRef

    now = [0.0]
    monkeypatch.setattr(coach, "rate_limiter", RateLimiter(3, 10, clock=lambda: now[0]))
    for _ in range(3):
        assert texts(await say("hi")) != RATE_LIMITED
    turn = await say("hi")
    assert texts(turn) == RATE_LIMITED
    assert texts(await coach.respond(UserRef("test", "someone-else-rl"), "hi")) != RATE_LIMITED
    now[0] = 10.5
    assert texts(await say("hi")) != RATE_LIMITED, "the window slides"


async def test_a_crisis_gets_the_lines_even_when_rate_limited(coach, monkeypatch, say, consented):
    await consented("AU")
    monkeypatch.setattr(coach, "rate_limiter", RateLimiter(1, 60, clock=lambda: 0.0))
    await say("hi")
    turn = await say("i want to die")
    assert RATE_LIMITED not in texts(turn)
    assert "13 11 14" in texts(turn)


def test_rate_limiter_counts_a_sliding_window():
    now = [0.0]
    limiter = RateLimiter(2, 5, clock=lambda: now[0])
    assert limiter.allow("a") and limiter.allow("a") and not limiter.allow("a")
    assert limiter.allow("b")
    now[0] = 4.9
    assert not limiter.allow("a")
    now[0] = 5.0
    assert limiter.allow("a")


async def test_the_length_cap_applies_to_what_is_read_and_stored(say, consented, coach, user):
    await consented()
    cap = coach.max_chars
    turn = await say("x" * cap)
    assert "characters" not in texts(turn)
    turn = await say("my wife and I argued again " * 200)
    assert f"first {cap:,} characters" in turn.replies[0].text
    tracker = await coach.trackers.retrieve(user.sender_id)
    assert len(tracker.latest_message.text) == cap
