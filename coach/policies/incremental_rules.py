"""Rasa's RulePolicy, without rebuilding the whole dialogue history for every prediction.

To match rules, RulePolicy turns the conversation into one state per past action. Rasa does
this from scratch each time it predicts (several times a turn): it replays every event into a
fresh tracker and rebuilds every state, so a turn costs more the longer he talks. A past state
depends only on the events before it, so this policy keeps each conversation's states and its
replayed tracker, and on the next prediction replays only the events that are new. When the
history changed in any other way (an undo, a new session, a tracker loaded afresh) it starts
over, exactly as Rasa would. What it predicts is unchanged: tests/coach/test_speedups.py checks
its states against Rasa's own.
"""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from rasa.core.policies.rule_policy import RulePolicy
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.domain import Domain, State
from rasa.shared.core.events import ActionExecuted, Event
from rasa.shared.core.trackers import DialogueStateTracker

CONVERSATIONS_KEPT = 2000  # the least recently used are dropped; a dropped one is simply rebuilt


@dataclass
class _History:
    """States of the past turns of one conversation, and the tracker replayed so far."""

    replayed: DialogueStateTracker
    events: list[Event] = field(default_factory=list)
    states: list[State] = field(default_factory=list)

    def extends(self, applied: list[Event]) -> bool:
        if len(applied) < len(self.events):
            return False
        return all(ours is theirs for ours, theirs in zip(self.events, applied))

    def catch_up(self, applied: list[Event], domain: Domain) -> None:
        for event in applied[len(self.events):]:
            if isinstance(event, ActionExecuted):
                self.states.append(_state(self.replayed, domain))
            self.replayed.update(event)
            self.events.append(event)


def _state(tracker: DialogueStateTracker, domain: Domain) -> State:
    # What Domain.states_for_tracker_history computes for each prior tracker of a policy that
    # does not ignore rule-only turns (RulePolicy learns from rules and stories alike).
    return domain._clean_state(domain.get_active_state(tracker))


def _copy(states: list[State]) -> list[State]:
    # The featurizer edits the user sub-state in place; the kept states must stay as they were.
    return [{key: dict(sub_state) for key, sub_state in state.items()} for state in states]


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True)
class IncrementalRulePolicy(RulePolicy):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._histories: OrderedDict[str, _History] = OrderedDict()

    def _prediction_states(self, tracker: DialogueStateTracker, domain: Domain,
                           use_text_for_last_user_input: bool = False,
                           rule_only_data: dict[str, Any] | None = None) -> list[State]:
        states = _copy(self.past_states(tracker, domain))
        featurizer = self.featurizer
        states = featurizer.slice_state_history(states, featurizer.max_history)
        featurizer._choose_last_user_input([states], use_text_for_last_user_input)
        return states

    def past_states(self, tracker: DialogueStateTracker, domain: Domain) -> list[State]:
        """The states Rasa's `tracker.past_states(domain)` gives, computed incrementally."""
        applied = tracker.applied_events()
        history = self._histories.pop(tracker.sender_id, None)
        if history is None or not history.extends(applied):
            history = _History(tracker.init_copy())
        history.catch_up(applied, domain)
        self._histories[tracker.sender_id] = history
        while len(self._histories) > CONVERSATIONS_KEPT:
            self._histories.popitem(last=False)
        return [*history.states, _state(history.replayed, domain)]
