"""Slash commands: in a server they answer only the user (ephemeral) and the coaching goes on in a DM."""
from __future__ import annotations

import pytest

from bots.discord.failures import KIND_ERROR
from tests.bots.discord.fake_discord import dm_channel_id

CHANNEL_MESSAGE = 4
DEFERRED_CHANNEL_MESSAGE = 5
EPHEMERAL = 64


def callback(discord_api, event: dict) -> dict:
    calls = discord_api.to("POST", f"/interactions/{event['id']}/{event['token']}/callback")
    assert len(calls) == 1, "every interaction is answered exactly once"
    return calls[0].json


async def test_checkin_in_a_server_answers_ephemerally_and_continues_in_a_dm(gateway, discord_api, discord_user):
    event = await gateway.slash(discord_user, "checkin")

    answer = callback(discord_api, event)
    assert answer["type"] == CHANNEL_MESSAGE
    assert answer["data"]["flags"] == EPHEMERAL
    assert "DM" in answer["data"]["content"] or "messaged you" in answer["data"]["content"]
    opened = discord_api.to("POST", "/users/@me/channels")
    assert [c.json["recipient_id"] for c in opened] in ([str(discord_user)], [discord_user])
    dm = dm_channel_id(discord_user)
    assert discord_api.sent_to(dm), "the coach's reply went to the DM"
    assert discord_api.calls.index(opened[0]) < discord_api.calls.index(discord_api.sent_to(dm)[0])
    assert not [c for c in discord_api.calls if f"/channels/{gateway.general}" in c.path], "nothing in the channel"
    assert not discord_api.to("POST", r"/webhooks/\d+/[^/]+"), "no follow-up visible in the server"


@pytest.mark.parametrize("command", ["coach", "checkin", "practice", "reframe", "progress", "privacy"])
async def test_every_coaching_command_moves_to_a_dm(gateway, discord_api, discord_user, command):
    event = await gateway.slash(discord_user, command)
    assert callback(discord_api, event)["data"]["flags"] == EPHEMERAL
    assert discord_api.texts_to(dm_channel_id(discord_user)).strip()
    assert not [c for c in discord_api.calls if f"/channels/{gateway.general}" in c.path]


async def test_a_slash_command_in_our_dm_shows_thinking_then_the_conversation(gateway, discord_api, discord_user):
    event = await gateway.slash(discord_user, "checkin", in_guild=False)

    assert callback(discord_api, event)["type"] == DEFERRED_CHANNEL_MESSAGE
    assert "Confide is a coach" in discord_api.texts_to(dm_channel_id(discord_user))
    assert discord_api.to("DELETE", f"/webhooks/\\d+/{event['token']}/messages/@original")


async def test_closed_dms_get_an_ephemeral_hint_instead(gateway, discord_api, discord_user):
    dm = dm_channel_id(discord_user)
    discord_api.refuse(f"/channels/{dm}/messages", 403, 50007, "Cannot send messages to this user")
    event = await gateway.slash(discord_user, "coach")

    assert callback(discord_api, event)["data"]["flags"] == EPHEMERAL
    edits = discord_api.to("PATCH", f"/webhooks/\\d+/{event['token']}/messages/@original")
    assert edits and "couldn't send you a DM" in edits[-1].json["content"]


async def test_a_command_that_breaks_answers_kindly_and_logs_the_error_type(
        gateway, discord_api, discord_user, caplog):
    discord_api.refuse("/users/@me/channels", 400, 50000, "Bad request")
    event = await gateway.slash(discord_user, "progress")

    answer = callback(discord_api, event)
    assert (answer["data"]["content"], answer["data"]["flags"]) == (KIND_ERROR, EPHEMERAL)
    assert "/progress failed: HTTPException" in caplog.text
