"""Shared fixtures: one trained model per test session (cached by the data's fingerprint),
one coach on a fresh SQLite database, and a fresh user per test."""
from __future__ import annotations

import io
import itertools
import os
from pathlib import Path

import pytest

from coach.quiet import quiet_environment

quiet_environment()

ROOT = Path(__file__).resolve().parent.parent
_user_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def trained_model() -> Path:
    from coach.training import TrainingData, ensure_model

    return ensure_model(TrainingData(ROOT), ROOT / "models", out=io.StringIO())


@pytest.fixture(scope="session")
def settings(tmp_path_factory, trained_model):
    from coach.settings import Settings

    db = tmp_path_factory.mktemp("db") / "coach.db"
    charts = tmp_path_factory.mktemp("charts")
    return Settings.from_env({"DATABASE_URL": f"sqlite:///{db}", "CONFIDE_CHARTS_DIR": str(charts)})


@pytest.fixture(scope="session")
async def coach(settings):
    from coach.bootstrap import build_coach

    built = await build_coach(settings, out=io.StringIO())
    yield built
    await built.close()


@pytest.fixture
def user():
    from coach.identity import UserRef

    return UserRef("test", f"user-{os.getpid()}-{next(_user_numbers)}")


@pytest.fixture
def say(coach, user):
    """`await say("hi")` -> the Turn, as the test user."""

    async def send(text, who=None):
        return await coach.respond(who or user, text)

    return send


@pytest.fixture
def consented(say):
    """A user who has agreed to storage and set his country, ready to coach."""

    async def onboard(country: str = "GB"):
        await say("hi")
        await say("/give_consent")
        await say(f'/set_country{{"country": "{country}"}}')

    return onboard
