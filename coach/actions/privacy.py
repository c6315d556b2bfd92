"""The user's data rights: what is stored (/privacy), a copy of it (/export), deleting it (/forget).

The actions only talk; the data work is in coach/storage/privacy.py. Export and forget are
carried out by the engine after the turn is saved (so the export holds this turn, and nothing is
written back after the delete): the action asks for them with an `engine_request` message.
"""
from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from coach.actions.base import CoachAction
from coach.actions.conversation import leave_running_flow
from coach.storage.privacy import EXPORT_REQUEST, FORGET_REQUEST, engine_request
from coach.storage.users import consented_user

CONFIRM_ENTITY = "forget_confirm"
NOTHING_DELETED = "OK, nothing deleted. Everything stays as it was."
CONFIRM_BUTTONS = [
    {"title": "Yes, delete everything", "payload": f'/forget{{"{CONFIRM_ENTITY}": "yes"}}'},
    {"title": "No, keep it", "payload": f'/forget{{"{CONFIRM_ENTITY}": "no"}}'},
]

WHAT_IS_STORED = (
    "Here's how I handle your data.\n"
    "Only after you say yes, I store: your profile (this chat's id, when you agreed, your country, "
    "time zone and reminder), what you do here (check-ins, reframes, disclosure plans, practice "
    "results, skills practised, your safety plan), when I showed you crisis lines and which ones "
    "(never what you wrote), and our conversation, so I can pick up where we left off.\n"
    "Where: in Confide's own database on the server that runs this bot. It isn't sold, shared or "
    "used for ads. The chat app you use keeps its own copy of messages under its own rules.")
HOW_LONG = (
    "How long: our conversation is deleted after {days} days. The rest stays until you delete it.\n"
    "Your control: /export sends you a copy of everything as a file; /forget deletes all of it "
    "at once, for good.\n"
    "If you didn't agree to storage, nothing is written anywhere: our chat lives in memory only "
    "and is gone when the bot restarts.")


class ActionShowPrivacy(CoachAction):
    def name(self) -> str:
        return "action_show_privacy"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        dispatcher.utter_message(text=WHAT_IS_STORED)
        dispatcher.utter_message(text=HOW_LONG.format(days=self.services.settings.retention_days))
        return []


class ActionExportData(CoachAction):
    def name(self) -> str:
        return "action_export_data"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        if not self._has_stored_data(tracker):
            dispatcher.utter_message(text="Nothing about you is stored, so there's nothing to export. "
                                          "Our chat lives in memory only.")
            return []
        dispatcher.utter_message(text="Here's everything I keep about you, in one JSON file: your "
                                      "profile, what you've done here and our conversation. "
                                      "Keep it somewhere private.")
        dispatcher.utter_message(json_message=engine_request(EXPORT_REQUEST))
        return []

    def _has_stored_data(self, tracker: Tracker) -> bool:
        with self.services.database.unit_of_work() as session:
            return consented_user(session, self.user_ref(tracker)) is not None


class ActionForget(CoachAction):
    """/forget asks first; the confirmation button carries the answer. Any running exercise ends
    here, so its question doesn't follow the deletion question (nor take his answer to it)."""

    def name(self) -> str:
        return "action_forget"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        answer = next(tracker.get_latest_entity_values(CONFIRM_ENTITY), None)
        with self.services.database.unit_of_work() as session:
            stored = consented_user(session, self.user_ref(tracker)) is not None
        if not stored:
            dispatcher.utter_message(text="Nothing about you is stored, so there's nothing to delete. "
                                          "I've cleared our chat from memory too; say hi to start fresh.")
            dispatcher.utter_message(json_message=engine_request(FORGET_REQUEST))
        elif answer == "yes":
            dispatcher.utter_message(text="Done. Everything I had about you is deleted: your profile, "
                                          "your progress and our conversation. If you come back, "
                                          "we start fresh. Take care of yourself.")
            dispatcher.utter_message(json_message=engine_request(FORGET_REQUEST))
        elif answer == "no":
            dispatcher.utter_message(text=NOTHING_DELETED)
        else:
            dispatcher.utter_message(
                text="This deletes everything I have about you: your profile, check-ins, progress, "
                     "safety plan and our conversation. It can't be undone. (/export first if you'd "
                     "like a copy.) Delete everything? Pick a button: typing won't delete anything.",
                buttons=CONFIRM_BUTTONS)
        return leave_running_flow(tracker, domain)


class ActionForgetTypedAnswer(CoachAction):
    """A typed yes or no right after /forget. No keeps everything; yes points to the button,
    because deleting everything for good takes a deliberate press, not a stray "yes"."""

    def name(self) -> str:
        return "action_forget_typed_answer"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        if not _deletion_question_pending(tracker):
            dispatcher.utter_message(text="OK. Type /help to see what we can do, "
                                          "or tell me what's on your mind.")
        elif tracker.get_intent_of_latest_message() == "deny":
            dispatcher.utter_message(text=NOTHING_DELETED)
        else:
            dispatcher.utter_message(
                text="To be sure nothing goes by accident, I only delete on the button. "
                     "Press \"Yes, delete everything\" to go ahead, or \"No, keep it\".",
                buttons=CONFIRM_BUTTONS)
        return []


def _deletion_question_pending(tracker: Tracker) -> bool:
    """Was his previous message a bare /forget (so the coach asked), not a button answer?"""
    said = [event for event in tracker.events if event.get("event") == "user"]
    if len(said) < 2:
        return False
    previous = said[-2].get("parse_data") or {}
    answered = any(entity.get("entity") == CONFIRM_ENTITY for entity in previous.get("entities") or [])
    return (previous.get("intent") or {}).get("name") == "forget" and not answered
