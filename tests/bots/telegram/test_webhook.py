"""Webhook mode: Telegram is told the public URL and secret; only posts carrying the secret count."""
from __future__ import annotations

import asyncio
import socket
from dataclasses import replace

import aiohttp

from bots.telegram.app import build_application, webhook_options
from tests.bots.telegram import updates
from tests.bots.telegram.conftest import TURN_TIMEOUT_S, BotUnderTest, texts

SECRET = "s3cret-from-the-environment"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def test_webhook_mode_registers_the_url_and_secret_and_rejects_strangers(bot_settings, fake_api, coach,
                                                                             tg_user):
    port = free_port()
    settings = replace(bot_settings, telegram_webhook_url="https://coach.example.org/tg/hook",
                       telegram_webhook_port=port, telegram_webhook_secret=SECRET)
    options = {**webhook_options(settings), "listen": "127.0.0.1"}
    bot = BotUnderTest(fake_api, build_application(settings, coach=coach))
    application = bot.application
    await application.initialize()
    await application.updater.start_webhook(**options)
    await application.start()
    try:
        [registered] = fake_api.sent("setWebhook")
        assert registered.params["url"] == "https://coach.example.org/tg/hook"
        assert registered.params["secret_token"] == SECRET
        hook = f"http://127.0.0.1:{port}/tg/hook"
        async with aiohttp.ClientSession() as http:
            stranger = await http.post(hook, json={"update_id": 1, **updates.text(tg_user, "/start")})
            assert stranger.status == 403
            start = len(fake_api.calls)
            genuine = await http.post(hook, json={"update_id": 2, **updates.text(tg_user, "/start")},
                                      headers={"X-Telegram-Bot-Api-Secret-Token": SECRET})
            assert genuine.status == 200
            await asyncio.wait_for(bot.finished(2).wait(), TURN_TIMEOUT_S)
        assert "coach, not therapy" in texts(fake_api.calls[start:])
    finally:
        await application.updater.stop()
        await application.stop()
        await application.shutdown()


def test_without_a_configured_secret_a_random_one_still_guards_the_webhook(bot_settings):
    settings = replace(bot_settings, telegram_webhook_url="https://coach.example.org/hook")
    first, second = webhook_options(settings), webhook_options(settings)
    assert len(first["secret_token"]) >= 32 and first["secret_token"] != second["secret_token"]
    assert first["url_path"] == "hook" and first["port"] == 8443
