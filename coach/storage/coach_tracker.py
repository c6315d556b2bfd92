"""Rasa's conversation tracker with two shortcuts that change nothing it computes.

- `copy()`: Rasa copies a tracker before every action by replaying all its events into a fresh
  one, so a turn costs more the longer he talks. A tracker's state is, by Rasa's own rule, what
  replaying its events gives, so the copy takes that state directly.
- `applied_events()`: Rasa rescans the whole history four or five times a turn; the answer is
  kept until an event is added.

tests/storage/test_coach_tracker.py checks both against Rasa's own on real conversations.
"""
from __future__ import annotations

import copy

from rasa.shared.constants import DEFAULT_SENDER_ID
from rasa.shared.core.events import Event
from rasa.shared.core.slots import Slot
from rasa.shared.core.trackers import AnySlotDict, DialogueStateTracker


class CoachTracker(DialogueStateTracker):
    _applied: tuple | None = None  # (events, how many, the newest, the applied ones)

    @classmethod
    def adopt(cls, tracker: DialogueStateTracker | None) -> DialogueStateTracker | None:
        """The same tracker, with the shortcuts (it gains no state of its own)."""
        if tracker is not None and type(tracker) is DialogueStateTracker:
            tracker.__class__ = cls
        return tracker

    def copy(self) -> DialogueStateTracker:
        # A capped history has lost events whose effects its state still holds: replay, as Rasa does.
        if self._max_event_history is not None or isinstance(self.slots, AnySlotDict):
            return super().copy()
        clone = DialogueStateTracker(self.sender_id or DEFAULT_SENDER_ID, [], is_rule_tracker=self.is_rule_tracker)
        clone.slots = {name: _shallow_copy(slot) for name, slot in self.slots.items()}
        clone.events.extend(self.events)
        clone._paused = self._paused
        clone.followup_action = self.followup_action
        clone.latest_action = dict(self.latest_action) if self.latest_action is not None else None
        clone.latest_message = self.latest_message
        clone.latest_bot_utterance = self.latest_bot_utterance
        clone.active_loop = copy.copy(self.active_loop)
        return clone

    def applied_events(self) -> list[Event]:
        # Rasa only appends events (an undo is an event too) or replaces the whole deque.
        events = self.events
        last = events[-1] if events else None
        kept = self._applied
        if kept is None or kept[0] is not events or kept[1] != len(events) or kept[2] is not last:
            kept = self._applied = (events, len(events), last, super().applied_events())
        return list(kept[3])


def _shallow_copy(slot: Slot) -> Slot:
    # What copy.copy gives for a Slot (a plain object), without its generic __reduce_ex__ path,
    # which costs more than the rest of the tracker copy together.
    clone = object.__new__(type(slot))
    clone.__dict__.update(slot.__dict__)
    return clone
