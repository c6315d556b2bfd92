"""Starting the bot: a clear error without a token, and slash commands registered on request."""
from __future__ import annotations

from dataclasses import replace

import discord
import pytest

from bots.discord import run
from bots.discord.bot import ConfideBot
from coach.cli import main
from tests.bots.discord.fake_discord import APP_ID

MANAGE_GUILD = 1 << 5


def test_coach_discord_without_a_token_says_what_to_do(monkeypatch, capsys):
    monkeypatch.delenv("DISCORD_BOT_TOKEN", raising=False)
    assert main(["discord"]) == 2
    error = capsys.readouterr().err
    assert "DISCORD_BOT_TOKEN is not set" in error and "discord.com/developers" in error


async def test_sync_registers_the_coaching_commands_and_the_admin_only_starters(coach, discord_api):
    bot = ConfideBot(coach, sync_commands=True)
    await bot.login("fake-token")
    await bot.close()

    [registered] = discord_api.to("PUT", f"/applications/{APP_ID}/commands")
    commands = {c["name"]: c for c in registered.json}
    assert set(commands) == {"coach", "checkin", "practice", "reframe", "progress", "privacy", "export",
                             "forget", "starters"}
    assert commands["checkin"]["contexts"] == [0, 1], "in servers and in our DM"
    assert commands["checkin"]["default_member_permissions"] is None
    assert int(commands["starters"]["default_member_permissions"]) == MANAGE_GUILD
    assert commands["starters"]["contexts"] == [0], "servers only"


async def test_the_bot_is_sharded_automatically_and_never_pings_anyone(bot):
    assert isinstance(bot, discord.AutoShardedClient)
    assert bot.shard_count is None, "Discord decides the shard count when it connects"
    assert not (bot.allowed_mentions.everyone or bot.allowed_mentions.users or bot.allowed_mentions.roles)


async def test_a_refused_token_stops_the_bot_with_a_login_failure(settings, discord_api):
    discord_api.refuse("/users/@me", 401, 0, "401: Unauthorized")
    with pytest.raises(discord.LoginFailure):
        await run(replace(settings, discord_token="not-a-token"))
