"""Reframing "man up" scripts: recognising the norm, origin and cost, his own rewrite, and the list."""
from __future__ import annotations

import pytest
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select

from coach.actions.reframe import ActionAskReframeText, ValidateReframeForm
from coach.norms import classify, norms
from coach.storage.models import Reframe, SkillEvent, User
from tests.coach.trackers import form_domain, form_tracker
from tests.helpers import payloads, texts

REFRAME_DOMAIN = form_domain("reframe_form", ["reframe_script", "reframe_norm", "reframe_origin", "reframe_cost",
                                              "reframe_text"], ["reframe_example"])


@pytest.mark.parametrize("script, norm", [
    ("Boys don't cry", "emotional_control"),
    ("my dad said never let them see you cry", "emotional_control"),
    ("A man handles it alone", "self_reliance"),
    ("stop whining and deal with it yourself", "self_reliance"),
    ("MAN UP", "toughness"),
    ("don\u2019t be soft", "toughness"),
    ("if you're not earning you're nothing", "provider"),
    ("A real man provides for his family", "provider"),
    ("never let her win an argument", "winning_dominance"),
    ("second place is first loser", "winning_dominance"),
])
def test_scripts_are_recognised_by_their_norm(script, norm):
    assert classify(script).key == norm


@pytest.mark.parametrize("script", ["whatever", "my family comes first, stop crying", ""])
def test_unclear_or_mixed_scripts_are_left_for_him_to_choose(script):
    assert classify(script) is None


def test_every_norm_offers_common_scripts_and_example_reframes():
    assert set(norms()) == {"emotional_control", "self_reliance", "toughness", "provider", "winning_dominance"}
    assert all(n.scripts and n.reframes for n in norms().values())


async def test_a_recognised_script_sets_its_norm_and_says_so():
    tracker = form_tracker("test:x", text="suck it up", active_loop="reframe_form",
                          slot_events={"reframe_script": "suck it up"})
    dispatcher = CollectingDispatcher()
    events = await ValidateReframeForm().run(dispatcher, tracker, REFRAME_DOMAIN)
    assert events == [SlotSet("reframe_script", "suck it up"), SlotSet("reframe_norm", "toughness")]
    assert "toughness" in dispatcher.messages[0]["text"]


async def test_the_rewrite_prompt_offers_an_example_for_his_norm():
    tracker = form_tracker("test:x", slots={"reframe_norm": "provider"})
    dispatcher = CollectingDispatcher()
    events = await ActionAskReframeText().run(dispatcher, tracker, {})
    [example] = [e["value"] for e in events if e["name"] == "reframe_example"]
    assert example in norms()["provider"].reframes
    assert example in dispatcher.messages[0]["text"] and "own words" in dispatcher.messages[0]["text"]


async def test_reframing_a_picked_script_end_to_end(say, consented, coach, user):
    await consented()
    turn = await say("/reframe")
    assert turn.flow == "reframe"
    assert "Boys don't cry" in payloads(turn)
    turn = await say("Boys don't cry")
    assert "emotional control" in texts(turn) and "Boys don't cry" in texts(turn)
    turn = await say("my dad, and the rugby lads")
    assert "cost" in texts(turn)
    turn = await say("I can't cry in front of her and she thinks I don't care")
    assert "own words" in texts(turn) and "For example" in texts(turn)
    turn = await say("Crying in front of her is trust, not weakness")
    assert turn.flow is None
    assert "Crying in front of her is trust, not weakness" in texts(turn) and "/reframes" in texts(turn)
    with coach.services.database.unit_of_work() as session:
        saved = session.scalars(select(Reframe).join(User).where(User.platform_id == user.platform_id)).one()
        assert (saved.script, saved.norm, saved.origin, saved.reframe) == (
            "Boys don't cry", "emotional_control", "my dad, and the rugby lads",
            "Crying in front of her is trust, not weakness")
        assert "cry in front of her" in saved.cost
        skill = session.scalars(select(SkillEvent).join(User).where(User.platform_id == user.platform_id)).one()
        assert (skill.skill, skill.detail) == ("reframe", "emotional_control")


