"""The long-lived objects custom actions need, built once by the engine and handed to each action."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Callable

from coach.settings import Settings
from coach.storage.database import Database
from coach.storage.models import utcnow


@dataclass
class Services:
    settings: Settings
    database: Database
    clock: Callable = utcnow

    @classmethod
    def from_settings(cls, settings: Settings) -> "Services":
        database = Database(settings.database_url)
        database.create_schema()
        return cls(settings=settings, database=database)


@functools.lru_cache(maxsize=1)
def services_from_env() -> Services:
    """For actions run by a standalone `rasa run actions` server, which builds them without arguments."""
    return Services.from_settings(Settings.from_env())
