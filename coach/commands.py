"""Slash commands every platform shares, and how they become trusted Rasa payloads."""
from __future__ import annotations

import json

# command -> (intent, entity the argument fills, or None)
COMMANDS: dict[str, tuple[str, str | None]] = {
    "start": ("greet", None),
    "help": ("help", None),
    "menu": ("help", None),
    "about": ("about", None),
    "checkin": ("checkin", None),
    "feelings": ("start_feelings", None),
    "disclose": ("start_disclosure", None),
    "reframe": ("start_reframe", None),
    "reframes": ("list_reframes", None),
    "listen": ("start_listening", None),
    "provider": ("start_provider", None),
    "intimacy": ("start_intimacy", None),
    "partner": ("start_partner", None),
    "practice": ("start_practice", None),
    "progress": ("progress", None),
    "safetyplan": ("show_safety_plan", None),
    "country": ("set_country", "country"),
    "remind": ("set_reminder", "reminder"),
    "privacy": ("privacy", None),
    "export": ("export", None),
    "forget": ("forget", None),
    "stop": ("stop", None),
}


def command_payload(text: str) -> str | None:
    """`/country uk` -> `/set_country{"country": "uk"}`; None when text is not one of our commands."""
    if not text.startswith("/"):
        return None
    head, _, argument = text[1:].partition(" ")
    name = head.split("@", 1)[0].lower()  # Telegram appends @botname in groups
    if name not in COMMANDS:
        return None
    intent, entity = COMMANDS[name]
    argument = argument.strip()
    if entity and argument:
        return f"/{intent}{json.dumps({entity: argument[:64]})}"
    return f"/{intent}"