async def test_an_unclear_script_asks_which_norm_fits_best(say, consented, coach, user):
    await consented()
    await say("/reframe")
    turn = await say("my family comes first, stop crying")
    assert "Which fits best?" in texts(turn)
    assert payloads(turn) == ["Emotional control", "Self-reliance", "Toughness", "Provider", "Winning and dominance"]
    turn = await say("Provider")
    assert "where did" in texts(turn).lower() or "who taught you" in texts(turn).lower()
    await say("school")
    await say("I work all the time and miss the kids")
    turn = await say("use that")
    assert "/reframes" in texts(turn)
    with coach.services.database.unit_of_work() as session:
        saved = session.scalars(select(Reframe).join(User).where(User.platform_id == user.platform_id)).one()
        assert saved.norm == "provider" and saved.reframe in norms()["provider"].reframes


async def test_a_rewrite_that_is_too_short_or_the_old_script_is_asked_again(say, consented):
    await consented()
    await say("/reframe")
    await say("Man up")
    await say("my old man")
    await say("I shut down when she's upset")
    turn = await say("Man up")
    assert "word for word" in texts(turn) and turn.flow == "reframe"
    turn = await say("ok")
    assert "full sentence" in texts(turn) and turn.flow == "reframe"


async def test_list_reframes_shows_his_newest_first(say, consented):
    await consented()
    turn = await say("/reframes")
    assert "No reframes yet" in texts(turn) and "/reframe" in payloads(turn)
    for script, rewrite in (("Never back down", "Backing down can be strong"),
                            ("Man up", "Real strength is showing up with what I feel")):
        await say("/reframe")
        await say(script)
        await say("my dad")
        await say("we fight and I can't let it go")
        await say(rewrite)
    turn = await say("show my reframes")
    assert turn.intent == "list_reframes"
    listing = texts(turn)
    assert listing.index("Real strength is showing up") < listing.index("Backing down can be strong")
    assert '"Man up" -> "Real strength is showing up with what I feel"' in listing


async def test_without_consent_the_reframe_is_not_kept(say, coach, user):
    await say("hi")
    await say("no thanks")
    await say("/reframe")
    await say("Never back down")
    await say("the army")
    await say("arguments drag on for days")
    turn = await say("I can back down and still be strong")
    assert "haven't saved it" in texts(turn)
    turn = await say("/reframes")
    assert "without your OK" in texts(turn)


async def test_stop_and_switching_topic_leave_the_reframe_cleanly(say, consented, coach, user):
    await consented()
    await say("/reframe")
    await say("Never show weakness")
    turn = await say("not now")
    assert turn.flow is None
    turn = await say("/reframe")
    assert turn.flow == "reframe" and "Never show weakness" in payloads(turn), "starts over from the script"
    await say("Never show weakness")
    turn = await say("/disclose")
    assert turn.flow == "disclosure"
    with coach.services.database.unit_of_work() as session:
        assert session.scalars(select(Reframe).join(User).where(User.platform_id == user.platform_id)).first() is None


async def test_a_returning_user_hears_his_last_reframe(say, consented):
    await consented()
    await say("/reframe")
    await say("A man handles it alone")
    await say("my grandad")
    await say("she feels shut out")
    await say("Letting her in makes us a team")
    turn = await say("hello")
    assert "Your last reframe: \"Letting her in makes us a team\"" in texts(turn)


async def test_an_answer_that_sounds_like_another_flow_stays_in_the_reframe(say, consented):
    await consented()
    await say("/reframe")
    await say("Never show weakness")
    await say("my dad")
    turn = await say("I shut down and never open up to her when she's upset")
    assert turn.flow == "reframe" and "own words" in texts(turn)
    turn = await say("/disclose")
    assert turn.flow == "disclosure"


async def test_crisis_language_mid_reframe_gets_crisis_lines_and_nothing_is_saved(say, consented, coach, user):
    await consented("US")
    await say("/reframe")
    await say("Man up")
    await say("my dad")
    turn = await say("honestly it makes me want to kill myself")
    assert turn.intent == "crisis" and turn.flow == "safety"
    assert "988" in turn.replies[0].text
    with coach.services.database.unit_of_work() as session:
        assert session.scalars(select(Reframe).join(User).where(User.platform_id == user.platform_id)).first() is None
