"""Build rasa_sdk trackers for action tests, the way the action server would hand them over."""
from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker


def form_tracker(sender_id: str, slots: dict[str, Any] | None = None, text: str = "",
                intent: str = "nlu_fallback", entities: list[dict[str, Any]] | None = None,
                active_loop: str | None = None, slot_events: dict[str, Any] | None = None) -> Tracker:
    """A tracker whose latest user message is `text`; `slot_events` are slots just set (as a form would)."""
    message = {"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": entities or []}
    events = [{"event": "user", "text": text, "parse_data": message}]
    events += [{"event": "slot", "name": name, "value": value} for name, value in (slot_events or {}).items()]
    all_slots = {**(slots or {}), **(slot_events or {})}
    return Tracker(sender_id, all_slots, message, events, False, None,
                   {"name": active_loop} if active_loop else {}, "action_listen")


def form_domain(form: str, required: list[str], extra_slots: list[str] = ()) -> dict[str, Any]:
    slots = {name: {"type": "text", "mappings": [{"type": "custom"}]} for name in [*required, *extra_slots]}
    return {"forms": {form: {"required_slots": required}}, "slots": slots}
