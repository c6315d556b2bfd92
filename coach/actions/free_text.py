"""Forms whose questions take free text: his message fills the requested slot unless it leaves the form."""
from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from coach.actions.base import CoachFormValidation
from coach.answers import read_in_form
from coach.content import load


class FreeTextFormValidation(CoachFormValidation):
    """Fills the requested slot (a `custom` mapping in the domain) with his text; extracting nothing
    makes the form reject, so the rules for "stop", a crisis or another flow take over."""

    flow: str = ""
    own_intents: frozenset[str] = frozenset()

    def offered_answers(self, slot: str) -> list[str]:
        """The payloads of the buttons the form offers for `slot`: always read as answers."""
        return []

    async def get_extraction_events(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                    domain: DomainDict) -> list[dict[str, Any]]:
        requested = tracker.get_slot("requested_slot")
        required = await self.required_slots(self.domain_slots(domain), dispatcher, tracker, domain)
        offered = frozenset(answer.casefold() for answer in self.offered_answers(requested or ""))
        reading = read_in_form(tracker.latest_message, self.flow, self.own_intents, offered)
        if requested not in required or not reading.answers:
            return []
        if reading.maybe_switch_to:
            offer_switch(dispatcher, reading.maybe_switch_to)
        return [SlotSet(requested, tracker.latest_message.get("text") or "")]


def offer_switch(dispatcher: CollectingDispatcher, intent: str) -> None:
    item = next((i for i in load("menu") if i.get("intent") == intent), None)
    if item is not None:
        dispatcher.utter_message(text=f"I've taken that as your answer. If you'd rather switch to "
                                      f"\"{item['title']}\", tap here.",
                                 buttons=[{"title": item["title"], "payload": item["payload"]}])
