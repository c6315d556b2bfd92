"""Practice results as progress: per skill, how many scenarios, the latest score and the best."""
from __future__ import annotations

from sqlalchemy.orm import Session

from coach.practice.scenarios import library
from coach.storage.models import User
from coach.storage.practice import practice_history


def practice_progress(session: Session, user: User) -> list[str]:
    """One line per skill practised, e.g. "Listening: 3 scenarios, latest 75/100, best 88/100"."""
    results = practice_history(session, user, limit=200)
    lines = []
    for skill in sorted({r.skill for r in results}):
        scores = [r.score for r in results if r.skill == skill]  # newest first
        lines.append(f"{skill.capitalize()}: {len(scores)} scenario{'s' if len(scores) > 1 else ''}, "
                     f"latest {scores[0]}/100, best {max(scores)}/100")
    return lines


def last_practice(session: Session, user: User) -> str | None:
    """A sentence about his latest practice, for the greeting's recap."""
    latest = next(iter(practice_history(session, user, limit=1)), None)
    if latest is None:
        return None
    scenario = library().get(latest.scenario)
    title = f"\u201c{scenario.title}\u201d" if scenario else "a scenario"
    return f"Last practice: {title}, {latest.score}/100."
