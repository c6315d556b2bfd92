"""Active listening: four short lessons (reflect, validate, open questions, fix or feel?), then practice."""
from __future__ import annotations

import random
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from coach.actions.base import CoachAction
from coach.actions.lessons import LessonFormValidation, end_lesson_events, record_lesson, start_lesson_events

WRAP_UP = (
    "That's the four: reflect, validate, ask open questions, and fix or feel? Reading them is the "
    "easy bit; doing it when she's upset is the skill.",
    "Done: reflect, validate, open questions, fix or feel. They feel clunky at first, like any "
    "new move. They get natural with use.",
)
PRACTICE_OFFER = ("Want to try it on a real scenario? I'll play your partner and you answer in "
                  "your own words.")
PRACTICE_BUTTONS = [{"title": "Practise now", "payload": "/practice"},
                    {"title": "Maybe later", "payload": "/help"}]


class ActionStartListening(CoachAction):
    def name(self) -> str:
        return "action_start_listening"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        return start_lesson_events("listening")


class ValidateListeningForm(LessonFormValidation):
    start_intent = "start_listening"

    def name(self) -> str:
        return "validate_listening_form"


class ActionFinishListening(CoachAction):
    def name(self) -> str:
        return "action_finish_listening"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        record_lesson(self, tracker, "listening", "lessons")
        dispatcher.utter_message(text=random.choice(WRAP_UP))
        dispatcher.utter_message(text=PRACTICE_OFFER, buttons=PRACTICE_BUTTONS)
        return end_lesson_events()
