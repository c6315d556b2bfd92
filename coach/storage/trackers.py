"""Rasa's conversation store, with one rule on top: nothing is written before consent."""
from __future__ import annotations

from collections import OrderedDict
from typing import Callable, Iterable, Optional

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy.orm import sessionmaker

from coach.storage.database import Database


class ConsentAwareTrackerStore(SQLTrackerStore):
    """Conversations of users who have not consented live in memory only (bounded), never on disk.

    When he consents, his conversation so far is written on the next save.
    """

    def __init__(self, domain: Domain, database: Database, has_consented: Callable[[str], bool],
                 max_unconsented: int = 10_000) -> None:
        super().__init__(domain=domain, host=database.url)
        # Share the coach's engine: one connection pool and the same SQLite settings.
        self.engine.dispose()
        self.engine = database.engine
        self.sessionmaker = sessionmaker(bind=database.engine)
        self._has_consented = has_consented
        self._unconsented: OrderedDict[str, DialogueStateTracker] = OrderedDict()
        self._max_unconsented = max_unconsented
        self._consented: set[str] = set()  # consent is only withdrawn through forget()

    async def save(self, tracker: DialogueStateTracker) -> None:
        if self._is_consented(tracker.sender_id):
            self._unconsented.pop(tracker.sender_id, None)
            await super().save(tracker)
            return
        self._unconsented[tracker.sender_id] = tracker.copy()
        self._unconsented.move_to_end(tracker.sender_id)
        while len(self._unconsented) > self._max_unconsented:
            self._unconsented.popitem(last=False)

    async def retrieve(self, sender_id: str) -> Optional[DialogueStateTracker]:
        if sender_id in self._unconsented:
            return self._unconsented[sender_id].copy()
        return await super().retrieve(sender_id)

    async def retrieve_full_tracker(self, sender_id: str) -> Optional[DialogueStateTracker]:
        if sender_id in self._unconsented:
            return self._unconsented[sender_id].copy()
        return await super().retrieve_full_tracker(sender_id)

    async def keys(self) -> Iterable[str]:
        return list(await super().keys()) + list(self._unconsented)

    def _is_consented(self, sender_id: str) -> bool:
        if sender_id not in self._consented and self._has_consented(sender_id):
            self._consented.add(sender_id)
        return sender_id in self._consented

    def forget(self, sender_id: str) -> None:
        """Drop what this process holds about the conversation (the database is cleared elsewhere)."""
        self._unconsented.pop(sender_id, None)
        self._consented.discard(sender_id)
