"""Gateway events as Discord sends them, injected straight into the bot's connection state."""
from __future__ import annotations

import asyncio
import itertools

from tests.bots.discord.fake_discord import APP_ID, TIMESTAMP, dm_channel_id

MANAGE_GUILD = 1 << 5
VIEW_CHANNEL = 1 << 10
EVERYONE_CAN = VIEW_CHANNEL | (1 << 11) | (1 << 16)  # and send messages, read history

_ids = itertools.count(500000000000000001)
# Tasks discord.py starts for an event, a command or a button; waiting for them is waiting for the bot.
_EVENT_TASKS = ("discord.py:", "CommandTree-invoker", "discord-ui-view-dispatch", "discord-ui-dynamic-item")


def user(user_id: int) -> dict:
    return {"id": str(user_id), "username": f"user{user_id}", "discriminator": "0", "avatar": None,
            "global_name": None}


def guild(guild_id: int, general_id: int, everyone_can: int = EVERYONE_CAN) -> dict:
    everyone = {"id": str(guild_id), "name": "@everyone", "permissions": str(everyone_can), "position": 0,
                "color": 0, "hoist": False, "managed": False, "mentionable": False, "flags": 0}
    general = {"id": str(general_id), "type": 0, "guild_id": str(guild_id), "name": "general", "position": 0,
               "permission_overwrites": [], "nsfw": False, "parent_id": None, "topic": None}
    return {"id": str(guild_id), "name": "Dads of the Valley", "owner_id": "1", "roles": [everyone],
            "channels": [general], "members": [], "emojis": [], "stickers": [], "features": [],
            "member_count": 2, "unavailable": False}


class Gateway:
    """Sends the bot what Discord's gateway would, then waits until the bot has finished with it.
    Each test gets its own guild, with one text channel, `general`."""

    def __init__(self, bot) -> None:
        self.bot = bot
        self.state = bot._connection
        self.guild_id = next(_ids)
        self.general = next(_ids)

    def add_guild(self, everyone_can: int = EVERYONE_CAN) -> None:
        """The guild as the bot knows it from the gateway; `everyone_can` is @everyone's permissions."""
        self.state._add_guild_from_data(guild(self.guild_id, self.general, everyone_can))

    async def dm(self, user_id: int, content: str, wait: bool = True) -> None:
        self.state.parse_message_create({
            "id": str(next(_ids)), "channel_id": str(dm_channel_id(user_id)), "author": user(user_id),
            "content": content, "timestamp": TIMESTAMP, "edited_timestamp": None, "tts": False,
            "mention_everyone": False, "mentions": [], "mention_roles": [], "attachments": [], "embeds": [],
            "pinned": False, "type": 0})
        if wait:
            await settle()

    async def slash(self, user_id: int, name: str, *, in_guild: bool = True, permissions: int = 0,
                    options: list | None = None, resolved: dict | None = None) -> dict:
        data = {"id": str(next(_ids)), "name": name, "type": 1, "options": options or []}
        if resolved:
            data["resolved"] = resolved
        event = self._interaction(2, user_id, data, in_guild, permissions)
        self.state.parse_interaction_create(event)
        await settle()
        return event

    async def click(self, user_id: int, message: dict, custom_id: str) -> dict:
        event = self._interaction(3, user_id, {"custom_id": custom_id, "component_type": 2}, False, 0)
        event["message"] = message
        self.state.parse_interaction_create(event)
        await settle()
        return event

    def _interaction(self, kind: int, user_id: int, data: dict, in_guild: bool, permissions: int) -> dict:
        event = {"id": str(next(_ids)), "application_id": str(APP_ID), "type": kind,
                 "token": f"token-{next(_ids)}", "version": 1, "data": data, "locale": "en-US",
                 "attachment_size_limit": 10 * 1024 * 1024, "app_permissions": str(EVERYONE_CAN)}
        if in_guild:
            event.update(guild_id=str(self.guild_id), context=0, channel={"id": str(self.general), "type": 0,
                         "guild_id": str(self.guild_id), "name": "general", "position": 0,
                         "permission_overwrites": [], "nsfw": False, "parent_id": None},
                         member={"user": user(user_id), "roles": [], "joined_at": TIMESTAMP, "deaf": False,
                                 "mute": False, "flags": 0, "permissions": str(permissions)})
        else:
            event.update(context=1, user=user(user_id),
                         channel={"id": str(dm_channel_id(user_id)), "type": 1, "recipients": [user(user_id)]})
        return event


async def settle() -> None:
    """Wait until every task discord.py started for the injected event is done (they may start more)."""
    for _ in range(20):
        running = [t for t in asyncio.all_tasks() if t.get_name().startswith(_EVENT_TASKS) and not t.done()]
        if not running:
            return
        await asyncio.wait(running, timeout=60)
    raise AssertionError("the bot is still busy with the event")
