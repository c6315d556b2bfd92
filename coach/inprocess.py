"""Run custom actions inside the engine's process instead of over HTTP.

Rasa calls `action_endpoint.request(json=...)` for every custom action; this endpoint answers
that call with rasa-sdk's own executor, so the same Action classes serve here and under a
standard `rasa run actions` server.
"""
from __future__ import annotations

from typing import Any, Optional

from rasa.utils.endpoints import EndpointConfig
from rasa_sdk.executor import ActionExecutor


class InProcessActionEndpoint(EndpointConfig):
    def __init__(self, executor: ActionExecutor) -> None:
        super().__init__(url="inprocess://coach")
        self.executor = executor

    async def request(self, method: str = "post", subpath: Optional[str] = None,
                      content_type: Optional[str] = "application/json",
                      compress: bool = False, **kwargs: Any) -> Optional[Any]:
        return await self.executor.run(kwargs["json"])


def speed_up_action_result_validation() -> None:
    """Validate action results against the schema of each event's own type.

    Rasa 3.6 validates every custom action's result against one schema whose events are a
    `oneOf` over all 23 event types, and compiles that schema on every call (~20 ms a turn).
    Event types are told apart by a `const`, so checking each event against its own type's
    schema accepts and rejects exactly the same results; anything that fails goes through
    Rasa's own check, which raises its well-explained error.
    """
    from rasa.core.actions.action import RemoteAction

    if getattr(RemoteAction, "_confide_validators", None):
        return
    validators = _event_validators()
    original = RemoteAction._validate_action_result

    def validate(self: RemoteAction, result: dict) -> bool:
        if _is_valid(result, validators):
            return True
        return original(self, result)

    RemoteAction._confide_validators = validators
    RemoteAction._validate_action_result = validate


def _event_validators() -> dict:
    from jsonschema.validators import validator_for
    from rasa.shared.utils.schemas.events import EVENT_SCHEMA

    base = {key: value for key, value in EVENT_SCHEMA.items() if key != "oneOf"}
    validators = {}
    for branch in EVENT_SCHEMA["oneOf"]:
        schema = {"allOf": [base, branch]}
        validator_class = validator_for(schema)
        validator_class.check_schema(schema)
        validators[branch["properties"]["event"]["const"]] = validator_class(schema)
    return validators


def _is_valid(result: Any, validators: dict) -> bool:
    if not isinstance(result, dict):
        return False
    events, responses = result.get("events", []), result.get("responses", [])
    if not isinstance(events, list) or not isinstance(responses, list):
        return False
    if not all(isinstance(response, dict) for response in responses):
        return False
    for event in events:
        validator = validators.get(event.get("event")) if isinstance(event, dict) else None
        if validator is None or not validator.is_valid(event):
            return False
    return True
