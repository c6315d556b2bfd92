"""Rasa's conversation store on our database: nothing before consent, and always the newest events."""
from __future__ import annotations

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import text

from coach.storage.trackers import ConsentAwareTrackerStore

DOMAIN = Domain.from_yaml("""
version: "3.1"
slots:
  flow:
    type: text
    mappings: [{type: custom}]
""")


def _store(database, consented: set[str]) -> ConsentAwareTrackerStore:
    return ConsentAwareTrackerStore(DOMAIN, database, has_consented=lambda sender: sender in consented)


def _stored_events(database, sender_id: str) -> int:
    with database.engine.connect() as connection:
        return connection.execute(text("select count(*) from events where sender_id = :s"),
                                  {"s": sender_id}).scalar()


def _tracker(sender_id: str, *events) -> DialogueStateTracker:
    return DialogueStateTracker.from_events(sender_id, list(events), slots=DOMAIN.slots)


@pytest.fixture
def sender(unique_id) -> str:
    return f"test:{unique_id}"


async def test_before_consent_the_conversation_stays_in_memory(database, sender):
    store = _store(database, consented=set())
    await store.save(_tracker(sender, UserUttered("hello"), SlotSet("flow", "checkin")))
    assert _stored_events(database, sender) == 0
    kept = await store.retrieve(sender)
    assert kept.get_slot("flow") == "checkin"


async def test_after_consent_the_whole_conversation_is_written(database, sender):
    consented: set[str] = set()
    store = _store(database, consented)
    tracker = _tracker(sender, UserUttered("hello"))
    await store.save(tracker)
    consented.add(sender)
    tracker.update(SlotSet("flow", "checkin"))
    await store.save(tracker)
    assert _stored_events(database, sender) == 2
    fresh = await _store(database, consented).retrieve(sender)
    assert fresh.get_slot("flow") == "checkin"


async def test_a_cached_conversation_sees_events_written_by_another_process(database, sender):
    consented = {sender}
    mine, other = _store(database, consented), _store(database, consented)
    await mine.save(_tracker(sender, SlotSet("flow", "checkin")))
    assert (await mine.retrieve(sender)).get_slot("flow") == "checkin"
    theirs = await other.retrieve(sender)
    theirs.update(SlotSet("flow", "reframe"))
    await other.save(theirs)
    assert (await mine.retrieve(sender)).get_slot("flow") == "reframe"


async def test_forget_drops_what_the_process_holds(database, sender):
    store = _store(database, consented=set())
    await store.save(_tracker(sender, UserUttered("hello")))
    store.forget(sender)
    assert await store.retrieve(sender) is None


async def test_a_new_session_started_in_memory_is_stored_without_duplicates(database, sender):
    from rasa.shared.core.events import ActionExecuted, SessionStarted

    store = _store(database, consented={sender})
    tracker = _tracker(sender, ActionExecuted("action_session_start"), SessionStarted(), UserUttered("hi"))
    await store.save(tracker)
    tracker = await store.retrieve(sender)
    for event in (ActionExecuted("action_session_start"), SessionStarted(), UserUttered("back again")):
        tracker.update(event)
    await store.save(tracker)
    tracker = await store.retrieve(sender)
    tracker.update(SlotSet("flow", "checkin"))
    await store.save(tracker)
    assert _stored_events(database, sender) == 7
    store.forget(sender)
    fresh = await store.retrieve(sender)
    assert [e.type_name for e in fresh.events][-2:] == ["user", "slot"]
