"""A real ConfideBot, logged in over REST to a fake Discord on 127.0.0.1, with no gateway:
tests inject gateway events and read the REST calls the bot made."""
from __future__ import annotations

import itertools

import discord
import pytest

from tests.bots.discord.fake_discord import FakeDiscord
from tests.bots.discord.gateway import Gateway

_user_ids = itertools.count(400000000000000001)


@pytest.fixture
async def discord_api(monkeypatch):
    fake = FakeDiscord()
    base = await fake.start()
    monkeypatch.setattr(discord.http.Route, "BASE", base)
    yield fake
    await fake.stop()


@pytest.fixture
async def bot(coach, discord_api):
    from bots.discord.bot import ConfideBot

    confide = ConfideBot(coach)
    await confide.login("fake-token")
    yield confide
    await confide.close()


@pytest.fixture
def gateway(bot) -> Gateway:
    return Gateway(bot)


@pytest.fixture
def discord_user() -> int:
    """A fresh Discord user id per test, so conversations and rate limits never mix."""
    return next(_user_ids)
