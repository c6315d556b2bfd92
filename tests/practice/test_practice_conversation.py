"""Practice mode through the Coach facade: what he sees, how the scenario branches, what is stored."""
from __future__ import annotations

from sqlalchemy import select

from coach.practice.scenarios import library
from coach.storage.models import PracticeResult, SkillEvent, User
from tests.helpers import payloads, texts

AWFUL_DAY = '/start_practice{"scenario": "awful_day"}'


def stored_results(coach, user) -> list[PracticeResult]:
    with coach.services.database.unit_of_work() as session:
        query = select(PracticeResult).join(User).where(User.platform_id == user.platform_id)
        results = list(session.scalars(query))
        session.expunge_all()
        return results


async def test_practice_offers_every_scenario_and_a_random_one(say, consented):
    await consented()
    turn = await say("/practice")
    assert turn.flow == "practice"
    assert "didn't catch" not in texts(turn)
    offered = payloads(turn)
    assert all(f'/start_practice{{"scenario": "{sid}"}}' in offered for sid in library())
    assert '/start_practice{"scenario": "random"}' in offered


async def test_a_full_listening_scenario_grades_branches_and_stores_the_result(say, consented, coach, user):
    await consented()
    await say("/practice")
    turn = await say(AWFUL_DAY)
    assert "manager tore into me" in texts(turn)

    turn = await say("you should just go to hr tomorrow")
    assert "(That was advice.)" in texts(turn)
    assert "That sounds humiliating" in texts(turn), "a weak reply gets one better phrasing"
    assert "I just need you to hear me" in texts(turn), "the scenario branched on advice"
    assert turn.flow == "practice"

    turn = await say("that sounds really humiliating babe")
    assert "put her feeling into words" in texts(turn) or "feeling makes sense" in texts(turn)
    assert "Score: 50/100" in texts(turn)
    assert "listening before fixing" in texts(turn), "the summary names the skill to work on"
    assert AWFUL_DAY in payloads(turn), "try again"
    assert turn.flow is None

    [result] = stored_results(coach, user)
    assert (result.scenario, result.skill, result.score) == ("awful_day", "listening", 50)
    assert result.labels[0] == "advice" and result.labels[1] in ("reflection", "validation")
    turn = await say("hi")
    assert "Last practice: \u201cShe had an awful day at work\u201d, 50/100." in texts(turn)


async def test_a_disclosing_scenario_from_typed_choice(say, consented, coach, user):
    await consented()
    await say("/practice")
    turn = await say("the one where she asks what's wrong")
    assert "What's wrong?" in texts(turn)
    turn = await say("nothing, i'm fine")
    assert "(That was deflecting.)" in texts(turn)
    assert "hardly looked at me" in texts(turn)
    turn = await say("honestly i feel really low, work got to me today")
    assert "(That was naming a feeling.)" in texts(turn)
    assert "Score: 50/100" in texts(turn)
    assert "staying in the conversation" in texts(turn)
    assert [r.labels for r in stored_results(coach, user)] == [["deflecting", "feeling_named"]]


async def test_try_again_replays_the_same_scenario(say, consented):
    await consented()
    await say("/practice")
    await say(AWFUL_DAY)
    await say("that sounds awful")
    turn = await say("what happened?")
    assert AWFUL_DAY in payloads(turn)
    turn = await say(AWFUL_DAY)
    assert "manager tore into me" in texts(turn)
    assert turn.flow == "practice"


async def test_stop_leaves_practice_and_stores_nothing(say, consented, coach, user):
    await consented()
    await say("/practice")
    await say(AWFUL_DAY)
    turn = await say("stop")
    assert turn.flow is None
    assert "leave it there" in texts(turn) or "stopping here" in texts(turn).lower()
    assert stored_results(coach, user) == []


async def test_switching_to_a_checkin_mid_scenario(say, consented):
    await consented()
    await say("/practice")
    await say(AWFUL_DAY)
    turn = await say("/checkin")
    assert turn.flow == "checkin"
    assert payloads(turn) == ["1", "2", "3", "4", "5"]


async def test_crisis_language_mid_scenario_gets_resources(say, consented):
    await consented("US")
    await say("/practice")
    await say(AWFUL_DAY)
    turn = await say("i want to kill myself")
    assert turn.flow == "safety"
    assert "988" in turn.replies[0].text


async def test_without_consent_practice_works_but_nothing_is_stored(say, coach, user):
    await say("hi")
    await say("/decline_consent")
    await say("/practice")
    await say(AWFUL_DAY)
    await say("that sounds awful")
    turn = await say("what happened?")
    assert "Not saved" in texts(turn)
    assert stored_results(coach, user) == []


async def test_a_reply_full_of_stop_words_is_graded_not_taken_as_stop(say, consented):
    await consented()
    await say("/practice")
    await say(AWFUL_DAY)
    turn = await say("just forget about it, it doesn't matter")
    assert turn.flow == "practice"
    assert "(That was minimizing.)" in texts(turn)
    assert "It's not nothing to me" in texts(turn)


async def test_help_mid_scenario_shows_the_menu(say, consented):
    await consented()
    await say("/practice")
    await say(AWFUL_DAY)
    turn = await say("/help")
    assert "/practice" in payloads(turn) and "/checkin" in payloads(turn)


async def test_progress_lines_per_skill(say, consented, coach, user):
    from coach.practice.progress import practice_progress
    from coach.storage.practice import add_practice_result
    from coach.storage.users import consented_user

    await consented()
    with coach.services.database.unit_of_work() as session:
        stored = consented_user(session, user)
        add_practice_result(session, stored, "awful_day", "listening", 50, ["advice", "reflection"])
        add_practice_result(session, stored, "money_worry", "listening", 100, ["validation", "reflection"])
        add_practice_result(session, stored, "whats_wrong", "disclosing", 25, ["deflecting", "fact_only"])
    with coach.services.database.unit_of_work() as session:
        lines = practice_progress(session, consented_user(session, user))
        events = session.scalars(select(SkillEvent).join(User).where(User.platform_id == user.platform_id))
        assert sorted(e.detail for e in events) == ["practice:awful_day", "practice:money_worry",
                                                    "practice:whats_wrong"]
    assert lines == ["Disclosing: 1 scenario, latest 25/100, best 25/100",
                     "Listening: 2 scenarios, latest 100/100, best 100/100"]


async def test_an_unknown_scenario_name_asks_again(say, consented):
    await consented()
    await say("/practice")
    turn = await say("purple monkey dishwasher")
    assert "didn't catch which one" in texts(turn)
    assert turn.flow == "practice"
    turn = await say("the money one")
    assert "card bill came in" in texts(turn)
