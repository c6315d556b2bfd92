"""Progress: a summary with his real numbers and a chart of mood and skills, as a PNG."""
from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from PIL import Image
from rasa_sdk.executor import CollectingDispatcher

from tests.helpers import texts, tracker_for

from coach.actions.progress import ActionProgress
from coach.identity import UserRef
from coach.progress import chart_path, draw_progress_chart
from coach.storage.models import CheckIn, PracticeResult, Reframe, SkillEvent
from coach.storage.progress import gather_progress
from coach.storage.users import find_user, record_consent

TODAY = date(2026, 11, 28)


def _at(days_ago: int, hour: int = 9) -> datetime:
    return datetime.combine(TODAY - timedelta(days=days_ago), datetime.min.time()).replace(hour=hour)


def seed_history(coach, ref: UserRef) -> None:
    """Five check-ins (the last three on consecutive days), 2 reframes, 2 practice runs, 3 skills."""
    with coach.services.database.unit_of_work() as session:
        user = record_consent(session, ref)
        session.flush()
        user.ladder_level = 3
        for days_ago, mood in [(9, 2), (6, 3), (2, 2), (1, 4), (0, 5)]:
            session.add(CheckIn(user_id=user.id, mood=mood, feeling="ok", created_at=_at(days_ago)))
        for n in range(2):
            session.add(Reframe(user_id=user.id, script="boys don't cry", norm="emotional_control",
                                reframe=f"reframe {n}"))
        for score in (60, 80):
            session.add(PracticeResult(user_id=user.id, scenario="awful_day", skill="listening",
                                       score=score, labels=["reflection"]))
        for skill in ("listening", "provider", "listening"):
            session.add(SkillEvent(user_id=user.id, skill=skill))


def assert_valid_png(path: str | Path) -> None:
    path = Path(path)
    assert path.exists() and path.stat().st_size > 10_000, "a real chart, not an empty file"
    with Image.open(path) as image:
        image.verify()
    with Image.open(path) as image:
        assert image.format == "PNG" and image.size[0] >= 600 and image.size[1] >= 400
        assert len(set(image.convert("RGB").getdata())) > 10, "something is drawn on it"


def test_chart_is_a_png_that_pillow_opens(tmp_path):
    moods = [(_at(d), m) for d, m in [(5, 1), (3, 3), (0, 5)]]
    path = draw_progress_chart(moods, {"listening": 2, "practice: listening": 1}, tmp_path / "c" / "me.png")
    assert_valid_png(path)


def test_an_empty_history_still_draws_a_chart(tmp_path):
    assert_valid_png(draw_progress_chart([], {}, tmp_path / "empty.png"))


def test_each_user_gets_his_own_file_without_his_id_in_the_name(tmp_path):
    first, second = chart_path(tmp_path, "telegram:123"), chart_path(tmp_path, "discord:123")
    assert first != second and "123" not in first.name and first.parent == tmp_path


def test_a_chart_can_be_removed_for_forget(tmp_path):
    from coach.progress import remove_chart

    path = draw_progress_chart([], {}, chart_path(tmp_path, "test:forget-me"))
    remove_chart(tmp_path, "test:forget-me")
    assert not path.exists()
    remove_chart(tmp_path, "test:forget-me")  # nothing left to remove is fine


def test_gathering_counts_his_real_history(coach):
    ref = UserRef("test", "progress-gather")
    seed_history(coach, ref)
    with coach.services.database.unit_of_work() as session:
        progress = gather_progress(session, find_user(session, ref), TODAY)
    assert (progress.checkins, progress.streak, progress.ladder_level) == (5, 3, 3)
    assert (progress.reframes, progress.practice_runs, progress.practice_average) == (2, 2, 70)
    assert [mood for _, mood in progress.moods] == [2, 3, 2, 4, 5], "oldest first"
    assert progress.skills == {"listening": 2, "provider": 1, "practice: listening": 2}


async def test_progress_shows_his_numbers_and_sends_the_chart(say, consented, coach, user):
    await consented()
    seed_history(coach, user)
    coach.services.clock = lambda: datetime.combine(TODAY, datetime.min.time()).replace(hour=20)
    try:
        turn = await say("show me my progress")
    finally:
        from coach.storage.models import utcnow
        coach.services.clock = utcnow
    assert turn.intent == "progress"
    summary = texts(turn)
    assert "Check-ins: 5 (3 days in a row)" in summary
    assert "level 3" in summary and "Reframes written: 2" in summary
    assert "2 runs, average score 70" in summary
    assert "listening x2" in summary and "provider x1" in summary and "practice: listening x2" in summary
    images = [r.image for r in turn.replies if r.image]
    assert len(images) == 1
    assert_valid_png(images[0])
    assert Path(images[0]).parent == coach.services.settings.charts_dir


async def test_a_new_user_gets_a_nudge_instead_of_an_empty_chart(say, consented):
    await consented()
    turn = await say("/progress")
    assert "Nothing to show yet" in texts(turn)
    assert not any(r.image for r in turn.replies)


async def test_progress_mid_flow_ends_the_flow(say, consented):
    await consented()
    await say("/provider")
    turn = await say("/progress")
    assert turn.flow is None
    turn = await say("/provider")
    assert turn.flow == "provider" and "money" in [b.payload for r in turn.replies for b in r.buttons]


async def test_without_consent_nothing_is_kept_and_it_says_so(coach):
    tracker = tracker_for("test:progress-none")
    dispatcher = CollectingDispatcher()
    await ActionProgress(coach.services).run(dispatcher, tracker, {})
    assert "haven't said it's OK to store" in dispatcher.messages[0]["text"]
    assert not any(m.get("image") for m in dispatcher.messages)


async def test_forget_deletes_his_progress_chart_too(say, consented, coach, user):
    await consented()
    for message in ("/checkin", "4", "hopeful"):
        await say(message)
    turn = await say("/progress")
    chart = Path(next(r.image for r in turn.replies if r.image))
    assert chart.exists() and chart == chart_path(coach.services.settings.charts_dir, user.sender_id)
    turn = await say("/forget")
    yes = next(b.payload for r in turn.replies for b in r.buttons if b.title.startswith("Yes"))
    await say(yes)
    assert not chart.exists()
