"""Naming feelings: from a rough word to a specific one on the wheel, then where it sits in the body."""
from __future__ import annotations

import random
import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from coach.actions.base import CoachAction
from coach.actions.conversation import stop_flow_events
from coach.actions.own_words import OwnWordsFormValidation
from coach.words import free_text
from coach.feelings import body_place, default_wheel, heavy_note, means_not_knowing, taming_line
from coach.storage.checkins import add_checkin
from coach.storage.models import SkillEvent
from coach.storage.users import consented_user

FLOW_SLOTS = ("feeling_word", "feeling_body", "feeling_rough", "feeling_core")
NONE_OF_THESE = re.compile(r"\b(none|neither|not those|not really|just|none of them|something else)\b")
NONE_OF_THESE_PAYLOAD = "none of these"


class ActionStartFeelings(CoachAction):
    def name(self) -> str:
        return "action_start_feelings"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        dispatcher.utter_message(text=random.choice([
            "Let's put a name on what you're feeling. Naming it takes some of its power away: name it to tame it.",
            "Naming a feeling is a skill, and it gets easier with reps. Name it to tame it. Let's do one now.",
        ]))
        return stop_flow_events(tracker, domain) + [SlotSet("flow", "feelings")] + [
            SlotSet(name, None) for name in FLOW_SLOTS]


class ActionAskFeelingWord(CoachAction):
    """Asks broad first; once he's in a family, offers its specific feelings to pick from."""

    def name(self) -> str:
        return "action_ask_feeling_word"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        wheel = default_wheel()
        core, rough = tracker.get_slot("feeling_core"), tracker.get_slot("feeling_rough")
        if core:
            buttons = [_button(word) for word in wheel.specifics(core)]
            dispatcher.utter_message(text=_narrow_down(rough or core, core),
                                     buttons=buttons + [_button(NONE_OF_THESE_PAYLOAD)])
        elif rough and means_not_knowing(rough):
            dispatcher.utter_message(text=random.choice([
                "Not knowing is a fine place to start. Which of these is nearest, even a little?",
                "That's normal, feelings can be hard to read. If you had to pick the closest family, which is it?",
            ]), buttons=[_button(c) for c in wheel.cores()])
        elif rough:
            dispatcher.utter_message(text=random.choice([
                f"\"{rough}\" is a fair start. Lots of feelings begin as that. Which family is it closest to?",
                f"\"{rough}\" counts. Let's narrow it down: which of these is nearest?",
            ]), buttons=[_button(c) for c in wheel.cores()])
        else:
            dispatcher.utter_message(text=random.choice([
                "Roughly, how do you feel right now? Your own words are fine (\"off\", \"kinda pissed off\"), "
                "or pick the closest:",
                "So, how are you feeling right now? Any words will do, even \"meh\". Or pick one:",
            ]), buttons=[_button(c) for c in wheel.cores()])
        return []


def _button(word: str) -> dict[str, str]:
    return {"title": word.capitalize(), "payload": word}


def _narrow_down(rough: str, core: str) -> str:
    if rough == core:
        return random.choice([f"{core.capitalize()} covers a lot of ground. Which of these is closest?",
                              f"OK, {core}. Can you get more specific? Pick one, or use your own word."])
    return random.choice([f"\"{rough}\" sits in the {core} family. Which of these is closest?",
                          f"\"{rough}\": that's {core} territory. Can you get more specific? Pick one, or use your own word."])


class ValidateFeelingsForm(OwnWordsFormValidation):
    own_intents = frozenset({"start_feelings"})

    def name(self) -> str:
        return "validate_feelings_form"

    def validate_feeling_word(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                              domain: DomainDict) -> dict[str, Any]:
        text = free_text(value, 200)
        core, rough = tracker.get_slot("feeling_core"), tracker.get_slot("feeling_rough")
        if not text:
            return {"feeling_word": None}
        named = default_wheel().name(text)
        if core and (NONE_OF_THESE.search(text.casefold()) and (named is None or named.core == core)):
            return {"feeling_word": rough or core}  # "just angry" / "none of these": his word stands
        if named is None:
            if core and 0 < len(text.split()) <= 4:
                return {"feeling_word": text.casefold()[:40]}  # his own word for a feeling in this family
            dispatcher.utter_message(text="I can't quite place that one. Try a word or two for the feeling itself.")
            return {"feeling_word": None}
        if named.specific or (core == named.core and rough is not None):
            return {"feeling_word": named.word[:40], "feeling_core": named.core}
        return {"feeling_word": None, "feeling_core": named.core, "feeling_rough": named.word[:40]}

    def validate_feeling_body(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                              domain: DomainDict) -> dict[str, Any]:
        text = free_text(value, 200)
        if not text:
            return {"feeling_body": None}
        return {"feeling_body": body_place(text) or text.casefold()[:40]}


class ActionSaveFeelings(CoachAction):
    def name(self) -> str:
        return "action_save_feelings"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        word = tracker.get_slot("feeling_word") or "hard to say"
        core = tracker.get_slot("feeling_core") or _core_of(word)
        body = tracker.get_slot("feeling_body") or "not sure"
        dispatcher.utter_message(text=" ".join(filter(None, [_named(word), taming_line(core)])))
        dispatcher.utter_message(text=_body_note(word, body))
        if heavy_note(word):
            dispatcher.utter_message(text=heavy_note(word))
        if not self._store(tracker, word, core, body):
            dispatcher.utter_message(text="I haven't saved this, since you haven't said it's OK to store "
                                          "things. Type /start to change that.")
        dispatcher.utter_message(text=random.choice([
            f"One step further, if you like: tell your partner \"I'm feeling {word} today\". That's a whole sentence.",
            f"Could you say \"{word}\" out loud to her tonight? No explanation needed, just the word.",
        ]), buttons=[{"title": "Practise telling her", "payload": "/disclose"}])
        return [SlotSet("flow", None)] + [SlotSet(name, None) for name in FLOW_SLOTS]

    def _store(self, tracker: Tracker, word: str, core: str | None, body: str) -> bool:
        """A check-in without a mood, and the skill practised; False when he hasn't consented."""
        with self.services.database.unit_of_work() as session:
            user = consented_user(session, self.user_ref(tracker))
            if user is None:
                return False
            checkin = add_checkin(session, user, None, word, core)
            checkin.body = body[:40]
            session.add(SkillEvent(user_id=user.id, skill="feelings", detail=word[:64]))
        return True


def _core_of(word: str) -> str | None:
    named = default_wheel().name(word)
    return named.core if named else None


def _named(word: str) -> str:
    return random.choice([f"{word.capitalize()}. You named it, and that's the skill: name it to tame it.",
                          f"\"{word}\". Putting that exact word on it is how you tame it."])


def _body_note(word: str, body: str) -> str:
    if body == "not sure":
        return ("Not knowing where it sits is normal at first. Next time, do a ten-second scan: jaw, "
                "shoulders, chest, gut. The body often knows before the head does.")
    return random.choice([
        f"And you feel it in your {body}. That's your early warning: when your {body} does that again, "
        f"pause, breathe out slowly, and name it.",
        f"Your {body}: worth remembering. Next time you notice it there, that's {word} knocking. "
        f"One slow breath out, then name it.",
    ])
