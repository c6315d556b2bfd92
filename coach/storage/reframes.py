"""His reframes of the "man up" scripts he grew up with."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from coach.storage.models import Reframe, User


def add_reframe(session: Session, user: User, script: str, norm: str, origin: str | None, cost: str | None,
                reframe: str) -> Reframe:
    saved = Reframe(user_id=user.id, script=script, norm=norm, origin=origin, cost=cost, reframe=reframe)
    session.add(saved)
    return saved


def recent_reframes(session: Session, user: User, limit: int = 10) -> list[Reframe]:
    query = (select(Reframe).where(Reframe.user_id == user.id)
             .order_by(Reframe.created_at.desc(), Reframe.id.desc()).limit(limit))
    return list(session.scalars(query))
