"""Coaching in a DM: free text and quick-reply buttons, end to end over REST."""
from __future__ import annotations

import asyncio
import logging

from sqlalchemy import select

from bots.discord.failures import KIND_ERROR
from coach.replies import Reply, Turn
from coach.storage.models import CheckIn, User
from tests.bots.discord.fake_discord import TIMESTAMP, dm_channel_id
from tests.bots.discord.gateway import settle, user

UPDATE_MESSAGE = 7  # the interaction response that edits the message the button is on


def buttons(message: dict) -> list[dict]:
    return [c for row in message["components"] for c in row["components"]]


def payload_of(button: dict) -> str:
    return button["custom_id"].split(":", 2)[2]


def button_for(message: dict, payload: str) -> str:
    return next(b["custom_id"] for b in buttons(message) if payload_of(b) == payload)


async def click(gateway, discord_api, user_id: int, payload: str) -> dict:
    """Click the button with this payload on the newest message with buttons in his DM."""
    message = discord_api.last_message_with_buttons(dm_channel_id(user_id))
    return await gateway.click(user_id, message, button_for(message, payload))


async def test_first_dm_shows_typing_then_the_welcome_with_consent_buttons(gateway, discord_api, discord_user):
    dm = dm_channel_id(discord_user)
    await gateway.dm(discord_user, "hi")
    typing, first = discord_api.to("POST", f"/channels/{dm}/typing")[0], discord_api.sent_to(dm)[0]
    assert discord_api.calls.index(typing) < discord_api.calls.index(first)
    assert "coach, not therapy" in discord_api.texts_to(dm)
    consent = discord_api.last_message_with_buttons(dm)
    assert [payload_of(b) for b in buttons(consent)] == ["/give_consent", "/decline_consent"]
    assert all(not b.get("disabled") for b in buttons(consent))


async def test_a_checkin_by_buttons_and_free_text_is_stored_for_the_discord_user(
        gateway, discord_api, discord_user, coach):
    dm = dm_channel_id(discord_user)
    await gateway.dm(discord_user, "hey")
    await click(gateway, discord_api, discord_user, "/give_consent")
    assert "which country" in discord_api.texts_to(dm).lower()
    await click(gateway, discord_api, discord_user, '/set_country{"country": "GB"}')
    assert "United Kingdom" in discord_api.texts_to(dm)

    await gateway.dm(discord_user, "can we do a check in")
    assert [payload_of(b) for b in buttons(discord_api.last_message_with_buttons(dm))] == list("12345")
    await click(gateway, discord_api, discord_user, "2")
    assert "one word" in discord_api.texts_to(dm).lower()
    sent_before = len(discord_api.sent_to(dm))
    await gateway.dm(discord_user, "kinda pissed off")
    assert "pissed off" in " ".join(c.json["content"] for c in discord_api.sent_to(dm)[sent_before:])

    with coach.services.database.unit_of_work() as session:
        stored = session.scalars(select(CheckIn).join(User).where(
            User.platform == "discord", User.platform_id == str(discord_user))).one()
        assert (stored.mood, stored.feeling) == (2, "pissed off")


async def test_a_click_answers_by_disabling_every_button_and_marking_the_chosen_one(
        gateway, discord_api, discord_user):
    dm = dm_channel_id(discord_user)
    await gateway.dm(discord_user, "hello")
    sent_before = len(discord_api.sent_to(dm))
    event = await click(gateway, discord_api, discord_user, "/give_consent")

    response = discord_api.to("POST", f"/interactions/{event['id']}/{event['token']}/callback")[0].json
    assert response["type"] == UPDATE_MESSAGE
    shown = [c for row in response["data"]["components"] for c in row["components"]]
    assert all(b["disabled"] for b in shown)
    chosen = [b for b in shown if payload_of(b) == "/give_consent"]
    assert chosen[0]["style"] == 3 and all(b["style"] == 2 for b in shown if b not in chosen)
    assert "Thanks" in " ".join(c.json["content"] for c in discord_api.sent_to(dm)[sent_before:])


async def test_duplicate_payloads_still_get_unique_button_ids(gateway, discord_api, discord_user):
    await gateway.dm(discord_user, "hi")
    await click(gateway, discord_api, discord_user, "/give_consent")
    await gateway.dm(discord_user, "zxqv blorp")
    ids = [b["custom_id"] for b in buttons(discord_api.last_message_with_buttons(dm_channel_id(discord_user)))]
    assert len(ids) == len(set(ids))


