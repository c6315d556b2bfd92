"""Rasa's conversation store, with two additions: nothing is written before consent, and
trackers are cached in memory, checked against the database's newest event on every read.

The cache hands out the tracker object itself rather than a copy (a copy replays every event,
the biggest cost of a turn in a long conversation). That is safe because a conversation's turns
run one at a time under Rasa's lock, and a turn that fails drops its cached tracker.
"""
from __future__ import annotations

import itertools
import json
from collections import OrderedDict
from typing import Callable, Iterable, Optional

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import sessionmaker

from coach.storage.coach_tracker import CoachTracker
from coach.storage.database import Database


class ConsentAwareTrackerStore(SQLTrackerStore):
    """Conversations of users who have not consented live in memory only (bounded), never on disk.

    When he consents, his conversation so far is written on the next save.
    """

    def __init__(self, domain: Domain, database: Database, has_consented: Callable[[str], bool],
                 max_unconsented: int = 10_000, max_cached: int = 2_000) -> None:
        super().__init__(domain=domain, host=database.url)
        # Share the coach's engine: one connection pool and the same SQLite settings.
        self.engine.dispose()
        self.engine = database.engine
        self.sessionmaker = sessionmaker(bind=database.engine)
        self._has_consented = has_consented
        self._consented: set[str] = set()  # consent is only withdrawn through forget()
        self._unconsented: _Bounded = _Bounded(max_unconsented)
        # sender -> (tracker, newest stored event id, how many of the tracker's events are stored)
        self._cached: _Bounded = _Bounded(max_cached)
        # Built once: it runs two or three times a turn.
        self._newest_id = (select(func.max(self.SQLEvent.id))
                           .where(self.SQLEvent.sender_id == bindparam("sender")))

    async def save(self, tracker: DialogueStateTracker) -> None:
        # Rasa creates new trackers itself (Agent wraps this store); every one is saved first.
        CoachTracker.adopt(tracker)
        sender_id = tracker.sender_id
        if not self._is_consented(sender_id):
            self._unconsented.put(sender_id, tracker)
            return
        self._unconsented.pop(sender_id)
        await self.stream_events(tracker)
        # One transaction and one multi-row insert: Rasa's ORM save costs ~3 ms a turn.
        with self.engine.begin() as connection:
            rows = [_event_row(sender_id, event) for event in self._unsaved_events(tracker)]
            if rows:
                connection.execute(self.SQLEvent.__table__.insert(), rows)
            newest = connection.execute(self._newest_id, {"sender": sender_id}).scalar()
        self._cached.put(sender_id, (tracker, newest, len(tracker.events)))

    async def retrieve(self, sender_id: str) -> Optional[DialogueStateTracker]:
        unconsented = self._unconsented.get(sender_id)
        if unconsented is not None:
            return unconsented
        cached = self._cached.get(sender_id)
        if cached is not None and cached[1] == self._newest_event_id(sender_id):
            return cached[0]
        tracker = CoachTracker.adopt(await super().retrieve(sender_id))
        if tracker is not None:
            self._remember(tracker)
        return tracker

    async def retrieve_full_tracker(self, sender_id: str) -> Optional[DialogueStateTracker]:
        unconsented = self._unconsented.get(sender_id)
        if unconsented is not None:
            return unconsented
        return await super().retrieve_full_tracker(sender_id)

    async def keys(self) -> Iterable[str]:
        return list(await super().keys()) + list(self._unconsented)

    def drop_cached(self, sender_id: str) -> None:
        """After a failed turn: the cached tracker may hold events that were never saved."""
        self._cached.pop(sender_id)

    def forget(self, sender_id: str) -> None:
        """Drop what this process holds about the conversation (the database is cleared elsewhere)."""
        self._unconsented.pop(sender_id)
        self._cached.pop(sender_id)
        self._consented.discard(sender_id)

    def _unsaved_events(self, tracker: DialogueStateTracker) -> list:
        """The tracker's events not stored yet.

        Rasa counts the stored events of the current session, which is wrong for a tracker that
        started a new session in memory; we know how many of this tracker's events are stored.
        """
        cached = self._cached.get(tracker.sender_id)
        # The cached tracker itself was checked against the database when this turn fetched it.
        fresh = cached is not None and (cached[0] is tracker
                                        or cached[1] == self._newest_event_id(tracker.sender_id))
        if fresh:
            return list(itertools.islice(tracker.events, cached[2], None))
        with self.session_scope() as session:
            return list(super()._additional_events(session, tracker))

    def _remember(self, tracker: DialogueStateTracker) -> None:
        self._cached.put(tracker.sender_id,
                         (tracker, self._newest_event_id(tracker.sender_id), len(tracker.events)))

    def _is_consented(self, sender_id: str) -> bool:
        if sender_id not in self._consented and self._has_consented(sender_id):
            self._consented.add(sender_id)
        return sender_id in self._consented

    def _newest_event_id(self, sender_id: str) -> Optional[int]:
        with self.engine.connect() as connection:
            return connection.execute(self._newest_id, {"sender": sender_id}).scalar()


def _event_row(sender_id: str, event) -> dict:
    """One `events` row, as Rasa's SQLTrackerStore writes it."""
    data = event.as_dict()
    return {"sender_id": sender_id, "type_name": event.type_name, "timestamp": data.get("timestamp"),
            "intent_name": (data.get("parse_data") or {}).get("intent", {}).get("name"),
            "action_name": data.get("name"), "data": json.dumps(data)}


class _Bounded:
    """A small LRU map: the least recently used entries go first when it is full."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self._items: OrderedDict = OrderedDict()

    def get(self, key):
        if key in self._items:
            self._items.move_to_end(key)
        return self._items.get(key)

    def put(self, key, value) -> None:
        self._items[key] = value
        self._items.move_to_end(key)
        while len(self._items) > self.capacity:
            self._items.popitem(last=False)

    def pop(self, key) -> None:
        self._items.pop(key, None)

    def __iter__(self):
        return iter(list(self._items))
