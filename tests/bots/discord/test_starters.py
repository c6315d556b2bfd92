"""The weekly conversation starter: admins pick a channel, the bot posts content there once a week."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from coach import content
from coach.storage.models import StarterChannel
from tests.bots.discord.gateway import MANAGE_GUILD, VIEW_CHANNEL, settle

EPHEMERAL = 64


def starters_on(channel_id: int) -> dict:
    return {"options": [{"name": "on", "type": 1, "options": [{"name": "channel", "type": 7,
                                                                "value": str(channel_id)}]}],
            "resolved": {"channels": {str(channel_id): {"id": str(channel_id), "name": "general", "type": 0,
                                                        "permissions": "0"}}}}


def starter_row(coach, guild_id: int):
    with coach.services.database.unit_of_work() as session:
        return session.scalars(select(StarterChannel).where(StarterChannel.guild_id == str(guild_id))).first()


def is_a_starter(text: str) -> bool:
    return any(text.startswith(starter) for starter in content.load("starters")["starters"])


def answer_to(discord_api, event: dict) -> dict:
    return discord_api.to("POST", f"/interactions/{event['id']}/{event['token']}/callback")[0].json["data"]


async def test_a_member_without_manage_server_is_refused(gateway, discord_api, discord_user, coach):
    gateway.add_guild()
    event = await gateway.slash(discord_user, "starters", permissions=0, **starters_on(gateway.general))

    answer = answer_to(discord_api, event)
    assert answer["flags"] == EPHEMERAL and "manage this server" in answer["content"]
    assert starter_row(coach, gateway.guild_id) is None


async def test_an_admin_picks_a_channel_and_it_gets_one_starter_a_week(
        gateway, discord_api, discord_user, coach, bot, monkeypatch):
    gateway.add_guild()
    event = await gateway.slash(discord_user, "starters", permissions=MANAGE_GUILD, **starters_on(gateway.general))
    answer = answer_to(discord_api, event)
    assert answer["flags"] == EPHEMERAL and f"<#{gateway.general}>" in answer["content"]
    assert starter_row(coach, gateway.guild_id).channel_id == str(gateway.general)

    cog = bot.get_cog("Starters")
    await cog.post_due_starters()
    posted = discord_api.sent_to(gateway.general)
    assert len(posted) == 1 and is_a_starter(posted[0].json["content"])
    await cog.post_due_starters()
    assert len(discord_api.sent_to(gateway.general)) == 1, "not again within the week"

    real_clock = bot.starters.clock
    monkeypatch.setattr(bot.starters, "clock", lambda: real_clock() + timedelta(days=7, minutes=1))
    await cog.post_due_starters()
    assert len(discord_api.sent_to(gateway.general)) == 2, "a week later, the next one"
    assert posted[0].json["content"] != discord_api.sent_to(gateway.general)[1].json["content"]


async def test_an_admin_can_turn_starters_off(gateway, discord_api, discord_user, coach, bot):
    gateway.add_guild()
    await gateway.slash(discord_user, "starters", permissions=MANAGE_GUILD, **starters_on(gateway.general))
    event = await gateway.slash(discord_user, "starters", permissions=MANAGE_GUILD,
                                options=[{"name": "off", "type": 1, "options": []}])
    assert "off" in answer_to(discord_api, event)["content"]
    assert starter_row(coach, gateway.guild_id) is None
    await bot.get_cog("Starters").post_due_starters()
    assert discord_api.sent_to(gateway.general) == []


async def test_a_channel_the_bot_cannot_post_in_is_not_accepted(gateway, discord_api, discord_user, coach):
    gateway.add_guild(everyone_can=VIEW_CHANNEL)
    event = await gateway.slash(discord_user, "starters", permissions=MANAGE_GUILD, **starters_on(gateway.general))
    assert "can't post" in answer_to(discord_api, event)["content"]
    assert starter_row(coach, gateway.guild_id) is None


async def test_a_server_that_removes_the_bot_loses_its_starter_channel(gateway, discord_api, discord_user, coach, bot):
    gateway.add_guild()
    await gateway.slash(discord_user, "starters", permissions=MANAGE_GUILD, **starters_on(gateway.general))
    assert starter_row(coach, gateway.guild_id) is not None
    bot._connection.parse_guild_delete({"id": str(gateway.guild_id)})
    await settle()
    assert starter_row(coach, gateway.guild_id) is None
