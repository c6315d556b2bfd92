"""Intimacy beyond sex: two kinds of closeness, bids for connection, and one small way to connect."""
from __future__ import annotations

import random
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from coach.actions.base import CoachAction
from coach.actions.lessons import LessonFormValidation, end_lesson_events, record_lesson, start_lesson_events
from coach.lessons import load_deck

PICKED = ("Good pick. Your one for this week:\n{idea}",
          "Nice. Here's your try-this-week:\n{idea}")
AFTER = ("And between now and then, watch for her bids: a comment, a sigh, \"look at this\". "
         "Turning toward them is the whole game.",
         "Small is the point: it's the hundred small moments, not the one big gesture. "
         "Type /intimacy any time for another idea.")


class ActionStartIntimacy(CoachAction):
    def name(self) -> str:
        return "action_start_intimacy"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        return start_lesson_events("intimacy")


class ValidateIntimacyForm(LessonFormValidation):
    start_intent = "start_intimacy"

    def name(self) -> str:
        return "validate_intimacy_form"


class ActionFinishIntimacy(CoachAction):
    def name(self) -> str:
        return "action_finish_intimacy"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        idea = load_deck("intimacy").idea(tracker.get_slot("lesson_idea"))
        if idea is not None:
            record_lesson(self, tracker, "intimacy", idea.id)
            dispatcher.utter_message(text=random.choice(PICKED).format(idea=idea.text))
        dispatcher.utter_message(text=random.choice(AFTER))
        return end_lesson_events()
