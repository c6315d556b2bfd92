"""The practice grader, trained once per test session (cached in models/ by its data's fingerprint)."""
from __future__ import annotations

import io

import pytest

from tests.conftest import ROOT


@pytest.fixture(scope="session")
def grader():
    from coach.practice.grader import load_grader

    return load_grader(ROOT, ROOT / "models", out=io.StringIO())
