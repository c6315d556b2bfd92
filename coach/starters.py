"""Weekly conversation starters for community channels: content only, never anything about a user."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from coach import content
from coach.services import Services
from coach.storage.starters import (mark_starter_posted, remove_starter_channel, set_starter_channel,
                                    starter_channels_due)

WEEK = timedelta(days=7)


@dataclass(frozen=True)
class DueStarter:
    guild_id: str
    channel_id: str
    text: str


def starter_for(when: datetime) -> str:
    """The same starter for every server in a given week, a different one the next week."""
    data = content.load("starters")
    starters = data["starters"]
    return f"{starters[(when.toordinal() // 7) % len(starters)]}\n\n{data['footer']}"


class StarterSchedule:
    """Which community channels get a starter, and which are due one now."""

    def __init__(self, services: Services) -> None:
        self.database = services.database
        self.clock = services.clock

    def choose_channel(self, guild_id: int | str, channel_id: int | str) -> None:
        with self.database.unit_of_work() as session:
            set_starter_channel(session, str(guild_id), str(channel_id))

    def stop(self, guild_id: int | str) -> bool:
        """True if the guild had a starter channel."""
        with self.database.unit_of_work() as session:
            return remove_starter_channel(session, str(guild_id))

    def due(self) -> list[DueStarter]:
        now = self.clock()
        with self.database.unit_of_work() as session:
            rows = starter_channels_due(session, now - WEEK)
            return [DueStarter(row.guild_id, row.channel_id, starter_for(now)) for row in rows]

    def mark_posted(self, guild_id: int | str) -> None:
        with self.database.unit_of_work() as session:
            mark_starter_posted(session, str(guild_id), self.clock())
