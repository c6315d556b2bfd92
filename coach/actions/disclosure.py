"""Small disclosures: a ladder from facts to fears, one thing to try with her, and a follow-up next time."""
from __future__ import annotations

import random
import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from coach import ladder
from coach.actions.base import CoachAction
from coach.actions.conversation import stop_flow_events
from coach.actions.own_words import OwnWordsFormValidation
from coach.words import free_text, quoted
from coach.storage.disclosures import Moved, open_disclosure, plan_disclosure, record_outcome
from coach.storage.models import SkillEvent
from coach.storage.users import consented_user

FLOW_SLOTS = ("disclosure_outcome", "disclosure_plan", "disclosure_followup", "disclosure_level",
              "disclosure_offered")
OFFERED = 3
_PICKS = {"1": 0, "one": 0, "first": 0, "2": 1, "two": 1, "second": 1, "3": 2, "three": 2, "third": 2}
_EASIER = re.compile(r"\b(easier|smaller|lower|too much|too big|too hard|go down)\b")
_HARDER = re.compile(r"\b(harder|bigger|higher|deeper|too easy|step up|go up)\b")
_OTHERS = re.compile(r"\b(others|other ones|different ones|something else|more options|shuffle)\b")


def follow_up_question(plan: str) -> str:
    return random.choice([f"Last time you planned this: {quoted(plan)}. Did you try it? How did it land?",
                          f"Quick follow-up on your plan: {quoted(plan)}. Did you get to try it? How did it go?"])


def moved_message(moved: Moved) -> str:
    step = ladder.level(moved.after)
    if moved.outcome == "went well":
        if moved.after == moved.before:
            return "That's a real step. You're at the top of the ladder now: keep these going, they get easier."
        return f"That's a real step, well done. Let's move you up to level {step.number}: {step.name.lower()}."
    if moved.outcome == "so-so":
        return (f"So-so still counts: you did it, and that's the hard part. Let's stay on level "
                f"{step.number} ({step.name.lower()}) for a few more reps.")
    if moved.after == moved.before:
        return "No shame in that, some steps are bigger than they look. Let's keep it small and try again."
    return (f"No shame in that, some steps are bigger than they look. Let's ease down to level "
            f"{step.number}: {step.name.lower()}.")


class ActionStartDisclosure(CoachAction):
    def name(self) -> str:
        return "action_start_disclosure"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        with self.services.database.unit_of_work() as session:
            user = consented_user(session, self.user_ref(tracker))
            homework = open_disclosure(session, user) if user else None
            level = ladder.clamp(user.ladder_level or 1) if user else 1
            has_history = bool(user and user.disclosures)
        if not has_history:
            dispatcher.utter_message(text=(
                "Opening up works best in small, safe steps. Think of a ladder with five rungs: small "
                "facts, preferences, today's feelings, worries, and at the top fears and insecurities. "
                "You pick one thing to tell her, try it, and next time we see how it landed."))
        events = stop_flow_events(tracker, domain) + [SlotSet(name, None) for name in FLOW_SLOTS]
        return events + [SlotSet("flow", "disclosure"), SlotSet("disclosure_level", str(level)),
                         SlotSet("disclosure_followup", "open" if homework else None)]


class ActionAskDisclosureOutcome(CoachAction):
    def name(self) -> str:
        return "action_ask_disclosure_outcome"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        with self.services.database.unit_of_work() as session:
            user = consented_user(session, self.user_ref(tracker))
            homework = open_disclosure(session, user) if user else None
            plan = homework.plan if homework else "your last disclosure"
        dispatcher.utter_message(text=follow_up_question(plan), buttons=ladder.outcome_buttons())
        return []


class ActionAskDisclosurePlan(CoachAction):
    """Shows his rung of the ladder and a few prompts to pick from, with a way up or down."""

    def name(self) -> str:
        return "action_ask_disclosure_plan"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        step = ladder.level(int(tracker.get_slot("disclosure_level") or 1))
        offered = random.sample(step.prompts, min(OFFERED, len(step.prompts)))
        lines = "\n".join(f"{number}. {prompt}" for number, prompt in enumerate(offered, start=1))
        dispatcher.utter_message(
            text=f"Level {step.number} of {len(ladder.levels())}: {step.name}. {step.why}\n\n{lines}\n\n"
                 "Pick one to try with her in the next day or two, or write your own.",
            buttons=[{"title": str(n), "payload": str(n)} for n in range(1, len(offered) + 1)]
            + [{"title": "Easier", "payload": "easier"}, {"title": "Harder", "payload": "harder"}])
        return [SlotSet("disclosure_offered", offered)]


