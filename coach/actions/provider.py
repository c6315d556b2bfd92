"""The provider load: what's on his plate, what it feels like (not only the fix), and one sentence
he could share with his partner tonight, drafted from his own words."""
from __future__ import annotations

import random
import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from coach.actions.answers import answer_text
from coach.actions.base import CoachAction, CoachFormValidation
from coach.feelings import default_wheel
from coach.storage.skills import record_skill
from coach.storage.users import consented_user

FORM_SLOTS = ("provider_area", "provider_plate", "provider_feeling", "provider_sentence",
              "provider_broad_feeling", "provider_draft", "provider_rewriting")
AREAS = {
    "work": r"work|job|boss|manager|office|shifts?|career|deadlines?|promotion|redundan\w*|laid off|"
            r"colleagues?|clients?|business|overtime|hours",
    "money": r"money|bills?|debts?|mortgage|rent|pay|paid|salary|wages?|costs?|afford|broke|savings|"
             r"loans?|credit|cash|financ\w*|skint",
    "provider": r"provid\w*|breadwinner|family|kids|everyone|depends?|counts? on|on me|responsib\w*|"
                r"man of the house|pressure",
}
FIX_WORDS = re.compile(r"\b(need to|have to|got to|gotta|should|must|sort it|fix it|deal with it|work harder|"
                       r"grind|crack on|get on with it|push through|man up|figure it out|plan)\b", re.I)
KEEP = re.compile(r"^\W*(keep( it)?|yes|yeah|yep|ok|okay|sure|good|great|perfect|that'?s (good|fine|it|great)|"
                  r"that works|use (it|that)|love it|fine)\W*$", re.I)
REWRITE = re.compile(r"^\W*((i'?ll|i will|let me|i want to|i'?d rather|can i)\s+)?(write|rewrite|change|edit|redo|do)?"
                     r"\s*(it|one|mine)?\s*(myself|my own( one| way| version)?|in my own words|own words)?\W*$", re.I)
DRAFTS = (
    "Can I tell you something? I've had a lot on my plate: {plate}. Honestly, I've been feeling "
    "{feeling}. I don't need you to fix it, I just wanted you to know.",
    "I've been carrying something and I'd rather not carry it alone: {plate}. I've been feeling "
    "{feeling} about it.",
    "I want to tell you what's been on my mind: {plate}. It's left me feeling {feeling}, and I "
    "wanted you to know.",
)


def area_of(text: str) -> str | None:
    """'my boss is on my back' -> 'work'; several areas -> 'all'; None when none is named."""
    lowered = text.casefold()
    if re.search(r"\b(all of it|everything|all)\b", lowered):
        return "all"
    found = [area for area, pattern in AREAS.items() if re.search(rf"\b({pattern})\b", lowered)]
    if len(found) > 1:
        return "all"
    return found[0] if found else None


def in_his_words(text: str, limit: int = 160) -> str:
    """His own words, trimmed to fit inside a sentence."""
    words = " ".join(str(text).split()).strip(" .!?,;:")
    if len(words) > limit:
        words = words[:limit].rsplit(" ", 1)[0] + "..."
    if words[:2] not in ("I ", "I'") and not words.startswith("I\u2019"):
        words = words[:1].lower() + words[1:]
    return words


def wants_to_rewrite(text: str) -> bool:
    """'I'll write my own', 'rewrite', 'let me do it myself'; not a sentence that happens to say 'change'."""
    return bool(REWRITE.match(text) and re.search(r"write|change|edit|redo|own|myself", text, re.I))


def draft_sentence(plate: str, feeling: str, rng: random.Random | None = None) -> str:
    return (rng or random).choice(DRAFTS).format(plate=in_his_words(plate), feeling=feeling)


def word_count(text: str) -> int:
    return len(re.findall(r"[A-Za-z']+", text))


class ActionStartProvider(CoachAction):
    def name(self) -> str:
        return "action_start_provider"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        return [SlotSet("flow", "provider")] + [SlotSet(name, None) for name in FORM_SLOTS]


