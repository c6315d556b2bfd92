"""Conversations through the Coach facade: what the coach says and what it stores."""
from __future__ import annotations

from tests.helpers import payloads, texts

from sqlalchemy import select, text

from coach.storage.models import CheckIn, User


async def test_first_contact_explains_confide_and_asks_consent(say):
    turn = await say("hi")
    assert "coach, not therapy" in texts(turn)
    assert {"/give_consent", "/decline_consent"} <= set(payloads(turn))
    assert "Whenever you're ready" not in texts(turn), "the consent question is asked once, not twice"
    turn = await say("hello?")
    assert "Whenever you're ready" in texts(turn)


async def test_consent_by_typing_yes_records_the_user_and_asks_country(say, coach, user):
    await say("hello")
    turn = await say("yes")
    assert "which country" in texts(turn).lower()
    with coach.services.database.unit_of_work() as session:
        stored = session.scalars(select(User).where(User.platform_id == user.platform_id)).one()
        assert stored.consented_at is not None


async def test_declining_stores_nothing_but_still_explains(say, coach, user):
    await say("hi")
    turn = await say("no thanks")
    assert "Nothing about you is stored" in texts(turn)
    turn = await say("what is confide")
    assert "coach" in texts(turn)
    with coach.services.database.unit_of_work() as session:
        assert session.scalars(select(User).where(User.platform_id == user.platform_id)).first() is None
    with coach.services.database.engine.connect() as connection:
        rows = connection.execute(text("select count(*) from events where sender_id = :id"),
                                  {"id": user.sender_id}).scalar()
    assert rows == 0


async def test_checkin_reflects_the_feeling_and_stores_a_dated_checkin(say, consented, coach, user):
    await consented()
    turn = await say("let's do a check in")
    assert turn.flow == "checkin"
    assert payloads(turn) == ["1", "2", "3", "4", "5"]
    turn = await say("2")
    assert "one word" in texts(turn).lower()
    turn = await say("kinda pissed off")
    assert "pissed off" in texts(turn)
    assert turn.flow is None
    with coach.services.database.unit_of_work() as session:
        stored = session.scalars(select(CheckIn).join(User).where(User.platform_id == user.platform_id)).one()
        assert (stored.mood, stored.feeling, stored.core_feeling) == (2, "pissed off", "angry")
        assert stored.created_at is not None


async def test_checkin_asks_again_when_mood_is_not_a_number(say, consented):
    await consented()
    await say("/checkin")
    turn = await say("purple")
    assert "didn't catch a number" in texts(turn)
    assert (await say("4")).flow == "checkin"


async def test_stop_leaves_the_checkin(say, consented):
    await consented()
    await say("/checkin")
    turn = await say("stop")
    assert turn.flow is None
    assert "leave it there" in texts(turn) or "stopping here" in texts(turn).lower()


def asks_mood(turn) -> bool:
    return "how's today been" in texts(turn) or "where are you today" in texts(turn)


async def test_goodbye_ends_a_checkin_instead_of_asking_it_again(say, consented):
    await consented()
    await say("/checkin")
    turn = await say("bye")
    assert turn.intent == "goodbye"
    assert turn.flow is None
    assert not asks_mood(turn)
    assert not asks_mood(await say("hi"))


async def test_forget_mid_checkin_asks_only_about_deleting(say, consented):
    await consented()
    await say("/checkin")
    turn = await say("/forget")
    assert turn.flow is None
    assert "Delete everything?" in texts(turn) and not asks_mood(turn)
    turn = await say("yes")
    assert "only delete on the button" in texts(turn)


async def test_help_offers_buttons(say, consented):
    await consented()
    turn = await say("what can you do")
    assert "/checkin" in payloads(turn)


async def test_gibberish_gets_a_clarifying_question_with_options(say, consented):
    await consented()
    turn = await say("zxqv blorp")
    assert turn.intent == "nlu_fallback"
    assert payloads(turn), "a clarifying question always offers a way forward"


async def test_goodbye(say, consented):
    await consented()
    turn = await say("bye")
    assert turn.intent == "goodbye"
    assert texts(turn)


async def test_crisis_language_gets_resources_for_his_country_first(say, consented):
    await consented("US")
    await say("/checkin")
    turn = await say("honestly I want to kill myself")
    assert turn.intent == "crisis"
    assert turn.flow == "safety"
    assert "988" in turn.replies[0].text
    assert "911" in turn.replies[0].text


async def test_a_returning_user_is_remembered_after_a_restart(settings, user):
    from coach.bootstrap import build_coach

    first = await build_coach(settings)
    await first.respond(user, "hi")
    await first.respond(user, "/give_consent")
    await first.respond(user, "/checkin")
    await first.respond(user, "3")
    await first.close()
    second = await build_coach(settings)
    turn = await second.respond(user, "angry")
    await second.close()
    assert "angry" in texts(turn), "the check-in continued where it left off"


async def test_a_checkin_never_traps_him(say, consented):
    await consented()
    await say("/checkin")
    turn = await say("/provider")
    assert turn.flow == "provider"
    await say("/checkin")
    turn = await say("stop")
    assert turn.flow is None and "checkin_mood" not in texts(turn)
    turn = await say("/checkin")
    assert payloads(turn) == ["1", "2", "3", "4", "5"], "coming back starts the check-in afresh"
