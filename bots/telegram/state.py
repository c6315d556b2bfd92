"""The long-lived objects the handlers share, kept in `application.bot_data`."""
from __future__ import annotations

from typing import Any, Mapping

from bots.telegram.render import PayloadKeys

PLATFORM = "telegram"
COACH = "coach"
OWNS_COACH = "owns_coach"
SETTINGS = "settings"
PAYLOAD_KEYS = "payload_keys"


def coach_of(bot_data: Mapping[str, Any]):
    return bot_data[COACH]


def keys_of(bot_data: dict[str, Any]) -> PayloadKeys:
    return bot_data.setdefault(PAYLOAD_KEYS, PayloadKeys())
