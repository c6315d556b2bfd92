"""Practice results: which scenario, which skill, the score and the kinds of reply he gave."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from coach.storage.models import PracticeResult, SkillEvent, User


def add_practice_result(session: Session, user: User, scenario: str, skill: str, score: int,
                        labels: list[str]) -> PracticeResult:
    result = PracticeResult(user_id=user.id, scenario=scenario, skill=skill, score=score, labels=labels)
    session.add(result)
    session.add(SkillEvent(user_id=user.id, skill=skill, detail=f"practice:{scenario}"))
    return result


def practice_history(session: Session, user: User, limit: int = 20) -> list[PracticeResult]:
    """His latest practice results, newest first (what progress shows)."""
    query = (select(PracticeResult).where(PracticeResult.user_id == user.id)
             .order_by(PracticeResult.created_at.desc(), PracticeResult.id.desc()).limit(limit))
    return list(session.scalars(query))
