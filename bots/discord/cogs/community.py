"""What a server community gets: an optional weekly conversation starter in a channel its admins
pick. Starters are content from coach/content/starters.yml, never anything about a user."""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands, tasks

from bots.discord.failures import log_failure

if TYPE_CHECKING:
    from bots.discord.bot import ConfideBot

logger = logging.getLogger("bots.discord")

CHOSEN = ("Done. Once a week I'll post a conversation starter in {channel}: a question about "
          "closeness and feelings, never anything about anyone here. `/starters off` stops it.")
STOPPED = "Weekly starters are off for this server."
WERE_OFF = "Weekly starters weren't on here, so nothing to stop."
CANT_POST = "I can't post in {channel}. Give me the Send Messages permission there, then try again."


@app_commands.guild_only()
@app_commands.default_permissions(manage_guild=True)
class Starters(commands.GroupCog, group_name="starters",
               group_description="A weekly conversation starter for this server (admins only)"):
    def __init__(self, bot: "ConfideBot") -> None:
        self.bot = bot
        super().__init__()

    async def cog_load(self) -> None:
        self.post_due_starters.start()

    async def cog_unload(self) -> None:
        self.post_due_starters.cancel()

    @app_commands.command(name="on", description="Post a weekly conversation starter in a channel")
    @app_commands.describe(channel="Where the starters go")
    @app_commands.checks.has_permissions(manage_guild=True)
    async def starters_on(self, interaction: discord.Interaction, channel: discord.TextChannel) -> None:
        me = channel.guild.me
        if me is not None and not channel.permissions_for(me).send_messages:
            await interaction.response.send_message(CANT_POST.format(channel=channel.mention), ephemeral=True)
            return
        self.bot.starters.choose_channel(channel.guild.id, channel.id)
        await interaction.response.send_message(CHOSEN.format(channel=channel.mention), ephemeral=True)

    @app_commands.command(name="off", description="Stop the weekly conversation starters")
    @app_commands.checks.has_permissions(manage_guild=True)
    async def starters_off(self, interaction: discord.Interaction) -> None:
        stopped = self.bot.starters.stop(interaction.guild_id)
        await interaction.response.send_message(STOPPED if stopped else WERE_OFF, ephemeral=True)

    @commands.Cog.listener()
    async def on_guild_remove(self, guild: discord.Guild) -> None:
        self.bot.starters.stop(guild.id)

    @tasks.loop(hours=1)
    async def post_due_starters(self) -> None:
        """Each server whose week has passed gets this week's starter. A channel that refuses
        is skipped until next week rather than retried every hour."""
        for due in self.bot.starters.due():
            channel = self.bot.get_partial_messageable(int(due.channel_id), guild_id=int(due.guild_id))
            try:
                await channel.send(due.text)
            except discord.HTTPException as error:
                logger.warning("starter for guild %s not posted: %s", due.guild_id, type(error).__name__)
            except Exception as error:  # noqa: BLE001 - one server's failure must not stop the others
                log_failure("a weekly starter", error)
            self.bot.starters.mark_posted(due.guild_id)

    @post_due_starters.before_loop
    async def _wait_until_connected(self) -> None:
        await self.bot.wait_until_ready()


async def setup(bot: "ConfideBot") -> None:
    await bot.add_cog(Starters(bot))
