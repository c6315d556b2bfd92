"""Everything the progress summary and chart show, gathered for one user."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coach.memory import checkin_streak
from coach.storage.models import CheckIn, PracticeResult, Reframe, SkillEvent, User

MOOD_POINTS = 90


@dataclass(frozen=True)
class Progress:
    checkins: int = 0
    streak: int = 0
    ladder_level: int = 1
    reframes: int = 0
    practice_runs: int = 0
    practice_average: float | None = None
    moods: list[tuple[datetime, int]] = field(default_factory=list)  # oldest first
    skills: dict[str, int] = field(default_factory=dict)  # skill -> times practised, most first

    @property
    def is_empty(self) -> bool:
        return not (self.checkins or self.reframes or self.practice_runs or self.skills)


def _count(session: Session, model, user: User) -> int:
    return session.scalar(select(func.count()).select_from(model).where(model.user_id == user.id)) or 0


def gather_progress(session: Session, user: User, today: date) -> Progress:
    recent = session.execute(
        select(CheckIn.created_at, CheckIn.mood)
        .where(CheckIn.user_id == user.id, CheckIn.mood.is_not(None))
        .order_by(CheckIn.created_at.desc(), CheckIn.id.desc()).limit(MOOD_POINTS)).all()
    scores = list(session.scalars(select(PracticeResult.score).where(PracticeResult.user_id == user.id)))
    return Progress(
        checkins=_count(session, CheckIn, user),
        streak=checkin_streak(session, user, today),
        ladder_level=user.ladder_level or 1,
        reframes=_count(session, Reframe, user),
        practice_runs=len(scores),
        practice_average=round(sum(scores) / len(scores), 1) if scores else None,
        moods=[(created, mood) for created, mood in reversed(recent)],
        skills=skills_practised(session, user),
    )


def skills_practised(session: Session, user: User) -> dict[str, int]:
    """Completed coaching steps by skill, with practice runs counted as 'practice: <skill>'."""
    counts: Counter[str] = Counter()
    for skill, times in session.execute(select(SkillEvent.skill, func.count())
                                        .where(SkillEvent.user_id == user.id).group_by(SkillEvent.skill)):
        counts[skill] += times
    for skill, times in session.execute(select(PracticeResult.skill, func.count())
                                        .where(PracticeResult.user_id == user.id).group_by(PracticeResult.skill)):
        counts[f"practice: {skill}"] += times
    return dict(counts.most_common())
