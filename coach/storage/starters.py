"""Community channels that receive a weekly conversation starter. No user data lives here."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from coach.storage.models import StarterChannel


def set_starter_channel(session: Session, guild_id: str, channel_id: str) -> StarterChannel:
    """Pick (or move) a guild's starter channel; moving keeps the weekly rhythm, so no double post."""
    row = session.get(StarterChannel, guild_id)
    if row is None:
        row = StarterChannel(guild_id=guild_id, channel_id=channel_id)
        session.add(row)
    row.channel_id = channel_id
    return row


def remove_starter_channel(session: Session, guild_id: str) -> bool:
    row = session.get(StarterChannel, guild_id)
    if row is not None:
        session.delete(row)
    return row is not None


def starter_channels_due(session: Session, posted_before: datetime) -> list[StarterChannel]:
    """Channels never posted to, or last posted to before `posted_before`."""
    query = (select(StarterChannel)
             .where(or_(StarterChannel.last_posted_at.is_(None), StarterChannel.last_posted_at < posted_before))
             .order_by(StarterChannel.guild_id))
    return list(session.scalars(query))


def mark_starter_posted(session: Session, guild_id: str, when: datetime) -> None:
    row = session.get(StarterChannel, guild_id)
    if row is not None:
        row.last_posted_at = when
