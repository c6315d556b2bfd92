"""The crisis response: runs whenever the safety check fires, whatever flow was active."""
from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from coach.actions.base import CoachAction
from coach.actions.conversation import stop_flow_events
from coach.safety.messages import crisis_message
from coach.safety.resources import default_resources
from coach.storage.models import CrisisEvent
from coach.storage.users import consented_user


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
        return stop_flow_events(tracker, domain) + [SlotSet("flow", "safety")]
