"""Coaching happens in DMs: free text there, quick-reply buttons, and slash commands that work in
a server too but always continue in a DM. Nothing personal is ever posted in a server channel."""
from __future__ import annotations

import asyncio
import logging
import random
import weakref
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bots.discord.failures import KIND_ERROR, log_failure
from bots.discord.render import QuickReplies, QuickReply, render
from coach.identity import UserRef
from coach.replies import Reply

if TYPE_CHECKING:
    from bots.discord.bot import ConfideBot

logger = logging.getLogger("bots.discord")

PLATFORM = "discord"

# slash command -> (what the coach hears, what Discord shows under the command)
SLASH_COMMANDS: dict[str, tuple[str, str]] = {
    "coach": ("/start", "Talk with your coach, privately in a DM"),
    "checkin": ("/checkin", "A two-minute check-in: how are you, in one word?"),
    "practice": ("/practice", "Practise a hard conversation before you have it"),
    "reframe": ("/reframe", "Take apart a 'man up' script that gets in your way"),
    "progress": ("/progress", "See what you've practised so far"),
    "privacy": ("/privacy", "What I store about you, and how to delete it"),
    "export": ("/export", "Get everything I store about you, as a file"),
    "forget": ("/forget", "Delete everything I store about you"),
}
MOVED_TO_DM = (
    "I've sent you a DM, so this stays between us: {link}",
    "Check your DMs, we'll talk there where it's private: {link}",
    "Let's keep this private. I've messaged you: {link}",
)
DMS_CLOSED = ("I couldn't send you a DM. To talk with me, allow direct messages from this server "
              "(server name ▸ Privacy Settings ▸ Direct Messages), then try the command again.")


def as_user(user: discord.abc.User) -> UserRef:
    return UserRef(PLATFORM, str(user.id))


class Coaching(commands.Cog):
    def __init__(self, bot: "ConfideBot") -> None:
        self.bot = bot
        self.slash_commands = [self._slash_command(name, heard, description)
                               for name, (heard, description) in SLASH_COMMANDS.items()]
        # message id -> its buttons, until they're clicked or time out
        self.waiting: weakref.WeakValueDictionary[int, QuickReplies] = weakref.WeakValueDictionary()
        # user id -> his turn in progress, so two quick messages get their replies in order
        self.turns: weakref.WeakValueDictionary[int, asyncio.Lock] = weakref.WeakValueDictionary()

    async def cog_load(self) -> None:
        for command in self.slash_commands:
            self.bot.tree.add_command(command)
        self.bot.add_dynamic_items(QuickReply)

    async def cog_unload(self) -> None:
        for command in self.slash_commands:
            self.bot.tree.remove_command(command.name)
        self.bot.remove_dynamic_items(QuickReply)

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        """Free text is read in DMs only; in a server the bot never reads along."""
        if message.author.bot or message.guild is not None:
            return
        if not isinstance(message.channel, discord.DMChannel):
            return
        await self.converse(message.author, message.channel, message.content)

    async def converse(self, user: discord.abc.User, dm: discord.DMChannel, text: str) -> None:
        """One turn: the user's words to the coach, the coach's replies to his DM.
        Raises discord.Forbidden when his DMs are closed, so a slash command can tell him."""
        lock = self.turns.get(user.id) or self.turns.setdefault(user.id, asyncio.Lock())
        try:
            async with lock:
                async with dm.typing():
                    turn = await self.bot.coach.respond(as_user(user), text)
                for reply in turn.replies:
                    await self._send(dm, reply)
        except discord.Forbidden:
            raise
        except Exception as error:  # noqa: BLE001 - the user gets a kind word whatever broke
            log_failure("a DM turn", error)
            await self._apologise(dm)

    async def _send(self, dm: discord.DMChannel, reply: Reply) -> None:
        for outgoing in render(reply):
            message = await dm.send(**outgoing.kwargs())
            if outgoing.view is not None:
                outgoing.view.message = message
                self.waiting[message.id] = outgoing.view

    @commands.Cog.listener()
    async def on_quick_reply(self, interaction: discord.Interaction, payload: str) -> None:
        """A quick-reply button was clicked (see render.QuickReply): its payload is what he says next."""
        if interaction.message is not None:
            clicked = self.waiting.pop(interaction.message.id, None)
            if clicked is not None:
                clicked.stop()  # no timeout edit later: the click already disabled the buttons
        await self.converse(interaction.user, await interaction.user.create_dm(), payload)

    async def from_slash_command(self, interaction: discord.Interaction, heard: str) -> None:
        dm = await interaction.user.create_dm()
        if interaction.guild_id is None:
            # In our DM the answer is the conversation itself; "thinking…" shows until it's there.
            await interaction.response.defer(thinking=True)
            await self.converse(interaction.user, dm, heard)
            await interaction.delete_original_response()
            return
        link = dm.jump_url
        await interaction.response.send_message(random.choice(MOVED_TO_DM).format(link=link), ephemeral=True)
        try:
            await self.converse(interaction.user, dm, heard)
        except discord.Forbidden:
            await interaction.edit_original_response(content=DMS_CLOSED)

    def _slash_command(self, name: str, heard: str, description: str) -> app_commands.Command:
        async def callback(interaction: discord.Interaction) -> None:
            await self.from_slash_command(interaction, heard)

        callback.__name__ = f"slash_{name}"
        return app_commands.Command(
            name=name, description=description, callback=callback,
            allowed_contexts=app_commands.AppCommandContext(guild=True, dm_channel=True),
        )

    @staticmethod
    async def _apologise(dm: discord.DMChannel) -> None:
        try:
            await dm.send(KIND_ERROR)
        except discord.HTTPException as error:
            logger.info("could not send the kind error message: %s", type(error).__name__)


async def setup(bot: "ConfideBot") -> None:
    await bot.add_cog(Coaching(bot))
