"""The crisis response, and the check-in that follows it at his next message."""
from __future__ import annotations

import random
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from coach.actions.base import CoachAction
from coach.actions.conversation import menu_buttons, stop_flow_events
from coach.safety.messages import crisis_message
from coach.safety.resources import default_resources
from coach.storage.models import CrisisEvent
from coach.storage.users import consented_user

FOLLOWUP_SLOT = "safety_followup"
SAFETY_FLOW = "safety"

CHECK_IN_BUTTONS = [
    {"title": "I'm safe for now", "payload": "/affirm"},
    {"title": "Still struggling", "payload": "/crisis"},
    {"title": "Make a safety plan", "payload": "/start_safety_plan"},
]
CHECK_IN = [
    "Before we go on: how are you doing right now, after what you told me?",
    "I'll come back to that. First, I want to check on you: how are you right now?",
    "Before anything else: how are you holding up at this moment?",
]
GLAD = [
    "Good. I'm really glad.",
    "That's good to hear. Thank you for letting me know.",
]
THANKS_FOR_SAYING = [
    "Thank you for telling me. I'm here, and so are the lines I gave you: if it gets heavier, "
    "please call one of them.",
    "Thanks for answering. If it gets heavy again, the lines I gave you are there day and night; "
    "reaching out is a strong move, not a weak one.",
]
CARRY_ON = ("You can build a safety plan any time with /safetyplan. "
            "What would you like to do now?")


class ActionCrisisResponse(CoachAction):
    def name(self) -> str:
        return "action_crisis_response"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        with self.services.database.unit_of_work() as session:
            user = consented_user(session, self.user_ref(tracker))
            country = (user.country if user else None) or tracker.get_slot("country")
            text, shown = crisis_message(default_resources(), country)
            if user is not None:
                session.add(CrisisEvent(user_id=user.id, resources=shown))
        dispatcher.utter_message(text=text)
        dispatcher.utter_message(response="utter_grounding")
        dispatcher.utter_message(response="utter_offer_safety_plan")
        return stop_flow_events(tracker, domain) + [SlotSet("flow", SAFETY_FLOW),
                                                    SlotSet(FOLLOWUP_SLOT, "offered")]


class ActionSafetyFollowup(CoachAction):
    """His first message after a crisis response that wasn't a yes to the plan: check in.
    His answer to that check-in: acknowledge it, then hand the conversation back to him."""

    def name(self) -> str:
        return "action_safety_followup"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        if tracker.get_slot(FOLLOWUP_SLOT) == "offered":
            dispatcher.utter_message(text=random.choice(CHECK_IN), buttons=CHECK_IN_BUTTONS)
            return [SlotSet(FOLLOWUP_SLOT, "asked"), SlotSet("flow", SAFETY_FLOW)]
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        opener = random.choice(GLAD if intent == "affirm" else THANKS_FOR_SAYING)
        dispatcher.utter_message(text=f"{opener} {CARRY_ON}", buttons=menu_buttons())
        return [SlotSet(FOLLOWUP_SLOT, None), SlotSet("flow", None)]
