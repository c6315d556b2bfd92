"""Naming feelings: the wheel, the drill-down conversation, the body, and what gets stored."""
from __future__ import annotations

import pytest
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select

from coach.actions.feelings import ActionAskFeelingWord, ValidateFeelingsForm
from coach.feelings import body_place, default_wheel
from coach.storage.models import CheckIn, SkillEvent, User
from tests.coach.trackers import form_domain, form_tracker
from tests.helpers import payloads, texts

FEELINGS_DOMAIN = form_domain("feelings_form", ["feeling_word", "feeling_body"], ["feeling_core", "feeling_rough"])


@pytest.mark.parametrize("said, word, core, specific", [
    ("I feel off", "off", None, False),
    ("kinda pissed off", "pissed off", "angry", False),
    ("like a failure tbh", "like a failure", "ashamed", True),
    ("not good enough", "not good enough", "ashamed", True),
    ("I\u2019m RESENTFUL", "resentful", "angry", True),
    ("not happy", "not happy", "sad", False),
    ("not really happy", "not happy", None, False),
    ("honestly not calm at all", "not calm", None, False),
])
def test_free_text_lands_on_the_wheel(said, word, core, specific):
    named = default_wheel().name(said)
    assert (named.word, named.core, named.specific) == (word, core, specific)


def test_the_wheel_has_six_families_and_forty_specific_feelings():
    wheel = default_wheel()
    assert len(wheel.cores()) == 6
    assert sum(len(wheel.specifics(core)) for core in wheel.cores()) >= 40


@pytest.mark.parametrize("said, place", [("a knot in my gut", "stomach"), ("tight chest", "chest"),
                                         ("no idea really", "not sure"), ("purple", None)])
def test_body_places(said, place):
    assert body_place(said) == place


async def test_validation_moves_a_rough_word_into_its_family():
    tracker = form_tracker("test:validate", text="kinda pissed off", active_loop="feelings_form",
                          slot_events={"feeling_word": "kinda pissed off"})
    dispatcher = CollectingDispatcher()
    events = await ValidateFeelingsForm().run(dispatcher, tracker, FEELINGS_DOMAIN)
    assert events == [SlotSet("feeling_word", None), SlotSet("feeling_core", "angry"),
                      SlotSet("feeling_rough", "pissed off")]


async def test_asking_inside_a_family_offers_its_specific_feelings():
    tracker = form_tracker("test:ask", slots={"feeling_core": "angry", "feeling_rough": "pissed off"})
    dispatcher = CollectingDispatcher()
    await ActionAskFeelingWord().run(dispatcher, tracker, {})
    [message] = dispatcher.messages
    assert "pissed off" in message["text"]
    offered = [b["payload"] for b in message["buttons"]]
    assert {"frustrated", "resentful", "fed up"} <= set(offered)
    assert offered[-1] == "none of these"


async def test_drill_down_from_slang_to_a_specific_feeling_and_the_body(say, consented, coach, user):
    await consented()
    turn = await say("/feelings")
    assert turn.flow == "feelings"
    assert "name it to tame it" in texts(turn).lower()
    assert {"sad", "angry", "scared", "ashamed", "happy", "calm"} <= set(payloads(turn))
    turn = await say("kinda pissed off")
    assert "pissed off" in texts(turn) and "angry" in texts(turn)
    assert "resentful" in payloads(turn)
    turn = await say("resentful")
    assert "body" in texts(turn).lower() and "chest" in payloads(turn)
    turn = await say("a knot in my gut")
    assert turn.flow is None
    assert "stomach" in texts(turn) and "resentful" in texts(turn).lower()
    with coach.services.database.unit_of_work() as session:
        stored = session.scalars(select(CheckIn).join(User).where(User.platform_id == user.platform_id)).one()
        assert (stored.mood, stored.feeling, stored.core_feeling, stored.body) == (None, "resentful", "angry", "stomach")
        skill = session.scalars(select(SkillEvent).join(User).where(User.platform_id == user.platform_id)).one()
        assert (skill.skill, skill.detail) == ("feelings", "resentful")


async def test_a_vague_feeling_is_narrowed_down_through_the_families(say, consented):
    await consented()
    await say("/feelings")
    turn = await say("I feel off")
    assert "\"off\"" in texts(turn)
    assert set(payloads(turn)) == {"sad", "angry", "scared", "ashamed", "happy", "calm"}
    turn = await say("scared")
    assert "anxious" in payloads(turn)
    turn = await say("none of these")
    assert "scared" in texts(turn) and "body" in texts(turn).lower()
    turn = await say("not sure")
    assert "ten-second scan" in texts(turn)


async def test_his_own_word_inside_a_family_is_accepted(say, consented, coach, user):
    await consented()
    await say("/feelings")
    await say("sad")
    turn = await say("betrayed")
    assert "betrayed" in texts(turn)
    await say("throat")
    with coach.services.database.unit_of_work() as session:
        stored = session.scalars(select(CheckIn).join(User).where(User.platform_id == user.platform_id)).one()
        assert (stored.feeling, stored.core_feeling, stored.body) == ("betrayed", "sad", "throat")


async def test_stop_mid_flow_stores_nothing_and_coming_back_starts_fresh(say, consented, coach, user):
    await consented()
    await say("/feelings")
    await say("angry")
    turn = await say("not now")
    assert turn.flow is None
    assert "stopping here" in texts(turn).lower() or "leave it there" in texts(turn)
    turn = await say("help me name what I'm feeling")
    assert turn.flow == "feelings"
    assert "frustrated" not in payloads(turn), "the old drill-down is gone"
    with coach.services.database.unit_of_work() as session:
        assert session.scalars(select(CheckIn).join(User).where(User.platform_id == user.platform_id)).first() is None


async def test_switching_topic_mid_flow_starts_the_other_flow(say, consented):
    await consented()
    await say("/feelings")
    await say("angry")
    turn = await say("/reframe")
    assert turn.flow == "reframe"
    assert "Boys don't cry" in payloads(turn)


async def test_without_consent_nothing_is_stored_but_the_exercise_works(say, coach, user):
    await say("hi")
    await say("no thanks")
    await say("/feelings")
    await say("frustrated")
    turn = await say("jaw")
    assert "jaw" in texts(turn) and "haven't saved" in texts(turn)
    with coach.services.database.unit_of_work() as session:
        assert session.scalars(select(User).where(User.platform_id == user.platform_id)).first() is None


async def test_a_heavy_feeling_gets_a_word_about_support_and_not_knowing_is_met_kindly(say, consented):
    await consented()
    await say("/feelings")
    turn = await say("dunno")
    assert "Not knowing" in texts(turn) or "hard to read" in texts(turn)
    await say("sad")
    await say("hopeless")
    turn = await say("chest")
    assert "GP or a counsellor" in texts(turn)
