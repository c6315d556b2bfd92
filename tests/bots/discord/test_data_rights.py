"""/export and /forget from a server: answered ephemerally, carried out in the DM. They arrive with
the privacy flows; until those are in the domain these tests skip and say why."""
from __future__ import annotations

import json
import re

import pytest
from sqlalchemy import select

from coach.storage.models import User
from tests.bots.discord.fake_discord import dm_channel_id

EPHEMERAL = 64
CONFIRMING = re.compile(r"\b(yes|delete|forget|confirm|sure|erase)\b", re.I)
DECLINING = re.compile(r"\b(no|keep|cancel|don't|not)\b", re.I)


def needs_intent(coach, intent: str) -> None:
    if intent not in coach.agent.domain.intents:
        pytest.skip(f"the '{intent}' intent is not in the domain yet (the privacy flows arrive from another branch)")


def buttons(message: dict) -> list[dict]:
    return [c for row in message["components"] for c in row["components"]]


async def consented(gateway, discord_api, user_id: int) -> None:
    await gateway.dm(user_id, "hi")
    message = discord_api.last_message_with_buttons(dm_channel_id(user_id))
    consent = next(b for b in buttons(message) if b["custom_id"].endswith(":/give_consent"))
    await gateway.click(user_id, message, consent["custom_id"])


def stored_user(coach, user_id: int):
    with coach.services.database.unit_of_work() as session:
        return session.scalars(select(User).where(User.platform == "discord",
                                                  User.platform_id == str(user_id))).first()


async def test_export_from_a_server_sends_the_json_file_in_the_dm(gateway, discord_api, discord_user, coach):
    needs_intent(coach, "export")
    await consented(gateway, discord_api, discord_user)
    event = await gateway.slash(discord_user, "export")

    answer = discord_api.to("POST", f"/interactions/{event['id']}/{event['token']}/callback")[0].json
    assert answer["data"]["flags"] == EPHEMERAL
    files = [f for c in discord_api.sent_to(dm_channel_id(discord_user)) for f in c.files]
    assert files, "the export arrives as an attachment in the DM"
    name, data = files[-1]
    assert name.endswith(".json") and json.loads(data)
    assert not [c for c in discord_api.calls if f"/channels/{gateway.general}" in c.path]


async def test_forget_from_a_server_confirms_in_the_dm_and_deletes_him(gateway, discord_api, discord_user, coach):
    needs_intent(coach, "forget")
    await consented(gateway, discord_api, discord_user)
    assert stored_user(coach, discord_user) is not None
    event = await gateway.slash(discord_user, "forget")

    answer = discord_api.to("POST", f"/interactions/{event['id']}/{event['token']}/callback")[0].json
    assert answer["data"]["flags"] == EPHEMERAL
    dm = dm_channel_id(discord_user)
    message = discord_api.last_message_with_buttons(dm)
    confirm = [b for b in buttons(message) if CONFIRMING.search(b["label"]) and not DECLINING.search(b["label"])]
    if confirm:
        await gateway.click(discord_user, message, confirm[0]["custom_id"])
    else:
        await gateway.dm(discord_user, "yes")
    assert stored_user(coach, discord_user) is None
    assert not [c for c in discord_api.calls if f"/channels/{gateway.general}" in c.path]
