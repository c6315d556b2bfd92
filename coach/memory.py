"""What the coach remembers about a returning user, in a sentence or two."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from coach.words import quoted
from coach.practice.progress import last_practice
from coach.storage.disclosures import open_disclosure
from coach.storage.models import CheckIn, User
from coach.storage.reframes import recent_reframes


def checkin_streak(session: Session, user: User, today: date) -> int:
    """Consecutive days with a check-in, ending today or yesterday."""
    days = {c.date() for c in session.scalars(select(CheckIn.created_at).where(CheckIn.user_id == user.id))}
    day = today if today in days else today - timedelta(days=1)
    streak = 0
    while day in days:
        streak += 1
        day -= timedelta(days=1)
    return streak


def where_we_left_off(session: Session, user: User, today: date | None = None) -> list[str]:
    today = today or date.today()
    recap = []
    last = session.scalars(select(CheckIn).where(CheckIn.user_id == user.id)
                           .order_by(CheckIn.created_at.desc()).limit(1)).first()
    if last is not None and last.feeling:
        recap.append(f"Last check-in you named \"{last.feeling}\".")
    streak = checkin_streak(session, user, today)
    if streak > 1:
        recap.append(f"You're on a {streak}-day check-in streak.")
    practised = last_practice(session, user)
    if practised:
        recap.append(practised)
    last_reframe = next(iter(recent_reframes(session, user, limit=1)), None)
    if last_reframe is not None:
        recap.append(f"Your last reframe: {quoted(last_reframe.reframe)}.")
    homework = open_disclosure(session, user)
    if homework is not None:  # last, so the follow-up buttons answer the last thing said
        recap.append(f"Last time you planned to tell her: {quoted(homework.plan)}. Did you try it? How did it land?")
    return recap


def has_open_homework(session: Session, user: User) -> bool:
    return open_disclosure(session, user) is not None
