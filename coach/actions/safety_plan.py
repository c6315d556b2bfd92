"""The safety plan: four short answers he writes himself, kept (with consent) and shown with /safetyplan."""
from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from coach.actions.base import CoachAction, FreeTextFormValidation
from coach.actions.safety import FOLLOWUP_SLOT, SAFETY_FLOW
from coach.safety.resources import default_resources
from coach.storage.models import SafetyPlan
from coach.storage.users import consented_user

MAX_ANSWER_CHARS = 500
SKIP_WORDS = {"skip", "pass", "next", "dunno", "dont know", "don't know", "no idea", "not sure"}
# slot -> (SafetyPlan column, heading shown to him)
PARTS = {
    "safety_warning_signs": ("warning_signs", "My warning signs"),
    "safety_things_that_help": ("things_that_help", "Things that help me"),
    "safety_reasons": ("reasons", "My reasons to keep going"),
    "safety_contacts": ("contacts", "People I can contact"),
}
START_BUTTON = [{"title": "Make one now", "payload": "/start_safety_plan"}]


def format_plan(answers: dict[str, str | None], country: str | None) -> str:
    """The plan as he'd read it on a bad day: his words first, then the lines for his country."""
    lines = ["Your safety plan:"]
    for column, heading in PARTS.values():
        lines.append(f"{heading}: {answers.get(column) or '(not filled in yet)'}")
    resources = default_resources()
    found = resources.for_country(country)
    if found:
        services = "; ".join(f"{line.service}: {line.contact}" for line in found.lines)
        lines.append(f"If it gets too much: {services}. In danger: {found.emergency}.")
    else:
        lines.append(f"If it gets too much: {resources.international.contact} lists free helplines. "
                     "In danger: your local emergency number.")
    return "\n".join(lines)


class ActionStartSafetyPlan(CoachAction):
    def name(self) -> str:
        return "action_start_safety_plan"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        dispatcher.utter_message(text="Let's build it. Four short questions, in your own words; a few "
                                      "words is plenty, \"skip\" moves on, \"stop\" leaves.")
        return [SlotSet("flow", SAFETY_FLOW)]


class ValidateSafetyPlanForm(FreeTextFormValidation):
    own_intents = frozenset({"start_safety_plan"})

    def name(self) -> str:
        return "validate_safety_plan_form"

    @staticmethod
    def _answer(value: Any) -> str | None:
        if value is None:
            return None  # a slot cleared by an action, not an answer
        text = " ".join(str(value or "").split())[:MAX_ANSWER_CHARS]
        return "(skipped)" if not text or text.casefold().strip(".!") in SKIP_WORDS else text

    async def validate_safety_warning_signs(self, value, dispatcher, tracker, domain):
        return {"safety_warning_signs": self._answer(value)}

    async def validate_safety_things_that_help(self, value, dispatcher, tracker, domain):
        return {"safety_things_that_help": self._answer(value)}

    async def validate_safety_reasons(self, value, dispatcher, tracker, domain):
        return {"safety_reasons": self._answer(value)}

    async def validate_safety_contacts(self, value, dispatcher, tracker, domain):
        return {"safety_contacts": self._answer(value)}


class ActionSaveSafetyPlan(CoachAction):
    def name(self) -> str:
        return "action_save_safety_plan"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        answers = {column: tracker.get_slot(slot) for slot, (column, _) in PARTS.items()}
        with self.services.database.unit_of_work() as session:
            user = consented_user(session, self.user_ref(tracker))
            if user is not None:
                plan = session.get(SafetyPlan, user.id) or SafetyPlan(user_id=user.id)
                for column, answer in answers.items():
                    setattr(plan, column, answer)
                session.add(plan)
            country = (user.country if user else None) or tracker.get_slot("country")
        dispatcher.utter_message(text=format_plan(answers, country))
        if user is not None:
            dispatcher.utter_message(text="Saved. Type /safetyplan any time to see it again or change "
                                          "it. Well done for doing this.")
        else:
            dispatcher.utter_message(text="Since you chose not to have anything stored, I can't keep "
                                          "it for you: copy it somewhere or take a screenshot.")
        # The answers are in the database now (with consent); the slots start empty next time.
        return [SlotSet("flow", None), SlotSet(FOLLOWUP_SLOT, None)] + [SlotSet(slot, None) for slot in PARTS]


class ActionShowSafetyPlan(CoachAction):
    def name(self) -> str:
        return "action_show_safety_plan"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        with self.services.database.unit_of_work() as session:
            user = consented_user(session, self.user_ref(tracker))
            plan = session.get(SafetyPlan, user.id) if user is not None else None
            answers = {column: getattr(plan, column) for column, _ in PARTS.values()} if plan else None
            country = user.country if user else tracker.get_slot("country")
        if answers:
            dispatcher.utter_message(text=format_plan(answers, country))
            dispatcher.utter_message(text="Want to change it?",
                                     buttons=[{"title": "Rewrite my plan", "payload": "/start_safety_plan"}])
        elif user is None:
            dispatcher.utter_message(text="Nothing is stored for you, so there's no saved plan. We can "
                                          "still write one now, and you keep a copy yourself.",
                                     buttons=START_BUTTON)
        else:
            dispatcher.utter_message(text="You don't have a safety plan yet. It's four short questions: "
                                          "your warning signs, what helps, your reasons to keep going "
                                          "and who you can contact.", buttons=START_BUTTON)
        return []
