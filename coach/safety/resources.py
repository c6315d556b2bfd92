"""Crisis lines by country, loaded from resources.yml."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from coach.content import read_yaml

RESOURCES_PATH = Path(__file__).with_name("resources.yml")


@dataclass(frozen=True)
class Line:
    service: str
    contact: str
    hours: str
    source: str
    checked: str


@dataclass(frozen=True)
class CountryResources:
    code: str
    name: str
    emergency: str
    lines: tuple[Line, ...]


class CrisisResources:
    def __init__(self, data: dict) -> None:
        self.international = Line(**data["international"])
        self.emergency_numbers: str = data["emergency_numbers"]
        self.countries = {code: CountryResources(code, c["name"], c["emergency"],
                                                 tuple(Line(**line) for line in c["lines"]))
                          for code, c in data["countries"].items()}
        self._aliases = {alias: code for code, names in data["aliases"].items() for alias in names}

    @classmethod
    def load(cls, path: Path = RESOURCES_PATH) -> "CrisisResources":
        return cls(read_yaml(path))

    def country_code(self, typed: str | None) -> str | None:
        """'the UK' -> 'GB'; None for a country without listed lines."""
        if not typed:
            return None
        key = re.sub(r"[^a-z ]", " ", typed.casefold())
        key = re.sub(r"\s+", " ", key).strip()
        if key.upper() in self.countries:
            return key.upper()
        return self._aliases.get(key)

    def for_country(self, code: str | None) -> CountryResources | None:
        return self.countries.get(code or "")


@functools.lru_cache(maxsize=1)
def default_resources() -> CrisisResources:
    return CrisisResources.load()
