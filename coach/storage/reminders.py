"""Daily check-in reminders: when, in which time zone, and where to send them."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from coach.storage.models import Reminder, User


def set_reminder(session: Session, user: User, local_time: str, timezone: str, chat_id: str) -> Reminder:
    """Create or replace his reminder, switched on."""
    reminder = session.get(Reminder, user.id)
    if reminder is None:
        reminder = Reminder(user_id=user.id, local_time=local_time, timezone=timezone, chat_id=chat_id)
        session.add(reminder)
    reminder.local_time, reminder.timezone, reminder.chat_id = local_time, timezone, chat_id
    reminder.enabled = True
    return reminder


def disable_reminder(session: Session, user: User) -> bool:
    """Switch his reminder off; False when he had none running."""
    reminder = session.get(Reminder, user.id)
    if reminder is None or not reminder.enabled:
        return False
    reminder.enabled = False
    return True


def active_reminder(session: Session, user: User) -> Reminder | None:
    reminder = session.get(Reminder, user.id)
    return reminder if reminder is not None and reminder.enabled else None


def active_reminders(session: Session, platform: str) -> list[tuple[User, Reminder]]:
    """Every switched-on reminder of consented users on one platform, to schedule at startup."""
    query = (select(User, Reminder).join(Reminder, Reminder.user_id == User.id)
             .where(User.platform == platform, User.consented_at.is_not(None), Reminder.enabled.is_(True))
             .order_by(User.id))
    return [(user, reminder) for user, reminder in session.execute(query)]
