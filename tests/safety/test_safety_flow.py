"""The safety flow after a crisis response: the plan offer, the plan itself, and the check-in
that follows a "no" (or silence on the offer) at his next message."""
from __future__ import annotations

from sqlalchemy import select

from coach.storage.models import CrisisEvent, SafetyPlan, User
from tests.helpers import payloads, texts

CRISIS = "honestly I want to kill myself"
PLAN = ["I stop sleeping and drink alone", "a run, cold shower", "my daughter", "my brother Tom 07700 900123"]


def stored_plan(coach, user):
    with coach.services.database.unit_of_work() as session:
        return session.scalars(select(SafetyPlan).join(User).where(User.platform_id == user.platform_id)).first()


async def test_the_crisis_response_offers_a_safety_plan(say, consented):
    await consented("AU")
    turn = await say(CRISIS)
    assert turn.flow == "safety"
    said = texts(turn)
    assert "13 11 14" in said and "1300 78 99 78" in said and "000" in said
    assert "breathe" in said.lower() or "feet on the floor" in said
    assert "safety plan" in said
    assert "/start_safety_plan" in payloads(turn)


async def test_yes_builds_a_plan_that_is_stored_and_shown_again(say, consented, coach, user):
    await consented("GB")
    await say(CRISIS)
    turn = await say("yes")
    assert turn.flow == "safety"
    assert "1 of 4" in texts(turn) or "getting dark" in texts(turn)
    for answer in PLAN[:-1]:
        turn = await say(answer)
        assert turn.flow == "safety"
    turn = await say(PLAN[-1])
    assert turn.flow is None
    assert "my daughter" in texts(turn) and "116 123" in texts(turn)
    plan = stored_plan(coach, user)
    assert (plan.warning_signs, plan.things_that_help, plan.reasons, plan.contacts) == tuple(PLAN)
    turn = await say("/safetyplan")
    assert turn.intent == "show_safety_plan"
    assert "I stop sleeping and drink alone" in texts(turn)
    assert "Samaritans" in texts(turn)
    turn = await say("I'm ok, let's do a check in")
    assert turn.flow == "checkin", "a finished plan ends the safety flow"


async def test_no_to_the_plan_gets_a_check_in_then_he_carries_on(say, consented):
    await consented("US")
    await say(CRISIS)
    turn = await say("no")
    assert "how are you" in texts(turn).lower() or "holding up" in texts(turn)
    assert turn.flow == "safety"
    assert "/crisis" in payloads(turn) and "/affirm" in payloads(turn)
    turn = await say("/affirm")
    assert "glad" in texts(turn).lower() or "good to hear" in texts(turn)
    assert turn.flow is None
    turn = await say("/checkin")
    assert turn.flow == "checkin"


async def test_ignoring_the_offer_still_gets_a_check_in_first(say, consented):
    await consented("US")
    await say(CRISIS)
    turn = await say("/checkin")
    assert turn.flow == "safety"
    assert "how are you" in texts(turn).lower() or "holding up" in texts(turn)
    turn = await say("meh, not great")
    assert "lines I gave you" in texts(turn)
    assert "/checkin" in payloads(turn), "he gets the menu back"
    assert (await say("/checkin")).flow == "checkin"


async def test_still_struggling_shows_the_lines_again(say, consented, coach, user):
    await consented("US")
    await say(CRISIS)
    await say("not now")
    turn = await say("/crisis")
    assert turn.intent == "crisis"
    assert "988" in texts(turn)
    with coach.services.database.unit_of_work() as session:
        events = session.scalars(select(CrisisEvent).join(User).where(User.platform_id == user.platform_id)).all()
    assert len(events) == 2


async def test_stopping_the_plan_midway_still_gets_a_check_in(say, consented):
    await consented("GB")
    await say(CRISIS)
    await say("/start_safety_plan")
    await say("no sleep")
    turn = await say("stop")
    assert turn.flow is None
    turn = await say("hi")
    assert "how are you" in texts(turn).lower() or "holding up" in texts(turn)


async def test_a_crisis_in_the_middle_of_the_plan_gets_the_lines(say, consented):
    await consented("CA")
    await say("/safetyplan")
    await say("/start_safety_plan")
    turn = await say("I want to die")
    assert turn.intent == "crisis" and "988" in texts(turn)


async def test_without_consent_the_plan_is_shown_but_not_stored(say, coach, user):
    await say("hi")
    await say("no thanks")
    turn = await say(CRISIS)
    assert "findahelpline.com" in texts(turn)
    await say("/start_safety_plan")
    for answer in PLAN:
        turn = await say(answer)
    assert "my daughter" in texts(turn) and "screenshot" in texts(turn)
    assert stored_plan(coach, user) is None
    with coach.services.database.unit_of_work() as session:
        assert session.scalars(select(User).where(User.platform_id == user.platform_id)).first() is None


async def test_safetyplan_without_a_plan_offers_to_make_one(say, consented):
    await consented()
    turn = await say("/safetyplan")
    assert "don't have a safety plan yet" in texts(turn)
    assert payloads(turn) == ["/start_safety_plan"]


async def test_skip_moves_on(say, consented, coach, user):
    await consented()
    await say("/safetyplan")
    await say("/start_safety_plan")
    for answer in ["skip", "music", "my kids", "skip"]:
        await say(answer)
    plan = stored_plan(coach, user)
    assert (plan.warning_signs, plan.things_that_help, plan.contacts) == ("(skipped)", "music", "(skipped)")


async def test_country_can_change_any_time_and_the_lines_follow(say, consented):
    await consented("US")
    await say("/country new zealand")
    turn = await say("i want to end it all")
    assert "1737" in texts(turn) and "111" in texts(turn)


async def test_a_crisis_as_first_message_still_lets_him_consent(say, coach, user):
    turn = await say("i want to kms")
    assert "findahelpline.com" in texts(turn) and "/give_consent" in payloads(turn)
    turn = await say("/give_consent")
    assert "which country" in texts(turn).lower()
    with coach.services.database.unit_of_work() as session:
        assert session.scalars(select(User).where(User.platform_id == user.platform_id)).one().consented_at
    turn = await say("/set_country{\"country\": \"IE\"}")
    turn = await say("whatever")
    assert "how are you" in texts(turn).lower() or "holding up" in texts(turn)
