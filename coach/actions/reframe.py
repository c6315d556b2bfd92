"""Reframing "man up" scripts: name the script and its norm, where it came from, what it costs, a rewrite."""
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
from coach.words import free_text, quoted
from coach.norms import by_name, classify, common_scripts, norms
from coach.storage.models import SkillEvent
from coach.storage.reframes import add_reframe, recent_reframes
from coach.storage.users import consented_user

FLOW_SLOTS = ("reframe_script", "reframe_norm", "reframe_origin", "reframe_cost", "reframe_text", "reframe_example")
USE_EXAMPLE = re.compile(r"^(use (that|this|it|the example)|that one|the example|i like that|that works)\b")


class ActionStartReframe(CoachAction):
    def name(self) -> str:
        return "action_start_reframe"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        dispatcher.utter_message(text=random.choice([
            "Most of us got handed a few rules about being a man, long before we could question them. "
            "Let's look at one and rewrite it.",
            "Let's take one of those old \"man up\" rules and check if it still works for you.",
        ]))
        return stop_flow_events(tracker, domain) + [SlotSet("flow", "reframe")] + [
            SlotSet(name, None) for name in FLOW_SLOTS]


class ActionAskReframeScript(CoachAction):
    def name(self) -> str:
        return "action_ask_reframe_script"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        dispatcher.utter_message(
            text="What's a script you learned growing up? Write it the way you heard it, or pick a common one.",
            buttons=[{"title": script, "payload": script} for script in common_scripts()])
        return []


class ActionAskReframeNorm(CoachAction):
    def name(self) -> str:
        return "action_ask_reframe_norm"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        lines = "\n".join(f"- {n.name}: {n.gist}" for n in norms().values())
        dispatcher.utter_message(text=f"These scripts usually belong to one of five rules. Which fits best?\n{lines}",
                                 buttons=[{"title": n.name, "payload": n.name} for n in norms().values()])
        return []


class ActionAskReframeText(CoachAction):
    def name(self) -> str:
        return "action_ask_reframe_text"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        norm = norms().get(tracker.get_slot("reframe_norm") or "")
        example = tracker.get_slot("reframe_example") or (random.choice(norm.reframes) if norm else None)
        opener = random.choice(["That's a real cost, and it's worth seeing clearly.",
                                "Thanks for being straight about that. That's the price of the old rule."])
        ask = ("Now rewrite the script in your own words: something you'd actually believe, and could "
               "say to a mate.")
        hint = f" For example: \"{example}\" But yours will stick better." if example else ""
        dispatcher.utter_message(text=f"{opener} {ask}{hint}")
        return [SlotSet("reframe_example", example)]


class ValidateReframeForm(OwnWordsFormValidation):
    own_intents = frozenset({"start_reframe", "list_reframes"})

    def name(self) -> str:
        return "validate_reframe_form"

    def validate_reframe_script(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                domain: DomainDict) -> dict[str, Any]:
        script = free_text(value)
        if not script:
            return {"reframe_script": None}
        norm = classify(script)
        if norm is None:
            return {"reframe_script": script, "reframe_norm": None}
        dispatcher.utter_message(text=random.choice([
            f"That one belongs to the {norm.name.lower()} rule: {norm.gist}. A lot of men got handed it.",
            f"Sounds like {norm.name.lower()}: {norm.gist}. You're far from the only one who learned it.",
        ]))
        return {"reframe_script": script, "reframe_norm": norm.key}

    def validate_reframe_norm(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                              domain: DomainDict) -> dict[str, Any]:
        text = free_text(value)
        if not text:
            return {"reframe_norm": None}
        norm = by_name(text)
        if norm is None:
            dispatcher.utter_message(text="Pick the closest one; it doesn't have to be perfect.")
            return {"reframe_norm": None}
        return {"reframe_norm": norm.key}

    def validate_reframe_origin(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                domain: DomainDict) -> dict[str, Any]:
        return {"reframe_origin": free_text(value) or None}

    def validate_reframe_cost(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                              domain: DomainDict) -> dict[str, Any]:
        return {"reframe_cost": free_text(value) or None}

    def validate_reframe_text(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                              domain: DomainDict) -> dict[str, Any]:
        text = free_text(value)
        if not text:
            return {"reframe_text": None}
        example = tracker.get_slot("reframe_example")
        if example and USE_EXAMPLE.search(text.casefold()):
            return {"reframe_text": example}
        if text.casefold() == (tracker.get_slot("reframe_script") or "").casefold():
            dispatcher.utter_message(text="That's the old script word for word. How would you say it now?")
            return {"reframe_text": None}
        if len(text.split()) < 3:
            dispatcher.utter_message(text="Give it a full sentence, so it can stand up to the old one.")
            return {"reframe_text": None}
        return {"reframe_text": text}


class ActionSaveReframe(CoachAction):
    def name(self) -> str:
        return "action_save_reframe"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        values = {name: tracker.get_slot(name) for name in FLOW_SLOTS}
        norm = values["reframe_norm"] or "unsure"
        with self.services.database.unit_of_work() as session:
            user = consented_user(session, self.user_ref(tracker))
            if user is not None:
                add_reframe(session, user, values["reframe_script"] or "", norm, values["reframe_origin"],
                            values["reframe_cost"], values["reframe_text"] or "")
                session.add(SkillEvent(user_id=user.id, skill="reframe", detail=norm))
        old, new = values["reframe_script"], values["reframe_text"]
        dispatcher.utter_message(text=random.choice([
            f"Old script: {quoted(old)}. Yours now: {quoted(new)}. Next time the old one pipes up, answer it with yours.",
            f"{quoted(new)}. That's yours now. When {quoted(old)} shows up again, you've got a reply ready.",
        ]))
        if user is None:
            dispatcher.utter_message(text="I haven't saved it, since you haven't said it's OK to store things. "
                                          "Type /start to change that.")
        else:
            dispatcher.utter_message(text="Saved. /reframes shows all of yours.")
        return [SlotSet("flow", None)] + [SlotSet(name, None) for name in FLOW_SLOTS]


class ActionListReframes(CoachAction):
    def name(self) -> str:
        return "action_list_reframes"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        with self.services.database.unit_of_work() as session:
            user = consented_user(session, self.user_ref(tracker))
            saved = [(r.script, r.reframe) for r in recent_reframes(session, user)] if user else []
        write_one = [{"title": "Write a reframe", "payload": "/reframe"}]
        if user is None:
            dispatcher.utter_message(text="I don't keep anything without your OK, so there are no reframes "
                                          "to show. Type /start if you'd like me to remember them.")
        elif not saved:
            dispatcher.utter_message(text="No reframes yet. Want to rewrite your first \"man up\" script?",
                                     buttons=write_one)
        else:
            lines = "\n".join(f"- {quoted(old)} -> {quoted(new)}" for old, new in saved)
            dispatcher.utter_message(text=f"Your reframes, newest first:\n{lines}", buttons=write_one)
        return []
