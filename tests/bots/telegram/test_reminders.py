"""/remind: stored, scheduled on PTB's JobQueue, nudging into a check-in, and kept across restarts."""
from __future__ import annotations

import io
from zoneinfo import ZoneInfo

from coach.identity import UserRef
from coach.storage.models import Reminder
from coach.storage.users import find_user
from tests.bots.telegram.conftest import texts, titles
from tests.bots.telegram.test_conversation import onboard


def saved_reminder(coach, tg_user: int) -> Reminder | None:
    with coach.services.database.unit_of_work() as session:
        user = find_user(session, UserRef("telegram", str(tg_user)))
        return session.get(Reminder, user.id) if user else None


def reminder_jobs(bot, tg_user: int):
    return bot.application.job_queue.get_jobs_by_name(f"reminder:{tg_user}")


async def test_remind_needs_consent_and_stores_nothing_without_it(telegram, tg_user, coach):
    calls = await telegram.say(tg_user, "/remind 08:30 Europe/London")
    assert "need your OK" in texts(calls)
    assert saved_reminder(coach, tg_user) is None
    assert reminder_jobs(telegram, tg_user) == ()


async def test_remind_stores_the_time_and_schedules_a_daily_job_in_his_zone(telegram, tg_user, coach):
    await onboard(telegram, tg_user)
    calls = await telegram.say(tg_user, "/remind 8:30 London")
    assert "08:30 (Europe/London)" in texts(calls)
    stored = saved_reminder(coach, tg_user)
    assert (stored.local_time, stored.timezone, stored.enabled, stored.chat_id) == (
        "08:30", "Europe/London", True, str(tg_user))
    [job] = reminder_jobs(telegram, tg_user)
    assert job.next_t.astimezone(ZoneInfo("Europe/London")).strftime("%H:%M") == "08:30"


async def test_remind_without_a_zone_uses_utc_and_says_so(telegram, tg_user, coach):
    await onboard(telegram, tg_user)
    calls = await telegram.say(tg_user, "/remind 9pm")
    assert "21:00 (UTC)" in texts(calls) and "your own time zone" in texts(calls)
    assert saved_reminder(coach, tg_user).timezone == "UTC"


async def test_an_unknown_zone_or_time_is_explained_and_nothing_stored(telegram, tg_user, coach):
    await onboard(telegram, tg_user)
    assert "don't know the time zone" in texts(await telegram.say(tg_user, "/remind 08:30 Narnia"))
    assert "couldn't read that as a time" in texts(await telegram.say(tg_user, "/remind 25:99"))
    assert saved_reminder(coach, tg_user) is None


async def test_the_nudge_offers_a_check_in_button_that_starts_the_check_in(telegram, tg_user):
    await onboard(telegram, tg_user)
    await telegram.say(tg_user, "/remind 07:15 Europe/Berlin")
    start = len(telegram.api.calls)
    await reminder_jobs(telegram, tg_user)[0].run(telegram.application)
    [nudge] = telegram.api.calls[start:]
    assert nudge.params["chat_id"] == tg_user
    assert [(b["text"], b["callback_data"]) for b in nudge.buttons] == [("Check in", "/checkin")]
    calls = await telegram.press(tg_user, [nudge], "Check in")
    assert titles(calls) == ["1", "2", "3", "4", "5"]


async def test_remind_off_stops_the_job_and_keeps_it_off(telegram, tg_user, coach):
    await onboard(telegram, tg_user)
    await telegram.say(tg_user, "/remind 07:00 Europe/Paris")
    calls = await telegram.say(tg_user, "/remind off")
    assert "Reminders are off" in texts(calls)
    assert saved_reminder(coach, tg_user).enabled is False
    assert reminder_jobs(telegram, tg_user) == ()
    assert "nothing to stop" in texts(await telegram.say(tg_user, "/remind off"))


async def test_a_nudge_for_a_user_who_was_deleted_is_not_sent_and_the_job_ends(telegram, tg_user, coach):
    await onboard(telegram, tg_user)
    await telegram.say(tg_user, "/remind 07:00 UTC")
    with coach.services.database.unit_of_work() as session:
        session.delete(find_user(session, UserRef("telegram", str(tg_user))))
    start = len(telegram.api.calls)
    await reminder_jobs(telegram, tg_user)[0].run(telegram.application)
    assert telegram.api.calls[start:] == []
    assert reminder_jobs(telegram, tg_user) == ()


async def test_a_restart_keeps_the_conversation_and_the_reminder(make_bot, coach, settings, tg_user):
    from coach.bootstrap import build_coach

    async with make_bot(coach).running() as first:
        await onboard(first, tg_user)
        await first.say(tg_user, "/remind 18:45 America/New_York")
        calls = await first.say(tg_user, "/checkin")
        await first.press(tg_user, calls, "3")
    fresh_coach = await build_coach(settings, out=io.StringIO())
    try:
        async with make_bot(fresh_coach).running() as second:
            [job] = reminder_jobs(second, tg_user)
            assert job.next_t.astimezone(ZoneInfo("America/New_York")).strftime("%H:%M") == "18:45"
            calls = await second.say(tg_user, "angry")
            assert "angry" in texts(calls), "the check-in continued where it left off"
    finally:
        await fresh_coach.close()
