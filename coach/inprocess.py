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
    """Validate action results with one compiled schema validator instead of a new one per call.

    Rasa 3.6 calls `jsonschema.validate`, which re-checks the schema itself on every custom
    action (~20 ms). The check is kept; only the compile is cached.
    """
    from jsonschema.validators import validator_for
    from rasa.core.actions.action import RemoteAction

    if getattr(RemoteAction, "_confide_validator", None):
        return
    schema = RemoteAction.action_response_format_spec()
    validator_class = validator_for(schema)  # the same choice jsonschema.validate makes
    validator_class.check_schema(schema)
    validator = validator_class(schema)
    original = RemoteAction._validate_action_result

    def validate(self: RemoteAction, result: dict) -> bool:
        if validator.is_valid(result):
            return True
        return original(self, result)  # raises Rasa's own, well-explained error

    RemoteAction._confide_validator = validator
    RemoteAction._validate_action_result = validate
