"""Filling every table for a user, and finding any row about him in any table."""
from __future__ import annotations

from sqlalchemy import MetaData, inspect, select

from coach.identity import UserRef
from coach.storage import models as m
from coach.storage.users import find_user


def fill_every_table(database, ref: UserRef) -> int:
    """Store one row of each kind for a consented user; returns his id."""
    with database.unit_of_work() as session:
        user = find_user(session, ref)
        user.timezone = "Europe/London"
        session.add_all([
            m.CheckIn(user_id=user.id, mood=3, feeling="flat", core_feeling="sad"),
            m.Reframe(user_id=user.id, script="boys don't cry", norm="stoicism", reframe="feelings are data"),
            m.Disclosure(user_id=user.id, level=1, plan="tell her about work"),
            m.PracticeResult(user_id=user.id, scenario="s1", skill="listen", score=2, labels=["ok"]),
            m.SkillEvent(user_id=user.id, skill="checkin"),
            m.SafetyPlan(user_id=user.id, warning_signs="not sleeping", things_that_help="a run",
                         reasons="my kids", contacts="Dave"),
            m.CrisisEvent(user_id=user.id, resources=["Samaritans"]),
            m.Reminder(user_id=user.id, local_time="20:00", chat_id=ref.platform_id),
        ])
        return user.id


def rows_about(database, ref: UserRef, user_id: int) -> dict[str, int]:
    """Rows in any table (the coach's and Rasa's) that name him: by id, sender id or platform id."""
    found: dict[str, int] = {}
    with database.engine.connect() as connection:
        metadata = MetaData()
        metadata.reflect(bind=connection)
        for table in metadata.sorted_tables:
            user_columns = _user_id_columns(table)
            count = 0
            for row in connection.execute(select(table)):
                values = row._mapping
                if any(values[c] == user_id for c in user_columns) or any(
                        isinstance(v, str) and (ref.platform_id in v) for v in values.values()):
                    count += 1
            if count:
                found[table.name] = count
    return found


def table_names(database) -> list[str]:
    return inspect(database.engine).get_table_names()


def _user_id_columns(table) -> list[str]:
    columns = [c.name for c in table.columns
               if any(fk.column.table.name == "coach_users" for fk in c.foreign_keys)]
    if table.name == "coach_users":
        columns.append("id")
    return columns
