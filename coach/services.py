"""The long-lived objects custom actions need, built once by the engine and handed to each action."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from coach.settings import Settings
from coach.storage.database import Database
from coach.storage.models import utcnow

if TYPE_CHECKING:
    from coach.practice.grader import Grader


@dataclass
class Services:
    settings: Settings
    database: Database
    clock: Callable = utcnow
    grader: Grader | None = None  # the practice grader, loaded by the engine's bootstrap

    @classmethod
    def from_settings(cls, settings: Settings) -> "Services":
        database = Database(settings.database_url)
        database.create_schema()
        return cls(settings=settings, database=database)

    def practice_grader(self) -> Grader:
        """The practice grader; a standalone action server loads it on first use."""
        if self.grader is None:
            from coach.practice.grader import load_grader

            self.grader = load_grader(self.settings.project_root, self.settings.models_dir)
        return self.grader


@functools.lru_cache(maxsize=1)
def services_from_env() -> Services:
    """For actions run by a standalone `rasa run actions` server, which builds them without arguments."""
    return Services.from_settings(Settings.from_env())
