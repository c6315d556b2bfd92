"""Storage tests run on SQLite always, and on PostgreSQL when one is reachable."""
from __future__ import annotations

import os
import uuid

import pytest
import sqlalchemy

POSTGRES_URL = os.environ.get("CONFIDE_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")


def postgres_unreachable_reason() -> str | None:
    try:
        engine = sqlalchemy.create_engine(POSTGRES_URL, connect_args={"connect_timeout": 2})
        with engine.connect() as connection:
            connection.execute(sqlalchemy.text("select 1"))
        engine.dispose()
    except Exception as error:  # noqa: BLE001 - any failure means "not reachable here"
        return f"PostgreSQL not reachable at {POSTGRES_URL} ({type(error).__name__}); storage tests ran on SQLite only"
    return None


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'storage.db'}"
    reason = postgres_unreachable_reason()
    if reason:
        pytest.skip(reason)
    return POSTGRES_URL


@pytest.fixture
def database(database_url):
    from coach.storage.database import Database

    db = Database(database_url)
    db.create_schema()
    yield db
    db.dispose()


@pytest.fixture
def unique_id() -> str:
    """Platform ids unique per test, so runs sharing one PostgreSQL database never collide."""
    return uuid.uuid4().hex[:12]
