"""Finding and creating the coach's users."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from coach.identity import UserRef
from coach.storage.models import User, utcnow


def find_user(session: Session, ref: UserRef) -> User | None:
    query = select(User).where(User.platform == ref.platform, User.platform_id == ref.platform_id)
    return session.scalars(query).first()


def consented_user(session: Session, ref: UserRef) -> User | None:
    """The user, if he has agreed to storage; None otherwise (then nothing may be stored)."""
    user = find_user(session, ref)
    return user if user is not None and user.consented_at is not None else None


def record_consent(session: Session, ref: UserRef) -> User:
    user = find_user(session, ref)
    if user is None:
        user = User(platform=ref.platform, platform_id=ref.platform_id)
        session.add(user)
    user.consented_at = user.consented_at or utcnow()
    user.last_seen_at = utcnow()
    return user


def has_consented(session: Session, ref: UserRef) -> bool:
    return consented_user(session, ref) is not None