async def test_crisis_words_mid_checkin_get_his_countrys_crisis_lines_and_are_never_logged(
        gateway, discord_api, discord_user, caplog):
    dm = dm_channel_id(discord_user)
    await gateway.dm(discord_user, "hi")
    await click(gateway, discord_api, discord_user, "/give_consent")
    await click(gateway, discord_api, discord_user, '/set_country{"country": "GB"}')
    await gateway.dm(discord_user, "/checkin")
    sent_before = len(discord_api.sent_to(dm))
    words = "honestly i want to kill myself tonight"
    with caplog.at_level(logging.DEBUG):
        await gateway.dm(discord_user, words)
    said = "\n".join(c.json["content"] or "" for c in discord_api.sent_to(dm)[sent_before:])
    assert "Samaritans" in said and "116 123" in said and "999" in said
    assert "kill myself" not in caplog.text


async def test_a_broken_turn_gets_a_kind_message_and_logs_no_user_text(
        gateway, discord_api, discord_user, bot, monkeypatch, caplog):
    async def broken(user, text):
        raise RuntimeError(f"could not handle {text}")

    monkeypatch.setattr(bot.coach, "respond", broken)
    with caplog.at_level(logging.ERROR):
        await gateway.dm(discord_user, "my secret worry")
    assert discord_api.texts_to(dm_channel_id(discord_user)) == KIND_ERROR
    assert "RuntimeError" in caplog.text
    assert "secret worry" not in caplog.text


async def test_messages_in_a_server_channel_are_never_read(gateway, discord_api, discord_user, bot):
    gateway.add_guild()
    bot._connection.parse_message_create({
        "id": "1", "channel_id": str(gateway.general), "guild_id": str(gateway.guild_id), "author": user(discord_user),
        "member": {"roles": [], "joined_at": TIMESTAMP, "deaf": False, "mute": False, "flags": 0},
        "content": "i feel awful about my marriage", "timestamp": TIMESTAMP, "edited_timestamp": None,
        "tts": False, "mention_everyone": False, "mentions": [], "mention_roles": [], "attachments": [],
        "embeds": [], "pinned": False, "type": 0})
    await settle()
    assert discord_api.calls[2:] == [], "only the login calls: nothing read, nothing posted"


async def test_a_clicked_reply_no_longer_waits_to_time_out(gateway, discord_api, discord_user, bot):
    await gateway.dm(discord_user, "hi")
    message = discord_api.last_message_with_buttons(dm_channel_id(discord_user))
    waiting = bot.get_cog("Coaching").waiting
    view = waiting[int(message["id"])]
    await gateway.click(discord_user, message, button_for(message, "/give_consent"))
    assert view.is_finished() and int(message["id"]) not in waiting


async def test_buttons_sent_before_a_restart_still_work(coach, gateway, discord_api, discord_user):
    from bots.discord.bot import ConfideBot
    from tests.bots.discord.gateway import Gateway

    await gateway.dm(discord_user, "hi")
    message = discord_api.last_message_with_buttons(dm_channel_id(discord_user))
    await gateway.bot.close()
    restarted = ConfideBot(coach)
    await restarted.login("fake-token")
    try:
        event = await Gateway(restarted).click(discord_user, message, button_for(message, "/give_consent"))
    finally:
        await restarted.close()
    response = discord_api.to("POST", f"/interactions/{event['id']}/{event['token']}/callback")[0].json
    assert response["type"] == UPDATE_MESSAGE
    assert "which country" in discord_api.texts_to(dm_channel_id(discord_user)).lower()


async def test_two_quick_messages_get_their_replies_in_order(gateway, discord_api, discord_user, bot, monkeypatch):
    async def slow_first(user, text):
        if text == "first":
            await asyncio.sleep(0.05)  # the first turn takes longer; its replies must still come first
        return Turn(text, [Reply(f"{text} 1"), Reply(f"{text} 2")])

    monkeypatch.setattr(bot.coach, "respond", slow_first)
    await gateway.dm(discord_user, "first", wait=False)
    await gateway.dm(discord_user, "second")
    sent = [c.json["content"] for c in discord_api.sent_to(dm_channel_id(discord_user))]
    assert sent == ["first 1", "first 2", "second 1", "second 2"]
