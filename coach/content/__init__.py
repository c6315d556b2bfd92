"""Coaching content as data: menus, feelings, scripts, prompts."""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml

CONTENT_DIR = Path(__file__).parent


@functools.lru_cache(maxsize=None)
def load(name: str) -> Any:
    """Load coach/content/<name>.yml once per process."""
    return yaml.safe_load((CONTENT_DIR / f"{name}.yml").read_text(encoding="utf-8"))