class ValidateDisclosureForm(OwnWordsFormValidation):
    own_intents = frozenset({"start_disclosure", "disclosure_outcome"})
    own_buttons = frozenset({"disclosure_outcome"})

    def name(self) -> str:
        return "validate_disclosure_form"

    async def required_slots(self, domain_slots: list[str], dispatcher: CollectingDispatcher,
                             tracker: Tracker, domain: DomainDict) -> list[str]:
        if tracker.get_slot("disclosure_followup") == "open":
            return domain_slots
        return [name for name in domain_slots if name != "disclosure_outcome"]

    def validate_disclosure_outcome(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                    domain: DomainDict) -> dict[str, Any]:
        outcome = next(tracker.get_latest_entity_values("outcome"), None)
        text = free_text(value)
        if outcome is None and not text:
            return {"disclosure_outcome": None}
        outcome = outcome or ladder.parse_outcome(text)
        if outcome not in ladder.OUTCOMES:
            dispatcher.utter_message(text="Sorry, I didn't catch how it went. Went well, so-so, or didn't get to try it?")
            return {"disclosure_outcome": None}
        with self.services.database.unit_of_work() as session:
            user = consented_user(session, self.user_ref(tracker))
            moved = record_outcome(session, user, outcome) if user else None
        if moved is None:
            return {"disclosure_outcome": outcome, "disclosure_followup": None}
        dispatcher.utter_message(text=moved_message(moved))
        return {"disclosure_outcome": outcome, "disclosure_level": str(moved.after)}

    def validate_disclosure_plan(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                 domain: DomainDict) -> dict[str, Any]:
        text = free_text(value, 300)
        if not text:
            return {"disclosure_plan": None}
        lowered = text.casefold()
        level = int(tracker.get_slot("disclosure_level") or 1)
        offered = tracker.get_slot("disclosure_offered") or []
        short = len(text.split()) <= 4  # "too much" inside a plan of his own is not a request for easier
        if short and (_EASIER.search(lowered) or _HARDER.search(lowered)):
            wanted = ladder.clamp(level + (-1 if _EASIER.search(lowered) else 1))
            if wanted == level:
                dispatcher.utter_message(text="That's as far as the ladder goes. Here are a few others at this level.")
            return {"disclosure_plan": None, "disclosure_level": str(wanted)}
        if short and _OTHERS.search(lowered):
            return {"disclosure_plan": None}
        pick = next((_PICKS[w] for w in re.findall(r"[a-z0-9]+", lowered) if w in _PICKS), None)
        if pick is not None and pick < len(offered) and short:
            return {"disclosure_plan": offered[pick]}
        if len(text.split()) >= 3:
            return {"disclosure_plan": text}
        dispatcher.utter_message(text="Pick 1, 2 or 3, or write your own in a sentence. \"Easier\" or \"harder\" changes the level.")
        return {"disclosure_plan": None}


class ActionSaveDisclosure(CoachAction):
    def name(self) -> str:
        return "action_save_disclosure"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        plan = tracker.get_slot("disclosure_plan") or ""
        level = int(tracker.get_slot("disclosure_level") or 1)
        with self.services.database.unit_of_work() as session:
            user = consented_user(session, self.user_ref(tracker))
            if user is not None and plan:
                plan_disclosure(session, user, level, plan)
                session.add(SkillEvent(user_id=user.id, skill="disclosure", detail=f"level {level}"))
        dispatcher.utter_message(text=random.choice([
            f"Your plan: {quoted(plan)}. Pick a calm moment, keep it short, and don't wait for a big reaction. "
            "Next time, I'll ask how it landed.",
            f"Good pick: {quoted(plan)}. A quiet moment works best, maybe in the car or over dinner. "
            "I'll check in on how it went next time.",
        ]))
        if user is None:
            dispatcher.utter_message(text="I can't remember this for you, since you haven't said it's OK to "
                                          "store things. Type /start to change that.")
        return [SlotSet("flow", None)] + [SlotSet(name, None) for name in FLOW_SLOTS]


class ActionRecordDisclosureOutcome(CoachAction):
    """How it went, told outside the flow: from the greeting's buttons or in his own words."""

    def name(self) -> str:
        return "action_record_disclosure_outcome"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        text = tracker.latest_message.get("text") or ""
        outcome = next(tracker.get_latest_entity_values("outcome"), None) or ladder.parse_outcome(text)
        with self.services.database.unit_of_work() as session:
            user = consented_user(session, self.user_ref(tracker))
            homework = open_disclosure(session, user) if user else None
            plan = homework.plan if homework else None
            moved = record_outcome(session, user, outcome) if homework and outcome in ladder.OUTCOMES else None
        next_step = [{"title": "Pick my next step", "payload": "/disclose"}]
        if plan is None:
            dispatcher.utter_message(text="Thanks for telling me. I don't have a plan from you on file right now. "
                                          "Want to pick one small thing to share with her?", buttons=next_step)
        elif moved is None:
            dispatcher.utter_message(text=follow_up_question(plan), buttons=ladder.outcome_buttons())
        else:
            dispatcher.utter_message(text=moved_message(moved), buttons=next_step)
        return []
