"""The Discord bot: the engine is injected, each feature is a cog loaded in setup_hook."""
from __future__ import annotations

import logging
import sys
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bots.discord.failures import KIND_ERROR, log_failure, tell_kindly
from coach.starters import StarterSchedule

logger = logging.getLogger("bots.discord")

EXTENSIONS = ("bots.discord.cogs.coaching", "bots.discord.cogs.community")
NOT_ALLOWED = "Only people who can manage this server can change that."
NOT_HERE = "That one works inside a server."


def confide_intents() -> discord.Intents:
    """Guilds for slash commands, DMs for the coaching itself. No message content intent: Discord
    gives an app the content of its own DMs without it, and server chatter is none of our business."""
    intents = discord.Intents.none()
    intents.guilds = True
    intents.dm_messages = True
    return intents


class ConfideTree(app_commands.CommandTree):
    async def on_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        if isinstance(error, app_commands.MissingPermissions):
            await tell_kindly(interaction, NOT_ALLOWED)
        elif isinstance(error, app_commands.NoPrivateMessage):
            await tell_kindly(interaction, NOT_HERE)
        else:
            where = f"/{interaction.command.qualified_name}" if interaction.command else "a slash command"
            log_failure(where, getattr(error, "original", error))
            await tell_kindly(interaction, KIND_ERROR)


class ConfideBot(commands.AutoShardedBot):
    """Runs every shard Discord asks for in one process; the coach and its storage are shared."""

    def __init__(self, coach, *, sync_commands: bool = False, **options: Any) -> None:
        options.setdefault("intents", confide_intents())
        # Confide has no voice; the "voice will NOT be supported" warnings would only puzzle operators.
        discord.VoiceClient.warn_nacl = discord.VoiceClient.warn_dave = False
        super().__init__(command_prefix=commands.when_mentioned, help_command=None, tree_cls=ConfideTree,
                         allowed_mentions=discord.AllowedMentions.none(), **options)
        self.coach = coach
        self.starters = StarterSchedule(coach.services)
        self.sync_commands = sync_commands

    async def setup_hook(self) -> None:
        for extension in EXTENSIONS:
            await self.load_extension(extension)
        if self.sync_commands:
            synced = await self.tree.sync()
            logger.info("registered %d slash commands with Discord", len(synced))

    async def on_ready(self) -> None:
        logger.info("connected: %d servers, %s shards", len(self.guilds), self.shard_count)

    async def on_error(self, event_method: str, /, *args: Any, **kwargs: Any) -> None:
        error = sys.exc_info()[1]
        if error is not None:
            log_failure(f"event {event_method}", error)
