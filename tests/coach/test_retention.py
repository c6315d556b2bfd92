"""`coach purge` deletes conversation events past the retention period, and nothing newer."""
from __future__ import annotations

import json
import time

import pytest
from sqlalchemy import text

from coach.cli import main
from coach.settings import Settings
from coach.storage.database import Database
from coach.storage.privacy import count_events, purge_old_events

DAY = 24 * 3600


@pytest.fixture
def database(tmp_path):
    url = f"sqlite:///{tmp_path / 'retention.db'}"
    database = Database(url)
    with database.engine.begin() as connection:
        connection.execute(text("create table events (id integer primary key, sender_id varchar(255), "
                                "type_name varchar(255), timestamp float, intent_name varchar(255), "
                                "action_name varchar(255), data text)"))
    yield database
    database.dispose()


def add_event(database, sender: str, age_days: float) -> None:
    stamp = time.time() - age_days * DAY
    with database.engine.begin() as connection:
        connection.execute(text("insert into events (sender_id, type_name, timestamp, data) "
                                "values (:s, 'user', :t, :d)"),
                           {"s": sender, "t": stamp, "d": json.dumps({"event": "user", "text": "x"})})


def test_purge_deletes_only_events_older_than_the_limit(database):
    for age in (200, 91, 89, 1):
        add_event(database, "test:a", age)
    add_event(database, "test:b", 120)
    assert purge_old_events(database, 90) == 3
    assert count_events(database, "test:a") == 2
    assert count_events(database, "test:b") == 0


def test_purge_on_a_database_without_conversations_deletes_nothing(tmp_path):
    database = Database(f"sqlite:///{tmp_path / 'empty.db'}")
    assert purge_old_events(database, 90) == 0


def test_coach_purge_uses_the_configured_default(database, monkeypatch, capsys):
    for age in (100, 40, 10):
        add_event(database, "test:c", age)
    monkeypatch.setenv("DATABASE_URL", database.url)
    monkeypatch.setenv("CONFIDE_RETENTION_DAYS", "30")
    assert Settings.from_env().retention_days == 30
    assert main(["purge"]) == 0
    assert "Deleted 2 conversation events older than 30 days" in capsys.readouterr().out
    assert main(["purge", "--days", "5"]) == 0
    assert count_events(database, "test:c") == 0


def test_coach_purge_defaults_to_ninety_days(database, monkeypatch, capsys):
    add_event(database, "test:d", 95)
    add_event(database, "test:d", 85)
    monkeypatch.setenv("DATABASE_URL", database.url)
    monkeypatch.delenv("CONFIDE_RETENTION_DAYS", raising=False)
    assert main(["purge"]) == 0
    assert count_events(database, "test:d") == 1


def test_coach_purge_refuses_a_retention_of_zero_days(database, monkeypatch):
    add_event(database, "test:e", 1)
    monkeypatch.setenv("DATABASE_URL", database.url)
    assert main(["purge", "--days", "0"]) == 2
    assert count_events(database, "test:e") == 1


async def test_purge_removes_old_turns_of_a_real_conversation(coach, consented, user):
    await consented()
    database = coach.services.database
    with database.engine.begin() as connection:
        connection.execute(text("update events set timestamp = timestamp - :age where sender_id = :s"),
                           {"age": 100 * DAY, "s": user.sender_id})
    await coach.respond(user, "/help")
    before = count_events(database, user.sender_id)
    purge_old_events(database, 90)
    after = count_events(database, user.sender_id)
    assert 0 < after < before
