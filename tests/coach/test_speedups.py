"""The engine's speed-ups change how Rasa runs, never what it decides."""
from __future__ import annotations

import copy

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.core.channels.channel import UserMessage
from rasa.core.policies.rule_policy import RulePolicy
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.events import ActionExecuted, UserUttered, UserUtteranceReverted
from rasa.shared.core.trackers import DialogueStateTracker

from coach.graph_runner import SequentialGraphRunner
from coach.inprocess import speed_up_action_result_validation
from coach.policies.incremental_rules import IncrementalRulePolicy
from tests.helpers import compared_through_a_conversation

MESSAGES = ["hi", "let's do a check in", "kinda pissed off", "this deadline is killing me",
            "I want to end it all", "zxqv blorp", "/help"]


def _as_dask(runner: SequentialGraphRunner) -> DaskGraphRunner:
    dask_runner = object.__new__(DaskGraphRunner)
    dask_runner.__dict__.update({k: v for k, v in runner.__dict__.items() if k != "_plans"})
    return dask_runner


@pytest.mark.parametrize("text", MESSAGES)
def test_the_sequential_runner_parses_exactly_as_dask_does(coach, text):
    processor = coach.agent.processor
    runner = processor.graph_runner
    assert isinstance(runner, SequentialGraphRunner)
    target = processor.model_metadata.nlu_target
    tracker = DialogueStateTracker("test:runner", [])

    def parse(graph_runner):
        message = UserMessage(text, sender_id="test:runner")
        result = graph_runner.run(inputs={"__message__": [message], "__tracker__": tracker}, targets=[target])
        return result[target][0].as_dict(only_output_properties=True)

    ours, theirs = parse(runner), parse(_as_dask(runner))
    assert ours["intent"] == theirs["intent"]
    assert ours["intent_ranking"] == theirs["intent_ranking"]
    assert ours.get("entities", []) == theirs.get("entities", [])


def _action() -> RemoteAction:
    speed_up_action_result_validation()
    return RemoteAction("action_test", None)


def test_well_formed_action_results_are_accepted():
    result = {"events": [{"event": "slot", "timestamp": None, "name": "flow", "value": "checkin"},
                         {"event": "active_loop", "name": None},
                         {"event": "action", "name": "action_listen", "policy": None, "confidence": None}],
              "responses": [{"text": "hi", "buttons": []}]}
    assert _action()._validate_action_result(result)


@pytest.mark.parametrize("broken", [
    {"events": [{"event": "no_such_event"}], "responses": []},
    {"events": [{"name": "flow"}], "responses": []},
    {"events": [{"event": "slot", "name": 3}], "responses": []},
    {"events": [], "responses": ["just a string"]},
    {"events": {"event": "slot"}, "responses": []},
])
def test_malformed_action_results_are_rejected_with_rasas_error(broken):
    with pytest.raises(ValidationError):
        _action()._validate_action_result(copy.deepcopy(broken))


def _rule_policy(coach) -> IncrementalRulePolicy:
    nodes = coach.agent.processor.graph_runner._instantiated_nodes.values()
    return next(node._component for node in nodes if isinstance(node._component, IncrementalRulePolicy))


async def test_the_rule_policy_keeps_the_states_rasa_would_rebuild(coach, user, monkeypatch):
    compared = await compared_through_a_conversation(
        coach, user, monkeypatch, _rule_policy(coach), "past_states",
        lambda tracker, domain: tracker.past_states(domain))
    assert len(compared) > 30
    for ours, rasas in compared:
        assert ours == rasas


def test_an_undone_turn_is_rebuilt_not_reused(coach):
    policy = _rule_policy(coach)
    domain = coach.agent.domain
    tracker = DialogueStateTracker.from_events("test:undo", [
        ActionExecuted(ACTION_LISTEN_NAME), UserUttered("hi", {"name": "greet"}),
        ActionExecuted("action_greet"), ActionExecuted(ACTION_LISTEN_NAME),
        UserUttered("help", {"name": "help"})], slots=domain.slots)
    assert policy.past_states(tracker, domain) == tracker.past_states(domain)
    tracker.update(UserUtteranceReverted())
    assert policy.past_states(tracker, domain) == tracker.past_states(domain)
    assert len(policy.past_states(tracker, domain)) == 3


async def test_the_rule_index_finds_the_rules_rasa_would(coach, user, monkeypatch):
    policy = _rule_policy(coach)
    compared = await compared_through_a_conversation(
        coach, user, monkeypatch, policy, "_get_possible_keys",
        lambda lookup, states: RulePolicy._get_possible_keys(policy, lookup, states))
    assert len(compared) > 30
    assert any(ours for ours, _ in compared)  # rules were found, not only fallbacks
    for ours, rasas in compared:
        assert ours == rasas
