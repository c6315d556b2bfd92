"""When something breaks: log where and what kind of error, never what anyone wrote; answer kindly."""
from __future__ import annotations

import logging
import traceback

import discord

logger = logging.getLogger("bots.discord")

KIND_ERROR = ("Sorry, something went wrong on my side. Nothing you said is lost: "
              "try again in a moment, or type /help.")


def log_failure(where: str, error: BaseException) -> None:
    """Exception messages can quote the user's text (or echo it back from Discord), so only the
    exception type and the frames are logged."""
    frames = "".join(traceback.format_tb(error.__traceback__))
    logger.error("%s failed: %s\n%s", where, type(error).__name__, frames)


async def tell_kindly(interaction: discord.Interaction, text: str = KIND_ERROR) -> None:
    """An ephemeral note to the user, whether or not the interaction was answered already."""
    try:
        if interaction.response.is_done():
            await interaction.followup.send(text, ephemeral=True)
        else:
            await interaction.response.send_message(text, ephemeral=True)
    except discord.HTTPException as error:
        logger.info("could not send the kind error message: %s", type(error).__name__)
