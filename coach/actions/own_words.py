"""Forms that take his own words through `custom` slot mappings, extracted here.

When a message is an answer is decided in `coach/actions/answers.py` (`answer_text`, shared with
the lesson and provider forms); extracting nothing makes the form reject, so the rules for "stop",
a crisis or another flow take over. On top of that, an answer that only *sounds* like another flow
stays an answer, with a one-tap button to switch in case he did mean it. (Forms with `from_text`
slots use `FreeTextFormValidation` in base.py instead: same rules, applied before validation.)
"""
from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from coach.actions.answers import answer_text, sounds_like_another_flow
from coach.actions.base import CoachFormValidation
from coach.content import load


class OwnWordsFormValidation(CoachFormValidation):
    """Fills the requested slot (a `custom` mapping in the domain) with his text; extracting nothing
    makes the form reject, so the rules for "stop", a crisis or another flow take over."""

    own_intents: frozenset[str] = frozenset()  # this flow's intents: typed, they are answers
    own_buttons: frozenset[str] = frozenset()  # intents of this form's own payload buttons

    async def get_extraction_events(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                    domain: DomainDict) -> list[dict[str, Any]]:
        slot = tracker.get_slot("requested_slot")
        required = await self.required_slots(self.domain_slots(domain), dispatcher, tracker, domain)
        if slot not in required:
            return []
        text = self._answer(tracker, slot, dispatcher)
        return [] if text is None else [SlotSet(slot, text)]

    def _answer(self, tracker: Tracker, slot: str, dispatcher: CollectingDispatcher) -> str | None:
        message = tracker.latest_message or {}
        if (message.get("intent") or {}).get("name") in self.own_buttons:
            return message.get("text") or ""
        text = answer_text(tracker, slot, self.form_name(), self.own_intents)
        if text is None:
            switch = sounds_like_another_flow(tracker, self.form_name(), self.own_intents)
            if switch is not None:
                offer_switch(dispatcher, switch)
                text = str(message.get("text") or "").strip()
        return text


def offer_switch(dispatcher: CollectingDispatcher, intent: str) -> None:
    item = next((i for i in load("menu") if i.get("intent") == intent), None)
    if item is not None:
        dispatcher.utter_message(text=f"I've taken that as your answer. If you'd rather switch to "
                                      f"\"{item['title']}\", tap here.",
                                 buttons=[{"title": item["title"], "payload": item["payload"]}])
