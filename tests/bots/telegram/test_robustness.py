"""When things go wrong: network errors, a failing turn, an expired button."""
from __future__ import annotations

import logging

from tests.bots.telegram import updates
from tests.bots.telegram.conftest import texts

SECRET = "my brother doesn't know about the debt"


class BrokenCoach:
    """A coach whose turn fails with the user's words in the exception, as a careless library might."""

    def __init__(self, real) -> None:
        self.services = real.services
        self.detector = real.detector

    async def respond(self, user, text):
        raise RuntimeError(f"could not parse: {text}")


async def test_a_network_error_while_sending_is_retried_and_the_reply_arrives(telegram, tg_user):
    telegram.api.fail_next["sendMessage"] = 1
    calls = await telegram.say(tg_user, "/start")
    sends = [c for c in calls if c.method == "sendMessage"]
    assert sends[0].text == sends[1].text, "the failed message was sent again"
    assert "coach, not therapy" in texts(sends)


async def test_a_failing_turn_gets_a_kind_message_and_logs_no_user_text(make_bot, coach, tg_user, caplog):
    caplog.set_level(logging.DEBUG)
    async with make_bot(BrokenCoach(coach)).running() as bot:
        calls = await bot.say(tg_user, SECRET)
    assert "something went wrong on my side" in texts(calls)
    assert "RuntimeError" in caplog.text
    assert "debt" not in caplog.text and "brother" not in caplog.text


async def test_an_expired_button_says_so_instead_of_guessing(telegram, tg_user):
    calls = await telegram.send(updates.button_press(tg_user, "#0123456789abcdef01234567", 555))
    assert [c.method for c in calls[:2]] == ["answerCallbackQuery", "editMessageReplyMarkup"]
    assert "That button has expired" in texts(calls)


def test_coach_telegram_without_a_token_stops_with_a_clear_message(monkeypatch, capsys):
    from coach.cli import main

    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    assert main(["telegram"]) == 2
    assert "TELEGRAM_BOT_TOKEN is not set" in capsys.readouterr().err
