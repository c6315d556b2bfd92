"""The user's data rights, in one place: export all of it, forget all of it, purge old conversation.

Tables are found from the schema, not listed by hand: every table with a column that refers to
`coach_users.id` holds rows about a user, so a model added later is exported and forgotten too.
Rasa keeps the conversation in its own `events` table, keyed by the sender id.
"""
from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import MetaData, Table, delete, func, inspect, select
from sqlalchemy.engine import Connection

from coach.identity import UserRef
from coach.storage.database import Database
from coach.storage.models import Base, User

RASA_EVENTS_TABLE = "events"
EXPORT_FORMAT = "confide-export/1"

# What a custom action asks the engine to do after the turn is saved (see coach/actions/privacy.py).
ENGINE_REQUEST_KEY = "engine_request"
EXPORT_REQUEST = "export"
FORGET_REQUEST = "forget"


def engine_request(name: str) -> dict[str, str]:
    return {ENGINE_REQUEST_KEY: name}


def requested(message: dict[str, Any]) -> str | None:
    """The engine request a bot message carries, if any."""
    custom = message.get("custom")
    return custom.get(ENGINE_REQUEST_KEY) if isinstance(custom, dict) else None


def user_tables() -> list[tuple[Table, str]]:
    """(table, column) for every coach table whose column refers to a user's id."""
    found = []
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            if any(fk.column.table.name == User.__tablename__ for fk in column.foreign_keys):
                found.append((table, column.name))
    return found


def export_user(database: Database, ref: UserRef, now: datetime | None = None) -> dict[str, Any] | None:
    """Everything stored about him as one JSON-ready dict; None when nothing is stored."""
    with database.engine.connect() as connection:
        user_row = _user_row(connection, ref)
        events = _conversation_events(connection, ref.sender_id)
        if user_row is None and not events:
            return None
        export: dict[str, Any] = {
            "format": EXPORT_FORMAT,
            "exported_at": _jsonable(now or datetime.now(timezone.utc)),
            "user": {"platform": ref.platform, "platform_id": ref.platform_id},
            "profile": _row_dict(user_row) if user_row is not None else None,
        }
        if user_row is not None:
            for table, column in user_tables():
                rows = connection.execute(select(table).where(table.c[column] == user_row.id))
                export[_section_name(table.name)] = [_row_dict(row) for row in rows]
        export["conversation_events"] = events
    return export


def export_json(export: dict[str, Any]) -> bytes:
    return json.dumps(export, indent=2, ensure_ascii=False, sort_keys=False).encode("utf-8")


def forget_user(database: Database, ref: UserRef) -> int:
    """Delete every row about him in every table, Rasa's events included. Returns rows deleted."""
    deleted = 0
    with database.engine.begin() as connection:
        user_row = _user_row(connection, ref)
        if user_row is not None:
            for table, column in reversed(user_tables()):
                deleted += connection.execute(delete(table).where(table.c[column] == user_row.id)).rowcount
            users = User.__table__
            deleted += connection.execute(delete(users).where(users.c.id == user_row.id)).rowcount
        events = _events_table(connection)
        if events is not None:
            deleted += connection.execute(delete(events).where(events.c.sender_id == ref.sender_id)).rowcount
    return deleted


def purge_old_events(database: Database, days: int, now: datetime | None = None) -> int:
    """Delete conversation events older than `days` days, for everyone. Returns how many."""
    if days < 1:
        raise ValueError("retention must be at least one day")
    cutoff = (now or datetime.now(timezone.utc)) - timedelta(days=days)
    with database.engine.begin() as connection:
        events = _events_table(connection)
        if events is None:
            return 0
        return connection.execute(delete(events).where(events.c.timestamp < cutoff.timestamp())).rowcount


def count_events(database: Database, sender_id: str | None = None) -> int:
    with database.engine.connect() as connection:
        events = _events_table(connection)
        if events is None:
            return 0
        query = select(func.count()).select_from(events)
        if sender_id is not None:
            query = query.where(events.c.sender_id == sender_id)
        return connection.execute(query).scalar() or 0


def _user_row(connection: Connection, ref: UserRef):
    users = User.__table__
    query = select(users).where(users.c.platform == ref.platform, users.c.platform_id == ref.platform_id)
    return connection.execute(query).first()


def _events_table(connection: Connection) -> Table | None:
    """Rasa's events table, read from the database (Rasa creates it on first use)."""
    if not inspect(connection).has_table(RASA_EVENTS_TABLE):
        return None
    return Table(RASA_EVENTS_TABLE, MetaData(), autoload_with=connection)


def _conversation_events(connection: Connection, sender_id: str) -> list[dict[str, Any]]:
    events = _events_table(connection)
    if events is None:
        return []
    rows = connection.execute(select(events.c.data).where(events.c.sender_id == sender_id)
                              .order_by(events.c.id))
    return [json.loads(data) for (data,) in rows if data]


def _section_name(table_name: str) -> str:
    return table_name.removeprefix("coach_")


def _row_dict(row) -> dict[str, Any]:
    return {key: _jsonable(value) for key, value in row._mapping.items()}


def _jsonable(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return value
