"""Dated check-ins: mood and the named feeling."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from coach.storage.models import CheckIn, User


def add_checkin(session: Session, user: User, mood: int | None, feeling: str | None,
                core_feeling: str | None) -> CheckIn:
    checkin = CheckIn(user_id=user.id, mood=mood, feeling=feeling, core_feeling=core_feeling)
    session.add(checkin)
    return checkin


def recent_checkins(session: Session, user: User, limit: int = 7) -> list[CheckIn]:
    query = (select(CheckIn).where(CheckIn.user_id == user.id)
             .order_by(CheckIn.created_at.desc(), CheckIn.id.desc()).limit(limit))
    return list(session.scalars(query))
