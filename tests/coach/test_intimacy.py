"""Intimacy beyond sex: two kinds of closeness, bids, and one small way to connect."""
from __future__ import annotations

from rasa_sdk.executor import CollectingDispatcher

from tests.helpers import payloads, skill_events, texts, tracker_for

from coach.actions.intimacy import ActionFinishIntimacy
from coach.lessons import load_deck

IDEAS = {idea.text: idea.id for idea in load_deck("intimacy").ideas}


def shown_idea(turn) -> str:
    return next(IDEAS[text] for text in IDEAS if text in texts(turn))


async def test_from_two_kinds_of_closeness_to_one_idea_he_picks(say, consented, coach, user):
    await consented()
    turn = await say("/intimacy")
    assert turn.flow == "intimacy"
    assert "Sexual intimacy" in texts(turn) or "Sex is one" in texts(turn)
    assert "Gottman" in texts(await say("next"))
    assert payloads(await say("next")) == ["a", "b", "c"]
    turn = await say("b")
    assert payloads(turn) == ["this one", "another one"]
    first = shown_idea(turn)
    turn = await say("another one")
    second = shown_idea(turn)
    assert second != first
    turn = await say("this one")
    assert turn.flow is None
    assert skill_events(coach, user) == [("intimacy", second)]
    assert [t for t, i in IDEAS.items() if i == second][0] in texts(turn)


async def test_typed_intimacy_talk_inside_the_menu_is_not_a_restart(say, consented):
    await consented()
    await say("/intimacy")
    for answer in ("next", "next", "b"):
        await say(answer)
    turn = await say("hmm")
    assert "Another one" in texts(turn) and turn.flow == "intimacy"


async def test_stop_at_the_menu_stores_nothing(say, consented, coach, user):
    await consented()
    await say("/intimacy")
    await say("next")
    turn = await say("not now")
    assert turn.flow is None
    assert skill_events(coach, user) == []


async def test_finish_action_stores_the_picked_idea(coach, say, consented, user):
    await consented()
    tracker = tracker_for(user.sender_id, {"lesson_idea": "walk", "flow": "intimacy"})
    dispatcher = CollectingDispatcher()
    events = await ActionFinishIntimacy(coach.services).run(dispatcher, tracker, {})
    assert "twenty-minute walk" in dispatcher.messages[0]["text"]
    assert skill_events(coach, user) == [("intimacy", "walk")]
    assert {e["name"]: e["value"] for e in events}["flow"] is None
