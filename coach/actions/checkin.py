"""The daily check-in: a mood from 1 to 5, one named feeling, reflected back and stored."""
from __future__ import annotations

import random
import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from coach.actions.base import CoachAction, FreeTextFormValidation
from coach.feelings import default_wheel
from coach.storage.checkins import add_checkin, recent_checkins
from coach.storage.users import consented_user

MOOD_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "rough": 1, "awful": 1,
              "terrible": 1, "shit": 1, "bad": 2, "low": 2, "not great": 2, "meh": 3, "ok": 3,
              "okay": 3, "fine": 3, "alright": 3, "so so": 3, "good": 4, "decent": 4, "great": 5,
              "amazing": 5, "brilliant": 5, "excellent": 5}


def parse_mood(text: str) -> int | None:
    """'3', 'a 4 I guess', 'pretty rough' -> 1..5; None when no mood is given."""
    lowered = text.casefold()
    digits = re.findall(r"(?<![\d.])([1-5])(?![\d.])", lowered)
    if digits:
        return int(digits[0])
    for phrase in sorted(MOOD_WORDS, key=len, reverse=True):
        if re.search(rf"\b{phrase}\b", lowered):
            return MOOD_WORDS[phrase]
    return None


class ActionStartCheckin(CoachAction):
    def name(self) -> str:
        return "action_start_checkin"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        return [SlotSet("flow", "checkin"), SlotSet("checkin_mood", None), SlotSet("checkin_feeling", None)]


class ValidateCheckinForm(FreeTextFormValidation):
    own_intents = frozenset({"checkin"})

    def name(self) -> str:
        return "validate_checkin_form"

    def validate_checkin_mood(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                              domain: DomainDict) -> dict[str, Any]:
        if value is None:
            return {"checkin_mood": None}
        mood = parse_mood(str(value))
        if mood is None:
            dispatcher.utter_message(response="utter_mood_not_understood")
            return {"checkin_mood": None}
        return {"checkin_mood": str(mood)}

    def validate_checkin_feeling(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                 domain: DomainDict) -> dict[str, Any]:
        text = str(value or "").strip()
        if not text:
            return {"checkin_feeling": None}
        named = default_wheel().name(text)
        return {"checkin_feeling": named.word if named else text[:40]}


class ActionSaveCheckin(CoachAction):
    def name(self) -> str:
        return "action_save_checkin"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        mood = int(tracker.get_slot("checkin_mood") or 3)
        feeling = tracker.get_slot("checkin_feeling") or "hard to say"
        named = default_wheel().name(feeling)
        dispatcher.utter_message(text=reflection(mood, feeling))
        with self.services.database.unit_of_work() as session:
            user = consented_user(session, self.user_ref(tracker))
            if user is None:
                dispatcher.utter_message(text="I haven't saved this check-in, since you haven't "
                                              "said it's OK to store things. Type /start to change that.")
            else:
                history = recent_checkins(session, user)
                add_checkin(session, user, mood, feeling, named.core if named else None)
                dispatcher.utter_message(text=next_step(mood, [c.mood for c in history if c.mood]))
        return [SlotSet("flow", None), SlotSet("checkin_mood", None), SlotSet("checkin_feeling", None)]


def reflection(mood: int, feeling: str) -> str:
    if mood <= 2:
        opener = random.choice([f"A {mood} and \"{feeling}\". That sounds like a heavy day.",
                                f"So it's a {mood}, and you're feeling {feeling}. That's a lot to carry."])
    elif mood == 3:
        opener = random.choice([f"A {mood}, feeling {feeling}. Middle of the road.",
                                f"Got it: {mood} out of 5, and {feeling}."])
    else:
        opener = random.choice([f"A {mood}, feeling {feeling}. Good to hear.",
                                f"Nice: {mood} out of 5 and {feeling}."])
    return opener + " Putting a word on it is the skill: name it to tame it."


def next_step(mood: int, earlier_moods: list[int]) -> str:
    """A next step suggested from today's mood and the last few check-ins."""
    low_run = mood <= 2 and sum(1 for m in earlier_moods[:3] if m <= 2) >= 2
    if low_run:
        return ("That's a few low days in a row. Is there one person you could tell, even in one "
                "sentence? If it feels like more than a rough patch, a GP or counsellor is a strong "
                "move, not a weak one. Saved your check-in.")
    if mood <= 2:
        return "Saved. If you want to unload some of it, type /help and pick what fits."
    return random.choice(["Saved. Could you tell your partner that word tonight? One word counts.",
                          "Saved. Same time tomorrow? Streaks build the habit."])
