"""Rasa's conversation store, with one rule on top: nothing is written before consent."""
from __future__ import annotations

from collections import OrderedDict
from typing import Callable, Iterable, Optional

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker


class ConsentAwareTrackerStore(SQLTrackerStore):
    """Conversations of users who have not consented live in memory only (bounded), never on disk.

    When he consents, his conversation so far is written on the next save.
    """

    def __init__(self, domain: Domain, url: str, has_consented: Callable[[str], bool],
                 max_unconsented: int = 10_000) -> None:
        super().__init__(domain=domain, host=url)
        self._has_consented = has_consented
        self._unconsented: OrderedDict[str, DialogueStateTracker] = OrderedDict()
        self._max_unconsented = max_unconsented

    async def save(self, tracker: DialogueStateTracker) -> None:
        if self._has_consented(tracker.sender_id):
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

    def forget_unconsented(self, sender_id: str) -> None:
        self._unconsented.pop(sender_id, None)
