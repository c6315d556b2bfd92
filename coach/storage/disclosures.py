"""Disclosure homework: the one thing he plans to tell his partner, and how it went."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from coach import ladder
from coach.storage.models import Disclosure, User, utcnow

PLANNED = "planned"
STATUS_AFTER = {"went well": "done", "so-so": "done", "didn't try": "not tried"}


@dataclass(frozen=True)
class Moved:
    """What a follow-up changed: the outcome, and his ladder level before and after."""

    outcome: str
    before: int
    after: int


def open_disclosure(session: Session, user: User) -> Disclosure | None:
    query = (select(Disclosure).where(Disclosure.user_id == user.id, Disclosure.status == PLANNED)
             .order_by(Disclosure.created_at.desc(), Disclosure.id.desc()).limit(1))
    return session.scalars(query).first()


def plan_disclosure(session: Session, user: User, level: int, plan: str) -> Disclosure:
    """His new homework; an older plan he never reported on is set aside."""
    for older in session.scalars(select(Disclosure).where(Disclosure.user_id == user.id,
                                                          Disclosure.status == PLANNED)):
        older.status = "replaced"
    user.ladder_level = ladder.clamp(level)
    disclosure = Disclosure(user_id=user.id, level=ladder.clamp(level), plan=plan, status=PLANNED)
    session.add(disclosure)
    return disclosure


def record_outcome(session: Session, user: User, outcome: str) -> Moved | None:
    """Close his open homework with how it went and move him on the ladder; None if none is open."""
    homework = open_disclosure(session, user)
    if homework is None:
        return None
    homework.outcome = outcome
    homework.status = STATUS_AFTER.get(outcome, "done")
    homework.followed_up_at = utcnow()
    before = user.ladder_level or 1
    user.ladder_level = ladder.next_level(before, outcome)
    return Moved(outcome, before, user.ladder_level)
