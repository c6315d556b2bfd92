"""For partners: a safe space, what helps and what shuts him down, validating his efforts.

The reader is either his partner (the track, written to her) or the man himself, who gets a note
written to her that he can forward.
"""
from __future__ import annotations

import random
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from coach.actions.base import CoachAction
from coach.actions.lessons import LessonFormValidation, end_lesson_events, record_lesson, start_lesson_events

FOR_PARTNER = (
    "That's the track: make it safe, know what helps and what shuts him down, and notice his "
    "efforts. You don't need to get it perfect. Him feeling that you're on his side is what counts.",
    "That's it: a safe space, the things that help, and noticing the effort. Patience matters "
    "more than technique; some men take a while to trust that it's really OK.",
)
FOR_HIM = (
    "Whether she reads it tonight or next week, you've told her something true about how you "
    "work. That's a disclosure, and it counts.",
    "Handing that over is a small act of openness in itself. Well done.",
)


class ActionStartPartner(CoachAction):
    def name(self) -> str:
        return "action_start_partner"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        return start_lesson_events("partner")


class ValidatePartnerForm(LessonFormValidation):
    start_intent = "start_partner"

    def name(self) -> str:
        return "validate_partner_form"


class ActionFinishPartner(CoachAction):
    def name(self) -> str:
        return "action_finish_partner"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        reader = tracker.get_slot("lesson_branch") or "partner"
        record_lesson(self, tracker, "partner", reader)
        dispatcher.utter_message(text=random.choice(FOR_HIM if reader == "share" else FOR_PARTNER))
        return end_lesson_events()
