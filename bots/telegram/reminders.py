"""/remind: a daily check-in nudge at his time, in his time zone, kept across restarts.

Scheduling is the platform's job (PTB's JobQueue), so the adapter handles /remind itself; the
reminder is stored with the coach's data and scheduled again whenever the bot starts.
"""
from __future__ import annotations

import datetime as dt
import functools
import logging
import random
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo, available_timezones

from sqlalchemy.orm import Session
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import Forbidden
from telegram.ext import Application, ContextTypes, JobQueue

from bots.telegram.state import PLATFORM, coach_of
from coach.identity import UserRef
from coach.storage.models import User
from coach.storage.reminders import active_reminder, active_reminders, disable_reminder, set_reminder
from coach.storage.users import consented_user

logger = logging.getLogger(__name__)

OFF_WORDS = {"off", "stop", "none", "cancel", "no"}
TIME = re.compile(r"^(?P<hour>\d{1,2})(?:[:.h](?P<minute>\d{2}))?\s*(?P<half>am|pm)?(?:\s+(?P<zone>.+))?$",
                  re.IGNORECASE)

USAGE = ("I can nudge you once a day for a quick check-in. Tell me when, in your time zone:\n"
         "/remind 08:30 Europe/London\n/remind 9pm America/New_York\n/remind off stops it.")
NOT_A_TIME = "I couldn't read that as a time of day. "
CURRENT = "Your daily check-in reminder is set for {time} ({zone}). /remind off stops it."
SET = "Done. I'll nudge you every day at {time} ({zone}). /remind off stops it any time."
UTC_HINT = ("\n\nThat's UTC. To use your own time zone, add it: /remind {time} Europe/Berlin, "
            "or a city like /remind {time} Sydney.")
OFF = "Reminders are off. Turn them back on any time with /remind and a time."
WAS_OFF = "You had no reminder running, so nothing to stop. /remind 08:30 sets one."
BAD_ZONE = ("I don't know the time zone \"{zone}\". Try a region and city like Europe/London "
            "or America/Chicago, or just a city like Berlin.")
NEEDS_CONSENT = ("To remember a reminder I need your OK to store things first. "
                 "Type /start and I'll explain.")
NUDGES = ("Hey, it's check-in time. How are you doing today, really?",
          "Your daily check-in: two minutes to notice how you're doing. Ready?",
          "Quick pause. How's today landing for you?")
CHECK_IN = InlineKeyboardMarkup([[InlineKeyboardButton("Check in", callback_data="/checkin")]])


@dataclass(frozen=True)
class Schedule:
    local_time: str  # "HH:MM"
    zone: str | None  # an IANA name; None when he didn't give one


def parse(args: list[str]) -> Schedule | str | None:
    """`["8:30", "pm", "London"]` -> Schedule; `["off"]` -> "off"; None when it isn't a time."""
    text = " ".join(args).strip()
    if text.lower() in OFF_WORDS:
        return "off"
    match = TIME.match(text)
    if not match:
        return None
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    if match["half"]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match["half"].lower() == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return Schedule(f"{hour:02d}:{minute:02d}", match["zone"])


@functools.lru_cache(maxsize=1)
def _zones() -> dict[str, str]:
    """Lower-cased IANA names and bare city names ("new_york") -> the IANA name."""
    zones: dict[str, str] = {}
    for name in sorted(available_timezones(), reverse=True):  # "America/..." wins over "US/..."
        zones[name.rsplit("/", 1)[-1].lower()] = name
    zones.update({name.lower(): name for name in available_timezones()})
    return zones


def find_zone(typed: str) -> str | None:
    return _zones().get(typed.strip().replace(" ", "_").lower())


async def on_remind(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/remind HH:MM [time zone] sets his daily nudge; /remind off stops it; /remind alone explains."""
    chat_id, ref = update.effective_chat.id, UserRef(PLATFORM, str(update.effective_user.id))
    request = parse(context.args or [])
    database = coach_of(context.bot_data).services.database
    with database.unit_of_work() as session:
        user = consented_user(session, ref)
        if user is None:
            answer = NEEDS_CONSENT
        elif request == "off":
            answer = OFF if disable_reminder(session, user) else WAS_OFF
            unschedule(context.job_queue, ref.platform_id)
        elif request is None and context.args:
            answer = NOT_A_TIME + USAGE
        elif request is None:
            current = active_reminder(session, user)
            answer = CURRENT.format(time=current.local_time, zone=current.timezone) if current else USAGE
        else:
            answer = _remember(session, user, request, str(chat_id), context.job_queue)
    await context.bot.send_message(chat_id, answer)


def _remember(session: Session, user: User, request: Schedule, chat_id: str, job_queue: JobQueue) -> str:
    zone = find_zone(request.zone) if request.zone else user.timezone or "UTC"
    if zone is None:
        return BAD_ZONE.format(zone=request.zone[:40])
    if request.zone:
        user.timezone = zone
    set_reminder(session, user, request.local_time, zone, chat_id)
    schedule(job_queue, user.platform_id, chat_id, request.local_time, zone)
    answer = SET.format(time=request.local_time, zone=zone)
    return answer + (UTC_HINT.format(time=request.local_time) if zone == "UTC" and not request.zone else "")


def _job_name(user_id: str) -> str:
    return f"reminder:{user_id}"


def unschedule(job_queue: JobQueue, user_id: str) -> None:
    for job in job_queue.get_jobs_by_name(_job_name(user_id)):
        job.schedule_removal()


def schedule(job_queue: JobQueue, user_id: str, chat_id: str, local_time: str, zone: str) -> None:
    """One daily job per user: setting a new time replaces the old one."""
    unschedule(job_queue, user_id)
    hour, minute = (int(part) for part in local_time.split(":"))
    at = dt.time(hour, minute, tzinfo=ZoneInfo(zone))
    job_queue.run_daily(send_nudge, at, name=_job_name(user_id), chat_id=int(chat_id), user_id=int(user_id))


def schedule_saved(application: Application) -> int:
    """At startup: schedule every reminder that is switched on. Returns how many."""
    with coach_of(application.bot_data).services.database.unit_of_work() as session:
        saved = [(u.platform_id, r.chat_id, r.local_time, r.timezone) for u, r in active_reminders(session, PLATFORM)]
    for user_id, chat_id, local_time, zone in saved:
        schedule(application.job_queue, user_id, chat_id, local_time, zone)
    logger.info("scheduled %d telegram reminders", len(saved))
    return len(saved)


async def send_nudge(context: ContextTypes.DEFAULT_TYPE) -> None:
    """The daily nudge, with a button straight into a check-in. Stops if he opted out or left."""
    job = context.job
    ref = UserRef(PLATFORM, str(job.user_id))
    database = coach_of(context.bot_data).services.database
    with database.unit_of_work() as session:
        user = consented_user(session, ref)
        still_wanted = user is not None and active_reminder(session, user) is not None
    if not still_wanted:  # e.g. he used /forget: the row is gone, so the job goes too
        job.schedule_removal()
        return
    try:
        await context.bot.send_message(job.chat_id, random.choice(NUDGES), reply_markup=CHECK_IN)
    except Forbidden:  # he blocked the bot: stop trying
        with database.unit_of_work() as session:
            user = consented_user(session, ref)
            if user is not None:
                disable_reminder(session, user)
        job.schedule_removal()
