"""Progress: a summary of what he has done and a chart of his mood and the skills he practised."""
from __future__ import annotations

import logging
import random
from pathlib import Path
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from coach.actions.base import CoachAction
from coach.actions.conversation import leave_running_flow
from coach.progress import chart_path, draw_progress_chart
from coach.storage.progress import Progress, gather_progress
from coach.storage.users import consented_user

logger = logging.getLogger(__name__)

NOT_STORED = ("I don't keep any progress for you, since you haven't said it's OK to store things. "
              "Type /start if you'd like me to remember your check-ins and practice.")
NOTHING_YET = ("Nothing to show yet, and that's fine: everyone starts at zero. A check-in takes a "
               "minute and starts your mood chart.")
CLOSERS = ("Every line there is something you did, not something you read.",
           "Small steps, done often. That's how this works.",
           "Keep going. The chart fills in faster than you'd think.")


def summary(progress: Progress) -> str:
    lines = ["Here's where you are:",
             f"- Check-ins: {progress.checkins} ({_streak(progress.streak)})",
             f"- Disclosure ladder: level {progress.ladder_level}",
             f"- Reframes written: {progress.reframes}",
             f"- Practice: {_practice(progress)}",
             f"- Skills practised: {_skills(progress.skills)}"]
    moods = [mood for _, mood in progress.moods[-7:]]
    if moods:
        lines.append(f"- Average mood, last {len(moods)} check-in{'s' if len(moods) > 1 else ''}: "
                     f"{sum(moods) / len(moods):.1f} out of 5")
    return "\n".join(lines)


def _streak(days: int) -> str:
    if days == 0:
        return "no streak right now"
    return "1 day streak" if days == 1 else f"{days} days in a row"


def _practice(progress: Progress) -> str:
    if not progress.practice_runs:
        return "none yet"
    runs = "1 run" if progress.practice_runs == 1 else f"{progress.practice_runs} runs"
    return f"{runs}, average score {progress.practice_average:g}"


def _skills(skills: dict[str, int]) -> str:
    if not skills:
        return "none yet"
    return ", ".join(f"{name.replace('_', ' ')} x{times}" for name, times in skills.items())


class ActionProgress(CoachAction):
    """Summary and chart; asking for progress also leaves any exercise that was running."""

    def name(self) -> str:
        return "action_progress"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        events = leave_running_flow(tracker, domain)
        with self.services.database.unit_of_work() as session:
            user = consented_user(session, self.user_ref(tracker))
            progress = gather_progress(session, user, self.services.clock().date()) if user else None
        if progress is None:
            dispatcher.utter_message(text=NOT_STORED)
            return events
        if progress.is_empty:
            dispatcher.utter_message(text=NOTHING_YET, buttons=[{"title": "Check in", "payload": "/checkin"},
                                                                {"title": "Show me the menu", "payload": "/help"}])
            return events
        dispatcher.utter_message(text=summary(progress) + "\n\n" + random.choice(CLOSERS))
        chart = self._draw(progress, tracker.sender_id)
        if chart is not None:
            dispatcher.utter_message(image=str(chart))
        return events

    def _draw(self, progress: Progress, sender_id: str) -> Path | None:
        try:
            path = chart_path(self.services.settings.charts_dir, sender_id)
            return draw_progress_chart(progress.moods, progress.skills, path)
        except Exception as error:  # noqa: BLE001 - the summary is still worth sending without a chart
            logger.warning("progress chart failed: %s", type(error).__name__)
            return None
