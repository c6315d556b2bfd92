"""Skills practised: one SkillEvent per completed coaching step."""
from __future__ import annotations

from sqlalchemy.orm import Session

from coach.storage.models import SkillEvent, User


def record_skill(session: Session, user: User, skill: str, detail: str | None = None) -> SkillEvent:
    event = SkillEvent(user_id=user.id, skill=skill, detail=(detail or None) and detail[:64])
    session.add(event)
    return event
