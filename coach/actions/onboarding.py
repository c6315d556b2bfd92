"""First contact: consent to storage, and the country used for crisis lines."""
from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from coach.actions.base import CoachAction
from coach.safety.resources import default_resources
from coach.storage.users import consented_user, record_consent


COUNTRY_QUESTION = ("Which country are you in? It's only so I can show the right helplines if you "
                    "ever need them. You can change it any time with /country.")


def ask_country(dispatcher: CollectingDispatcher) -> None:
    resources = default_resources()
    buttons = [{"title": c.name, "payload": f'/set_country{{"country": "{code}"}}'}
               for code, c in resources.countries.items()]
    buttons.append({"title": "Somewhere else", "payload": '/set_country{"country": "other"}'})
    dispatcher.utter_message(text=COUNTRY_QUESTION, buttons=buttons)


class ActionAskCountry(CoachAction):
    def name(self) -> str:
        return "action_ask_country"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        ask_country(dispatcher)
        return []


class ActionRecordConsent(CoachAction):
    def name(self) -> str:
        return "action_record_consent"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        with self.services.database.unit_of_work() as session:
            user = record_consent(session, self.user_ref(tracker))
            user.country = user.country or tracker.get_slot("country")
            has_country = user.country is not None
        dispatcher.utter_message(text="Thanks. I'll remember where we left off. You're in charge: "
                                      "/export shows everything I keep, /forget deletes it.")
        if not has_country:
            ask_country(dispatcher)
        return [SlotSet("consent", "given")]


class ActionDeclineConsent(CoachAction):
    def name(self) -> str:
        return "action_decline_consent"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        dispatcher.utter_message(response="utter_consent_declined")
        return [SlotSet("consent", "declined")]


class ActionSetCountry(CoachAction):
    def name(self) -> str:
        return "action_set_country"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        typed = next(tracker.get_latest_entity_values("country"), None)
        if not typed:
            ask_country(dispatcher)
            return []
        resources = default_resources()
        code = resources.country_code(typed) or "other"
        with self.services.database.unit_of_work() as session:
            user = consented_user(session, self.user_ref(tracker))
            if user is not None:
                user.country = code
        country = resources.for_country(code)
        if country:
            dispatcher.utter_message(text=f"Got it: {country.name}. If you ever need urgent help, "
                                          f"I'll show you the lines there. Type /help to see what we can do.")
        else:
            dispatcher.utter_message(text="Got it. If you ever need urgent help, I'll point you to "
                                          "findahelpline.com and your local emergency number. "
                                          "Type /help to see what we can do.")
        return [SlotSet("country", code)]
