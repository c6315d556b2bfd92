"""Practice mode: the coach plays her (or a mate), he answers in his own words, each reply is graded
by the practice grader, the scenario branches on it, and he gets a note, then a summary and a score."""
from __future__ import annotations

import logging
import random
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import ActionExecutionRejected, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from coach.actions.answers import just_spoke
from coach.actions.base import CoachAction, CoachFormValidation, slot
from coach.actions.conversation import stop_flow_events
from coach.content import load
from coach.practice import feedback
from coach.practice.scenarios import Scenario, find_scenario, library, random_scenario
from coach.practice.skills import score
from coach.storage.practice import add_practice_result
from coach.storage.users import consented_user

logger = logging.getLogger(__name__)
FLOW = "practice"
FORM = "practice_form"
RANDOM = "random"
# Intents that leave a form, besides a crisis (which always does, see domain/practice.yml), and
# the start intent of every flow on the menu.
BREAK_OUT_INTENTS = {"stop", "help", "goodbye", "privacy", "export", "forget"}
SHORT_COMMAND_WORDS = 3
SURE_COMMAND = 0.9
PICK_A_SCENARIO = (
    "Let's practise. Pick a scenario: I'll play the other person, and you answer in your own words, "
    "the way you really would. I'll tell you what landed.",
    "Practice time. Choose a situation and I'll play the other side. Answer like you would at home; "
    "there's no wrong answer here, only things to try.",
)
ABOUT_PRACTICE = ("practice", "practise", "exercise", "scenario", "role play", "roleplay", "this game")


def current_scenario(tracker: Tracker) -> Scenario | None:
    return library().get(str(slot(tracker, "practice_scenario", "")))


def _chosen_scenario(tracker: Tracker) -> Scenario | None:
    """The scenario a button or a "try again" carried as an entity, if any."""
    chosen = next((e.get("value") for e in tracker.latest_message.get("entities") or ()
                   if e.get("entity") == "scenario"), None)
    if chosen == RANDOM:
        return random_scenario(exclude=slot(tracker, "practice_scenario"))
    return library().get(str(chosen)) if chosen else None


class ActionStartPractice(CoachAction):
    def name(self) -> str:
        return "action_start_practice"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        chosen = _chosen_scenario(tracker)
        events = stop_flow_events(tracker, domain) if tracker.active_loop.get("name") else []
        return events + [SlotSet("flow", FLOW), SlotSet("practice_scenario", chosen.id if chosen else None),
                         SlotSet("practice_reply", None), SlotSet("practice_labels", [])]


class ActionAskPracticeScenario(CoachAction):
    def name(self) -> str:
        return "action_ask_practice_scenario"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        buttons = [{"title": s.title, "payload": _start_payload(s.id)} for s in library().values()]
        dispatcher.utter_message(
            text=random.choice(PICK_A_SCENARIO),
            buttons=buttons + [{"title": "Surprise me", "payload": _start_payload(RANDOM)}])
        return []


class ActionAskPracticeReply(CoachAction):
    """Her next line: the opening, or her answer to his last reply (the scenario branches on its kind)."""

    def name(self) -> str:
        return "action_ask_practice_reply"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        scenario = current_scenario(tracker)
        labels = list(slot(tracker, "practice_labels", []))
        if scenario is None:
            return []
        if not labels:
            dispatcher.utter_message(text=feedback.intro(scenario))
        else:
            dispatcher.utter_message(text=scenario.said(scenario.answer(len(labels) - 1, labels[-1])))
        return []


def is_break_out(message: dict[str, Any]) -> bool:
    """Did he mean to leave the scenario, rather than answer her?

    Role-play replies are full of "stop", "leave it", "forget it", "what would help?", which the
    main model reads as break-out intents. So a break-out intent only counts when it came as a
    command or a button, is short and unmistakable ("stop", "bye for now"), or talks about the
    practice itself.
    """
    intent = (message.get("intent") or {}).get("name")
    confidence = float((message.get("intent") or {}).get("confidence") or 0.0)
    menu_intents = {item["intent"] for item in load("menu") if item.get("intent")}
    if intent not in BREAK_OUT_INTENTS | menu_intents:
        return False
    text = str(message.get("text") or "").casefold()
    short_and_sure = len(text.split()) <= SHORT_COMMAND_WORDS and confidence >= SURE_COMMAND
    return text.startswith("/") or short_and_sure or any(word in text for word in ABOUT_PRACTICE)


class ValidatePracticeForm(CoachFormValidation):
    def name(self) -> str:
        return "validate_practice_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[dict[str, Any]]:
        asking = tracker.get_slot("requested_slot")
        if asking and tracker.active_loop.get("name") == FORM and just_spoke(tracker, FORM) \
                and is_break_out(tracker.latest_message):
            # Rejecting the form hands the turn to the rules: stop, help, another flow.
            return [SlotSet(asking, None), ActionExecutionRejected(FORM)]
        return await super().run(dispatcher, tracker, domain)

    def validate_practice_scenario(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                   domain: DomainDict) -> dict[str, Any]:
        if not str(value or "").strip():
            return {"practice_scenario": None}  # not chosen yet: the form will ask
        scenario = find_scenario(str(value))
        if scenario is None:
            dispatcher.utter_message(response="utter_practice_pick_again")
            return {"practice_scenario": None}
        return {"practice_scenario": scenario.id, "practice_labels": []}

    async def validate_practice_reply(self, value: Any, dispatcher: CollectingDispatcher,
                                      tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        scenario = current_scenario(tracker)
        if scenario is None or not str(value or "").strip():
            return {"practice_reply": None}
        grade = await self.services.practice_grader().grade(str(value), scenario.skill)
        logger.info("practice reply graded: %s %s (%.2f)", scenario.id, grade.label, grade.confidence)
        labels = list(slot(tracker, "practice_labels", [])) + [grade.label]
        dispatcher.utter_message(text=feedback.note(scenario, grade.label, grade.confidence))
        done = len(labels) >= len(scenario.turns)
        return {"practice_reply": "done" if done else None, "practice_labels": labels}


class ActionFinishPractice(CoachAction):
    def name(self) -> str:
        return "action_finish_practice"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        scenario = current_scenario(tracker)
        labels = list(slot(tracker, "practice_labels", []))
        if scenario is not None and labels:
            dispatcher.utter_message(text=scenario.said(scenario.answer(len(labels) - 1, labels[-1])))
            dispatcher.utter_message(text=feedback.summary(scenario, labels), buttons=[
                {"title": "Try again", "payload": _start_payload(scenario.id)},
                {"title": "Another scenario", "payload": "/start_practice"},
                {"title": "Menu", "payload": "/help"}])
            self._store(dispatcher, tracker, scenario, labels)
        return [SlotSet("flow", None), SlotSet("practice_reply", None)]

    def _store(self, dispatcher: CollectingDispatcher, tracker: Tracker, scenario: Scenario,
               labels: list[str]) -> None:
        with self.services.database.unit_of_work() as session:
            user = consented_user(session, self.user_ref(tracker))
            if user is None:
                dispatcher.utter_message(text="(Not saved, since you haven't said it's OK to store "
                                              "things. Type /start to change that.)")
                return
            add_practice_result(session, user, scenario.id, scenario.skill, score(labels), labels)


def _start_payload(scenario_id: str) -> str:
    return f'/start_practice{{"scenario": "{scenario_id}"}}'
