"""What the lesson flows (listening, intimacy, partner) share: one card per message from a deck.

Each flow is a form with one free-text slot, `lesson_answer`. The ask action shows the card at
`lesson_step`; the form's validation answers it and moves the step on, so the form keeps asking
until the deck is done and then completes with `lesson_answer` set to "done".
"""
from __future__ import annotations

from abc import abstractmethod
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from coach.actions.answers import answer_text
from coach.actions.base import CoachAction, CoachFormValidation
from coach.lessons import Deck, answer, load_deck
from coach.storage.skills import record_skill
from coach.storage.users import consented_user

DONE = "done"
LESSON_SLOTS = ("lesson_answer", "lesson_step", "lesson_branch", "lesson_idea")


def start_lesson_events(flow: str) -> list[dict[str, Any]]:
    return [SlotSet("flow", flow), SlotSet("lesson_answer", None), SlotSet("lesson_step", 0),
            SlotSet("lesson_branch", None), SlotSet("lesson_idea", None)]


def end_lesson_events() -> list[dict[str, Any]]:
    return [SlotSet("flow", None)] + [SlotSet(name, None) for name in LESSON_SLOTS]


def current_step(tracker: Tracker) -> int:
    try:
        return int(tracker.get_slot("lesson_step") or 0)
    except (TypeError, ValueError):
        return 0


def deck_for(tracker: Tracker) -> Deck:
    """The deck of the running lesson form (e.g. listening_form -> listening)."""
    loop = (tracker.active_loop or {}).get("name") or ""
    return load_deck(loop.removesuffix("_form") if loop.endswith("_form") else tracker.get_slot("flow"))


class ActionAskLessonAnswer(CoachAction):
    """Show the current card; a menu card shows its current idea, or picks one and remembers it."""

    def name(self) -> str:
        return "action_ask_lesson_answer"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        deck = deck_for(tracker)
        card = deck.card(current_step(tracker))
        if card.kind != "menu":
            dispatcher.utter_message(text=card.text(), buttons=card.buttons())
            return []
        idea = deck.idea(tracker.get_slot("lesson_idea")) or deck.another_idea(None)
        dispatcher.utter_message(text=f"{card.text()}\n\n{idea.text}", buttons=card.buttons())
        return [SlotSet("lesson_idea", idea.id)]


class LessonFormValidation(CoachFormValidation):
    """Answers the card on screen; subclasses name their form and the intent that starts it."""

    start_intent = ""

    @abstractmethod
    def name(self) -> str:
        """`validate_<flow>_form`."""

    def extract_lesson_answer(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                              domain: DomainDict) -> dict[str, Any]:
        text = answer_text(tracker, "lesson_answer", self.form_name(), frozenset({self.start_intent}))
        return {} if text is None else {"lesson_answer": text}

    def validate_lesson_answer(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                               domain: DomainDict) -> dict[str, Any]:
        if value is None:  # the start action cleared it; nothing was answered yet
            return {"lesson_answer": None}
        deck = deck_for(tracker)
        step = current_step(tracker)
        outcome = answer(deck.card(step), str(value or ""))
        for message in outcome.feedback:
            dispatcher.utter_message(text=message)
        if outcome.another:
            return {"lesson_answer": None, "lesson_idea": deck.another_idea(tracker.get_slot("lesson_idea")).id}
        if not outcome.advance:
            return {"lesson_answer": None}
        branch = outcome.branch or tracker.get_slot("lesson_branch")
        following = deck.following(step, branch)
        if following is None:
            return {"lesson_answer": DONE, "lesson_branch": branch}
        return {"lesson_answer": None, "lesson_step": following, "lesson_branch": branch}


def record_lesson(action: CoachAction, tracker: Tracker, skill: str, detail: str | None) -> bool:
    """Store that he finished a lesson; False (and nothing stored) without consent."""
    with action.services.database.unit_of_work() as session:
        user = consented_user(session, action.user_ref(tracker))
        if user is None:
            return False
        record_skill(session, user, skill, detail)
        return True
