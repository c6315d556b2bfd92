"""The engine's two speed-ups change how Rasa runs, never what it decides."""
from __future__ import annotations

import copy

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.core.channels.channel import UserMessage
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.shared.core.trackers import DialogueStateTracker

from coach.graph_runner import SequentialGraphRunner
from coach.inprocess import speed_up_action_result_validation

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
