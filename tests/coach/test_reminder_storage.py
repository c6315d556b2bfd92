"""Stored reminders: set, replaced, switched off, and found again at startup per platform."""
from __future__ import annotations

from coach.identity import UserRef
from coach.storage.database import Database
from coach.storage.reminders import active_reminder, active_reminders, disable_reminder, set_reminder
from coach.storage.users import record_consent


def test_reminders_are_replaced_switched_off_and_listed_per_platform(tmp_path):
    database = Database(f"sqlite:///{tmp_path / 'reminders.db'}")
    database.create_schema()
    with database.unit_of_work() as session:
        sam = record_consent(session, UserRef("telegram", "1"))
        ali = record_consent(session, UserRef("telegram", "2"))
        kit = record_consent(session, UserRef("discord", "3"))
        session.flush()
        set_reminder(session, sam, "08:00", "UTC", "1")
        set_reminder(session, sam, "21:15", "Europe/Rome", "1")
        set_reminder(session, ali, "07:00", "UTC", "2")
        set_reminder(session, kit, "09:00", "UTC", "3")
        assert disable_reminder(session, ali) is True
        assert disable_reminder(session, ali) is False
    with database.unit_of_work() as session:
        listed = [(u.platform_id, r.local_time, r.timezone) for u, r in active_reminders(session, "telegram")]
        assert listed == [("1", "21:15", "Europe/Rome")]
        assert active_reminder(session, ali) is None
        set_reminder(session, ali, "06:30", "UTC", "2")
        assert active_reminder(session, ali).local_time == "06:30", "setting a time switches it back on"
    database.dispose()