class ValidateProviderForm(CoachFormValidation):
    def name(self) -> str:
        return "validate_provider_form"

    def _answer(self, slot: str, tracker: Tracker) -> dict[str, Any]:
        text = answer_text(tracker, slot, self.form_name(), frozenset({"start_provider"}))
        return {} if text is None else {slot: text}

    def extract_provider_area(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                              domain: DomainDict) -> dict[str, Any]:
        return self._answer("provider_area", tracker)

    def extract_provider_plate(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                               domain: DomainDict) -> dict[str, Any]:
        return self._answer("provider_plate", tracker)

    def extract_provider_feeling(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                 domain: DomainDict) -> dict[str, Any]:
        return self._answer("provider_feeling", tracker)

    def extract_provider_sentence(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                  domain: DomainDict) -> dict[str, Any]:
        return self._answer("provider_sentence", tracker)

    def validate_provider_area(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                               domain: DomainDict) -> dict[str, Any]:
        if value is None:
            return {"provider_area": None}
        text = str(value or "").strip()
        area = area_of(text)
        if word_count(text) >= 4:  # he already said what it is: that's his plate
            return {"provider_area": area or "load", "provider_plate": text[:300]}
        if area is None:
            dispatcher.utter_message(text="Tap the closest one, or tell me in a sentence what's weighing on you.")
            return {"provider_area": None}
        return {"provider_area": area}

    def validate_provider_plate(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                domain: DomainDict) -> dict[str, Any]:
        if value is None:
            return {"provider_plate": None}
        text = str(value or "").strip()
        if word_count(text) < 1:
            return {"provider_plate": None}
        return {"provider_plate": text[:300]}

    def validate_provider_feeling(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                  domain: DomainDict) -> dict[str, Any]:
        if value is None:
            return {"provider_feeling": None}
        text = str(value or "").strip()
        named = default_wheel().name(text)
        broad = tracker.get_slot("provider_broad_feeling")
        if broad:  # second go: take what he says
            return {"provider_feeling": named.word if named else text[:40]}
        if named is None and FIX_WORDS.search(text):
            dispatcher.utter_message(text=fix_nudge(), buttons=core_buttons())
            return {"provider_feeling": None, "provider_broad_feeling": "fix"}
        if named is None or named.core is None:
            dispatcher.utter_message(text="Hard to pin down? That's normal. Which of these is closest?",
                                     buttons=core_buttons())
            return {"provider_feeling": None, "provider_broad_feeling": "unsure"}
        if not named.specific:
            dispatcher.utter_message(text=narrow_down(named.word), buttons=specific_buttons(named.word, named.core))
            return {"provider_feeling": None, "provider_broad_feeling": named.word}
        return {"provider_feeling": named.word}

    def validate_provider_sentence(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                   domain: DomainDict) -> dict[str, Any]:
        if value is None:
            return {"provider_sentence": None}
        text = " ".join(str(value or "").split())
        if KEEP.match(text) and tracker.get_slot("provider_draft"):
            return {"provider_sentence": tracker.get_slot("provider_draft")}
        if wants_to_rewrite(text):
            return {"provider_sentence": None, "provider_rewriting": True}
        if word_count(text) < 3:
            dispatcher.utter_message(text="A full sentence works best, as you'd say it to her. "
                                          "Or tap \"Keep it\" to use mine.")
            return {"provider_sentence": None}
        return {"provider_sentence": text[:400]}


def fix_nudge() -> str:
    return random.choice([
        "That's the fix, and the fix matters. But what does it feel like, carrying it? Pick the closest:",
        "That sounds like the fix, and we can get there. First, the feeling under it. Which is closest?",
    ])


def narrow_down(word: str) -> str:
    return random.choice([f"\"{word.capitalize()}\" is a good start. Can you get a bit more exact? "
                          "Naming it precisely takes some of the sting out.",
                          f"OK, {word}. Which kind of {word}? The exact word helps more than you'd think."])


def core_buttons() -> list[dict[str, str]]:
    return [{"title": word.capitalize(), "payload": word}
            for word in ("stressed", "worried", "angry", "ashamed", "sad", "overwhelmed")]


def specific_buttons(word: str, core: str) -> list[dict[str, str]]:
    buttons = [{"title": s.capitalize(), "payload": s} for s in default_wheel().specifics(core)[:6]]
    return buttons + [{"title": f"Just {word}", "payload": word}]


class ActionAskProviderFeeling(CoachAction):
    """Ask how it feels, unless a narrowing question with its own buttons was just asked."""

    def name(self) -> str:
        return "action_ask_provider_feeling"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        if not tracker.get_slot("provider_broad_feeling"):
            dispatcher.utter_message(response="utter_provider_feeling_question")
        return []


class ActionAskProviderSentence(CoachAction):
    """Offer a sentence built from his own words, or wait for his own version."""

    def name(self) -> str:
        return "action_ask_provider_sentence"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        if tracker.get_slot("provider_rewriting"):
            dispatcher.utter_message(text="Go for it. Type it the way you'd actually say it to her.")
            return []
        draft = tracker.get_slot("provider_draft") or draft_sentence(
            tracker.get_slot("provider_plate") or "a lot going on", tracker.get_slot("provider_feeling") or "under pressure")
        dispatcher.utter_message(
            text=random.choice(["Here's one sentence you could share with her tonight, built from your words:",
                                "Try this for tonight. It's your words, put together:"])
            + f"\n\n\"{draft}\"\n\nKeep it, or write it your own way.",
            buttons=[{"title": "Keep it", "payload": "keep it"},
                     {"title": "I'll write my own", "payload": "I'll write my own"}])
        return [SlotSet("provider_draft", draft)]


class ActionSaveProvider(CoachAction):
    def name(self) -> str:
        return "action_save_provider"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        sentence = tracker.get_slot("provider_sentence") or tracker.get_slot("provider_draft") or ""
        dispatcher.utter_message(text=f"Your sentence for tonight:\n\n\"{sentence}\"")
        dispatcher.utter_message(text=random.choice([
            "Say it when you're both sitting down, not in passing. \"Got a minute?\" is all the "
            "lead-in you need. Sharing the load isn't dumping it on her; it lets her be on your side.",
            "Pick a calm moment: after dinner, on a walk. You don't have to solve anything together. "
            "The point is that she knows, and you're not carrying it alone.",
        ]))
        with self.services.database.unit_of_work() as session:
            user = consented_user(session, self.user_ref(tracker))
            if user is not None:
                record_skill(session, user, "provider", tracker.get_slot("provider_area"))
        return [SlotSet("flow", None)] + [SlotSet(name, None) for name in FORM_SLOTS]
