"""Rasa's RulePolicy, without rebuilding the whole dialogue history for every prediction.

To match rules, RulePolicy turns the conversation into one state per past action. Rasa does
this from scratch each time it predicts (several times a turn): it replays every event into a
fresh tracker and rebuilds every state, so a turn costs more the longer he talks. A past state
depends only on the events before it, so this policy keeps each conversation's states and its
replayed tracker, and on the next prediction replays only the events that are new. When the
history changed in any other way (an undo, a new session, a tracker loaded afresh) it starts
over, exactly as Rasa would. What it predicts is unchanged: tests/coach/test_speedups.py checks
its states against Rasa's own.

It also finds the candidate rules for a prediction through an index on what each rule needs of
the newest state (previous action and intent) instead of testing every rule against it; the
candidates then go through Rasa's own checks, so the rules it finds are Rasa's.
"""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from rasa.core.policies.rule_policy import RulePolicy
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.constants import PREVIOUS_ACTION, SHOULD_NOT_BE_SET, USER
from rasa.shared.core.domain import Domain, State
from rasa.shared.core.events import ActionExecuted, Event
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import ACTION_NAME, INTENT

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


class _RuleIndex:
    """The rules of one lookup, by what their last state requires of the conversation's newest.

    A rule whose last state names no previous action applies only at the conversation's start;
    one that names a previous action or an intent applies only where the newest state has that
    same value. Anything else a rule needs is left to Rasa's check.
    """

    def __init__(self, rule_keys: list[str], rule_to_states) -> None:
        self.size = len(rule_keys)
        self.buckets: dict[tuple, list[str]] = {}
        for key in rule_keys:
            states = rule_to_states(key)
            self.buckets.setdefault(_requirement(states[-1]) if states else _ANYWHERE, []).append(key)

    def candidates(self, state: State) -> set[str]:
        previous_action = state.get(PREVIOUS_ACTION)
        if not previous_action:
            wanted = [_ANYWHERE, _AT_START]
        else:
            action, intent = previous_action.get(ACTION_NAME), state.get(USER, {}).get(INTENT)
            wanted = [_ANYWHERE, (False, action, intent), (False, action, None), (False, None, intent),
                      (False, None, None)]
        return {key for requirement in wanted for key in self.buckets.get(requirement, ())}


_ANYWHERE = ("anywhere",)  # a rule with no states applies to any conversation
_AT_START = (True, None, None)


def _requirement(rule_state: State) -> tuple:
    previous_action = rule_state.get(PREVIOUS_ACTION)
    if not previous_action:
        return _AT_START
    return False, _required(previous_action.get(ACTION_NAME)), _required(rule_state.get(USER, {}).get(INTENT))


def _required(value: Any) -> str | None:
    # Only a plain value must be matched exactly; a missing one or SHOULD_NOT_BE_SET matches more.
    return value if isinstance(value, str) and value and value != SHOULD_NOT_BE_SET else None


def _copy(states: list[State]) -> list[State]:
    # The featurizer edits the user sub-state in place; the kept states must stay as they were.
    return [{key: dict(sub_state) for key, sub_state in state.items()} for state in states]


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True)
class IncrementalRulePolicy(RulePolicy):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._histories: OrderedDict[str, _History] = OrderedDict()
        self._rule_indexes: dict[int, tuple[dict, _RuleIndex]] = {}

    def _get_possible_keys(self, lookup: dict[str, str], states: list[State]) -> set[str]:
        if not states:
            return super()._get_possible_keys(lookup, states)
        index = self._rule_index(lookup)
        return super()._get_possible_keys(dict.fromkeys(index.candidates(states[-1])), states)

    def _rule_index(self, lookup: dict[str, str]) -> _RuleIndex:
        kept = self._rule_indexes.get(id(lookup))
        if kept is None or kept[0] is not lookup or kept[1].size != len(lookup):
            kept = (lookup, _RuleIndex(list(lookup), self._rule_key_to_state))
            self._rule_indexes[id(lookup)] = kept
        return kept[1]

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
