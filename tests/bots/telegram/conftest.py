"""The real Application, long polling a fake Bot API server on 127.0.0.1."""
from __future__ import annotations

import asyncio
import itertools
import os
from contextlib import asynccontextmanager
from dataclasses import replace

import pytest
from telegram import Update
from telegram.ext import Application, TypeHandler

from tests.bots.telegram import updates
from tests.bots.telegram.fake_api import Call, FakeTelegram

TOKEN = "4242:TEST-TOKEN"
DONE_GROUP = 99  # runs after every handler of an update, errors included
TURN_TIMEOUT_S = 60

_user_ids = itertools.count(os.getpid() * 1000 + 1)


class BotUnderTest:
    """Feeds updates to the running bot and returns the Bot API calls it made for each."""

    def __init__(self, api: FakeTelegram, application: Application) -> None:
        self.api = api
        self.application = application
        self._done: dict[int, asyncio.Event] = {}
        application.add_handler(TypeHandler(Update, self._mark_done), group=DONE_GROUP)

    async def _mark_done(self, update: Update, _context) -> None:
        self.finished(update.update_id).set()

    def finished(self, update_id: int) -> asyncio.Event:
        """Set once every handler (and the error handler) is through with that update."""
        return self._done.setdefault(update_id, asyncio.Event())

    async def send(self, update: dict) -> list[Call]:
        start = len(self.api.calls)
        update_id = await self.api.push(update)
        await asyncio.wait_for(self.finished(update_id).wait(), TURN_TIMEOUT_S)
        return self.api.calls[start:]

    async def say(self, user_id: int, words: str) -> list[Call]:
        return await self.send(updates.text(user_id, words))

    async def press(self, user_id: int, calls: list[Call], title: str) -> list[Call]:
        """Press the button called `title` on the last keyboard in `calls`."""
        keyboard = [c for c in calls if c.buttons][-1]
        button = next(b for b in keyboard.buttons if b["text"] == title)
        return await self.send(updates.button_press(user_id, button["callback_data"], keyboard.message_id))

    @asynccontextmanager
    async def running(self):
        """What run_polling does, inside the test's event loop."""
        application = self.application
        await application.initialize()
        await application.post_init(application)
        await application.updater.start_polling(poll_interval=0)
        await application.start()
        try:
            yield self
        finally:
            await application.updater.stop()
            await application.stop()
            await application.shutdown()
            await application.post_shutdown(application)


@pytest.fixture
async def fake_api():
    api = FakeTelegram()
    await api.start()
    yield api
    await api.stop()


@pytest.fixture
def bot_settings(settings, fake_api):
    return replace(settings, telegram_token=TOKEN, telegram_api_base_url=fake_api.base_url)


@pytest.fixture
def make_bot(bot_settings, fake_api):
    def build(coach) -> BotUnderTest:
        from bots.telegram.app import build_application

        return BotUnderTest(fake_api, build_application(bot_settings, coach=coach))

    return build


@pytest.fixture
async def telegram(make_bot, coach):
    async with make_bot(coach).running() as bot:
        yield bot


@pytest.fixture
def tg_user() -> int:
    return next(_user_ids)


def texts(calls: list[Call]) -> str:
    return "\n".join(c.text for c in calls if c.method in {"sendMessage", "sendPhoto", "sendDocument"})


def titles(calls: list[Call]) -> list[str]:
    return [b["text"] for c in calls for b in c.buttons]
