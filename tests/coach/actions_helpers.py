"""Build rasa-sdk trackers and run actions the way the action server does."""
from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher


def make_tracker(sender_id: str, slots: dict[str, Any] | None = None, text: str = "",
                 intent: str | None = None, active_loop: str | None = None,
                 events: list[dict[str, Any]] | None = None) -> Tracker:
    latest = {"text": text, "intent": {"name": intent, "confidence": 1.0} if intent else {}, "entities": []}
    return Tracker(sender_id, slots or {}, latest, events or [], False, None,
                   {"name": active_loop} if active_loop else {}, "action_listen")


async def run_action(action, tracker: Tracker, domain: dict[str, Any] | None = None):
    """(messages the action sent, events it returned)."""
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, tracker, domain or {})
    return dispatcher.messages, events


def event_slots(events: list[dict[str, Any]]) -> dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
