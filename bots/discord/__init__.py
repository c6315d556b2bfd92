"""The Discord door: `coach discord` runs ConfideBot with DISCORD_BOT_TOKEN."""
from __future__ import annotations

from coach.settings import Settings


async def run(settings: Settings, sync_commands: bool = False) -> None:
    """Build the coach, connect to Discord, and run until stopped. Needs settings.discord_token."""
    from bots.discord.bot import ConfideBot
    from coach.bootstrap import build_coach

    if not settings.discord_token:
        raise ValueError("settings.discord_token is empty")
    coach = await build_coach(settings)
    try:
        async with ConfideBot(coach, sync_commands=sync_commands) as bot:
            await bot.start(settings.discord_token)
    finally:
        await coach.close()
