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
    return read_yaml(CONTENT_DIR / f"{name}.yml")


def read_yaml(path: Path) -> Any:
    """Safe YAML, parsed by libyaml when PyYAML has it (several times faster than pure Python)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 - a safe loader


def load_all() -> None:
    """Read every content file now, so the first people to talk don't wait for the disk."""
    for path in sorted(CONTENT_DIR.glob("*.yml")):
        load(path.stem)
