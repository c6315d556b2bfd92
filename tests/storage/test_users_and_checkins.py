"""The coach's own tables, on SQLite and PostgreSQL."""
from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import func, select

from coach.identity import UserRef
from coach.memory import checkin_streak, where_we_left_off
from coach.storage.checkins import add_checkin, recent_checkins
from coach.storage.models import CheckIn, User
from coach.storage.users import consented_user, find_user, record_consent


def test_the_same_id_on_two_platforms_is_two_users(database, unique_id):
    with database.unit_of_work() as session:
        record_consent(session, UserRef("telegram", unique_id))
        record_consent(session, UserRef("discord", unique_id))
    with database.unit_of_work() as session:
        telegram = find_user(session, UserRef("telegram", unique_id))
        discord = find_user(session, UserRef("discord", unique_id))
        assert telegram.id != discord.id
        assert find_user(session, UserRef("terminal", unique_id)) is None


def test_a_user_without_consent_is_not_a_consented_user(database, unique_id):
    with database.unit_of_work() as session:
        session.add(User(platform="test", platform_id=unique_id))
    with database.unit_of_work() as session:
        assert find_user(session, UserRef("test", unique_id)) is not None
        assert consented_user(session, UserRef("test", unique_id)) is None
        record_consent(session, UserRef("test", unique_id))
    with database.unit_of_work() as session:
        assert consented_user(session, UserRef("test", unique_id)).consented_at is not None


def test_a_failed_unit_of_work_stores_nothing(database, unique_id):
    try:
        with database.unit_of_work() as session:
            record_consent(session, UserRef("test", unique_id))
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    with database.unit_of_work() as session:
        assert find_user(session, UserRef("test", unique_id)) is None


def test_checkins_come_back_newest_first_and_make_a_streak(database, unique_id):
    today = date(2026, 11, 28)
    with database.unit_of_work() as session:
        user = record_consent(session, UserRef("test", unique_id))
        session.flush()
        for days_ago, mood, feeling in ((2, 2, "flat"), (1, 3, "tired"), (0, 4, "hopeful")):
            checkin = add_checkin(session, user, mood, feeling, None)
            checkin.created_at = datetime(2026, 11, 28, 9) - timedelta(days=days_ago)
    with database.unit_of_work() as session:
        user = find_user(session, UserRef("test", unique_id))
        assert [c.feeling for c in recent_checkins(session, user)] == ["hopeful", "tired", "flat"]
        assert checkin_streak(session, user, today) == 3
        assert checkin_streak(session, user, today + timedelta(days=2)) == 0
        recap = " ".join(where_we_left_off(session, user, today))
        assert "hopeful" in recap and "3-day" in recap


def test_deleting_a_user_deletes_his_checkins(database, unique_id):
    with database.unit_of_work() as session:
        user = record_consent(session, UserRef("test", unique_id))
        session.flush()
        add_checkin(session, user, 3, "calm", "calm")
        user_id = user.id
    with database.unit_of_work() as session:
        session.delete(session.get(User, user_id))
    with database.unit_of_work() as session:
        left = session.scalar(select(func.count()).select_from(CheckIn).where(CheckIn.user_id == user_id))
        assert left == 0
