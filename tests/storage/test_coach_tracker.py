"""The tracker's shortcuts give what Rasa's own copy and history scan give, on real conversations."""
from __future__ import annotations

import pytest
from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered, UserUtteranceReverted
from rasa.shared.core.slots import AnySlot
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity

from coach.storage.coach_tracker import CoachTracker

CONVERSATION = ["hi", "/give_consent", "UK", "let's do a check in", "3", "kinda stressed", "zxqv blorp",
                "/provider", "the mortgage went up", "stop", "I want to kill myself", "a bit better",
                "/reframe", "/practice", "2", "sounds rough, what happened?", "/help", "bye"]


def _state(tracker: DialogueStateTracker) -> dict:
    return {"state": tracker.current_state(EventVerbosity.ALL),
            "slots": {name: (slot.value, slot.has_been_set) for name, slot in tracker.slots.items()},
            "loop": tracker.active_loop, "paused": tracker.is_paused()}


@pytest.fixture
def compared(monkeypatch):
    """Every copy and history scan made during a test, next to what Rasa's own would have given."""
    seen = {"copies": [], "scans": []}
    ours_copy, ours_scan = CoachTracker.copy, CoachTracker.applied_events

    def checked_copy(tracker):
        ours = ours_copy(tracker)
        seen["copies"].append((_state(ours), _state(DialogueStateTracker.copy(tracker))))
        return ours

    def checked_scan(tracker):
        ours = ours_scan(tracker)
        seen["scans"].append((ours, DialogueStateTracker.applied_events(tracker)))
        return ours

    monkeypatch.setattr(CoachTracker, "copy", checked_copy)
    monkeypatch.setattr(CoachTracker, "applied_events", checked_scan)
    return seen


async def test_copies_and_history_match_rasas_through_a_whole_conversation(coach, user, compared):
    for text in CONVERSATION:
        await coach.handle(user, text)
    assert len(compared["copies"]) > 30 and len(compared["scans"]) > 50
    for ours, rasas in compared["copies"] + compared["scans"]:
        assert ours == rasas


async def test_trackers_the_store_hands_out_have_the_shortcuts(coach, user):
    await coach.handle(user, "hi")
    tracker = await coach.agent.tracker_store.retrieve(user.sender_id)
    assert isinstance(tracker, CoachTracker)


def test_an_undo_and_a_replaced_history_are_seen():
    tracker = CoachTracker("test:undo", [AnySlot("a", mappings=[])])
    tracker.update(ActionExecuted("action_listen"))
    tracker.update(UserUttered("hi", {"name": "greet"}))
    assert [e.type_name for e in tracker.applied_events()] == ["action", "user"]
    tracker.update(UserUtteranceReverted())
    assert [e.type_name for e in tracker.applied_events()] == []
    tracker.recreate_from_dialogue(DialogueStateTracker.from_events("x", [SlotSet("a", 1)], tracker.slots.values()).as_dialogue())
    assert [e.type_name for e in tracker.applied_events()] == ["slot"]
    copied = tracker.copy()
    copied.update(SlotSet("a", 2))
    assert tracker.get_slot("a") == 1 and copied.get_slot("a") == 2
