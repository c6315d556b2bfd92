"""The conversation's frame: starting a session, greeting, the menu, stopping, and clarifying."""
from __future__ import annotations

import random
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import ActionExecuted, ActiveLoop, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from coach import ladder, memory
from coach.actions.base import CoachAction
from coach.content import load
from coach.storage.users import consented_user

NOT_OFFERED_AS_GUESSES = {"nlu_fallback", "crisis", "out_of_scope", "affirm", "deny", "thanks",
                          "greet", "goodbye", "stop", "share_feeling"}
CORE_GUESSES = {"help": ("Show me the menu", "/help"), "about": ("What is Confide?", "/about"),
                "privacy": ("Privacy", "/privacy")}


DEFAULT_GUESSES = [{"title": "Check in", "payload": "/checkin"}]


def menu_buttons() -> list[dict[str, str]]:
    return [{"title": item["title"], "payload": item["payload"]} for item in load("menu")]


class ActionSessionStart(CoachAction):
    """Carry slots over, and welcome a new user with what Confide is and a consent question."""

    def name(self) -> str:
        return "action_session_start"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        events: list[dict[str, Any]] = [SessionStarted()]
        events += [SlotSet(name, value) for name, value in tracker.slots.items()
                   if value is not None and name != "requested_slot"]
        with self.services.database.unit_of_work() as session:
            user = consented_user(session, self.user_ref(tracker))
            if user is not None:
                events.append(SlotSet("consent", "given"))
                events.append(SlotSet("country", user.country))
        if user is None and tracker.get_slot("consent") not in ("declined", "pending"):
            dispatcher.utter_message(response="utter_about")
            dispatcher.utter_message(response="utter_ask_consent")
            events.append(SlotSet("consent", "pending"))
        return events + [ActionExecuted("action_listen")]


class ActionGreet(CoachAction):
    def name(self) -> str:
        return "action_greet"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        consent = tracker.get_slot("consent")
        if consent == "pending":
            if not _asked_this_turn(tracker):  # the welcome has just asked it
                dispatcher.utter_message(text="Hi. Whenever you're ready, just answer the question "
                                              "above: is it OK if I store our conversation?")
            return []
        if consent == "declined":
            dispatcher.utter_message(text="Hi. Nothing is stored for you, as you asked. Type /start "
                                          "if you'd like me to remember things after all.")
            dispatcher.utter_message(response="utter_ask_consent")
            return []
        with self.services.database.unit_of_work() as session:
            user = consented_user(session, self.user_ref(tracker))
            recap = memory.where_we_left_off(session, user) if user else []
            follow_up = ladder.outcome_buttons() if user and memory.has_open_homework(session, user) else []
        opener = random.choice(["Good to see you.", "Welcome back.", "Hey, good to have you here."])
        if recap:
            dispatcher.utter_message(text=f"{opener} " + " ".join(recap), buttons=follow_up)
        dispatcher.utter_message(text="What would you like to work on?", buttons=menu_buttons())
        return []


def _asked_this_turn(tracker: Tracker) -> bool:
    """Did a new session's welcome (which asks for consent) come just before his message?"""
    seen_user = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            if seen_user:
                return False
            seen_user = True
        elif event.get("event") == "session_started" and seen_user:
            return True
    return False


class ActionShowHelp(CoachAction):
    def name(self) -> str:
        return "action_show_help"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        dispatcher.utter_message(
            text="Here's what we can work on. Pick one, or just tell me what's on your mind. "
                 "Type \"stop\" any time to leave an exercise; /privacy, /export and /forget "
                 "are about your data.",
            buttons=menu_buttons())
        return []


class ActionStopFlow(CoachAction):
    """Leave whatever flow or form is running, clearing its half-filled answers."""

    def name(self) -> str:
        return "action_stop_flow"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        active_loop = (tracker.active_loop or {}).get("name")
        if not active_loop and not tracker.get_slot("flow"):
            dispatcher.utter_message(response="utter_nothing_to_stop")
            return []
        dispatcher.utter_message(response="utter_stopped")
        return stop_flow_events(tracker, domain)


def leave_running_flow(tracker: Tracker, domain: dict[str, Any]) -> list[dict[str, Any]]:
    """`stop_flow_events` when a form or flow is running, else nothing."""
    running = (tracker.active_loop or {}).get("name") or tracker.get_slot("flow")
    return stop_flow_events(tracker, domain) if running else []


def stop_flow_events(tracker: Tracker, domain: dict[str, Any]) -> list[dict[str, Any]]:
    """Events that end the active form and flow, so a new one can start cleanly."""
    events: list[dict[str, Any]] = [SlotSet("flow", None)]
    active_loop = (tracker.active_loop or {}).get("name")
    if active_loop:
        form = domain.get("forms", {}).get(active_loop, {})
        events += [SlotSet(slot, None) for slot in form.get("required_slots", [])]
        events += [ActiveLoop(None), SlotSet("requested_slot", None)]
    return events


class ActionGoodbye(CoachAction):
    """Goodbye also ends whatever exercise was running, so "bye" is never answered with its question."""

    def name(self) -> str:
        return "action_goodbye"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        dispatcher.utter_message(response="utter_goodbye")
        return leave_running_flow(tracker, domain)


class ActionClarify(CoachAction):
    """Low NLU confidence: ask what he meant, offering the closest options as buttons."""

    def name(self) -> str:
        return "action_clarify"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        guesses = _closest_options(tracker.latest_message.get("intent_ranking") or []) or DEFAULT_GUESSES
        dispatcher.utter_message(
            text=random.choice(["I'm not sure I got that. Did you mean one of these?",
                                "Sorry, I didn't quite follow. Is it one of these?",
                                "I might have missed that. Closest I can offer:"]),
            buttons=guesses + [{"title": "Something else", "payload": "/help"}])
        return []


def _closest_options(ranking: list[dict[str, Any]], limit: int = 3) -> list[dict[str, str]]:
    by_intent = {item["intent"]: item for item in load("menu") if item.get("intent")}
    options = []
    for guess in ranking:
        intent = guess.get("name")
        if intent in NOT_OFFERED_AS_GUESSES:
            continue
        if intent in by_intent:
            options.append({"title": by_intent[intent]["title"], "payload": by_intent[intent]["payload"]})
        elif intent in CORE_GUESSES:
            title, payload = CORE_GUESSES[intent]
            options.append({"title": title, "payload": payload})
        if len(options) == limit:
            break
    return options


class ActionCoreFallback(CoachAction):
    """No rule or story fits: say so kindly (unless he already got a reply), never undo his turn."""

    def name(self) -> str:
        return "action_core_fallback"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        if not _replied_since_user_spoke(tracker):
            dispatcher.utter_message(text="I'm not sure where to take that. Type /help to see what "
                                          "we can do, or tell me more.")
        return []


def _replied_since_user_spoke(tracker: Tracker) -> bool:
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "bot":
            return True
    return False
