"""The tracker's shortcuts give what Rasa's own copy and history scan give, on real conversations."""
from __future__ import annotations

from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered, UserUtteranceReverted
from rasa.shared.core.slots import AnySlot
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity

from coach.storage.coach_tracker import CoachTracker
from tests.helpers import compared_through_a_conversation


def _state(tracker: DialogueStateTracker) -> dict:
    return {"state": tracker.current_state(EventVerbosity.ALL),
            "slots": {name: (slot.value, slot.has_been_set) for name, slot in tracker.slots.items()},
            "loop": tracker.active_loop, "paused": tracker.is_paused()}


async def test_a_copy_holds_the_state_rasas_replay_gives(coach, user, monkeypatch):
    compared = await compared_through_a_conversation(
        coach, user, monkeypatch, CoachTracker, "copy", DialogueStateTracker.copy, view=_state)
    assert len(compared) > 30
    for ours, rasas in compared:
        assert ours == rasas


async def test_the_applied_events_are_rasas(coach, user, monkeypatch):
    compared = await compared_through_a_conversation(
        coach, user, monkeypatch, CoachTracker, "applied_events", DialogueStateTracker.applied_events)
    assert len(compared) > 50
    for ours, rasas in compared:
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
    replaced = DialogueStateTracker.from_events("x", [SlotSet("a", 1)], tracker.slots.values())
    tracker.recreate_from_dialogue(replaced.as_dialogue())
    assert [e.type_name for e in tracker.applied_events()] == ["slot"]
    copied = tracker.copy()
    copied.update(SlotSet("a", 2))
    assert tracker.get_slot("a") == 1 and copied.get_slot("a") == 2
