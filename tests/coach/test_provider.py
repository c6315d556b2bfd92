"""The provider load: what's on his plate, what it feels like, one sentence for tonight."""
from __future__ import annotations

from rasa_sdk.executor import CollectingDispatcher

from tests.helpers import payloads, skill_events, texts, tracker_for

from coach.actions.provider import (ActionAskProviderSentence, ValidateProviderForm, area_of,
                                    draft_sentence, in_his_words, wants_to_rewrite)

PLATE = "my boss keeps piling on work and I can't say no"


async def test_plate_feeling_and_a_sentence_drafted_from_his_own_words(say, consented, coach, user):
    await consented()
    turn = await say("/provider")
    assert turn.flow == "provider"
    assert payloads(turn) == ["work", "money", "provider pressure", "all of it"]
    turn = await say("work")
    assert "heaviest bit" in texts(turn) or "sits on your chest" in texts(turn)
    turn = await say(PLATE)
    assert turn.flow == "provider", "talk about work is his answer here, not a restart"
    assert "stressed" in payloads(turn)
    turn = await say("stressed")
    assert "anxious" in payloads(turn) and "stressed" in payloads(turn), "broad words get narrowed down"
    turn = await say("overwhelmed")
    assert PLATE in texts(turn) and "overwhelmed" in texts(turn)
    assert payloads(turn) == ["keep it", "I'll write my own"]
    turn = await say("keep it")
    assert "Your sentence for tonight" in texts(turn)
    assert PLATE in texts(turn)
    assert turn.flow is None
    assert skill_events(coach, user) == [("provider", "work")]


async def test_a_long_first_answer_counts_as_his_plate(say, consented):
    await consented()
    await say("/provider")
    turn = await say("money is tight and the mortgage just went up again")
    assert "stressed" in payloads(turn), "it moves straight on to the feeling"


async def test_a_fix_instead_of_a_feeling_gets_a_nudge_to_the_feeling(say, consented):
    await consented()
    await say("/provider")
    await say("money")
    await say("we're behind on the rent")
    turn = await say("I just need to work harder and sort it")
    assert "fix" in texts(turn) and "feel" in texts(turn)
    assert len(turn.replies) == 1, "the nudge asks the question itself, no second prompt"
    turn = await say("worried")
    assert "we're behind on the rent" in texts(turn) and "worried" in texts(turn)


async def test_he_can_write_the_sentence_his_own_way(say, consented):
    await consented()
    await say("/provider")
    await say("everything is on me right now, bills, the kids, work")
    await say("like a failure")
    turn = await say("I'll write my own")
    assert "your own" in texts(turn).lower() or "actually say it" in texts(turn)
    turn = await say("Work has been brutal lately and I could really use a hug tonight")
    assert "\"Work has been brutal lately and I could really use a hug tonight\"" in texts(turn)
    assert turn.flow is None


async def test_stop_and_topic_switch_leave_the_form(say, consented, coach, user):
    await consented()
    await say("/provider")
    await say("work")
    turn = await say("stop")
    assert turn.flow is None
    await say("/provider")
    turn = await say("/listen")
    assert turn.flow == "listening"
    assert skill_events(coach, user) == []


async def test_without_consent_the_flow_works_but_stores_nothing(say, coach, user):
    await say("hi")
    await say("/decline_consent")
    await say("/provider")
    await say("the pressure of being the only earner in the house")
    await say("scared")
    await say("anxious")
    turn = await say("keep it")
    assert "Your sentence for tonight" in texts(turn)
    assert skill_events(coach, user) == []


def test_areas_and_his_own_words():
    assert area_of("work") == "work"
    assert area_of("the mortgage and the bills") == "money"
    assert area_of("my boss and the mortgage") == "all"
    assert area_of("dunno") is None
    assert in_his_words("My boss is on my back.") == "my boss is on my back"
    assert in_his_words("I can't keep up.") == "I can't keep up"
    assert in_his_words("word " * 100).endswith("...")
    assert wants_to_rewrite("let me write it myself")
    assert not wants_to_rewrite("I want to change jobs")


async def test_ask_action_drafts_from_his_slots_and_remembers_the_draft(coach):
    tracker = tracker_for("test:provider-1", {"provider_plate": "the kids need new shoes",
                                              "provider_feeling": "inadequate"}, "provider_form")
    dispatcher = CollectingDispatcher()
    events = await ActionAskProviderSentence(coach.services).run(dispatcher, tracker, {})
    draft = events[0]["value"]
    assert events[0]["name"] == "provider_draft"
    assert "the kids need new shoes" in draft and "inadequate" in draft
    assert draft in dispatcher.messages[0]["text"]


async def test_feeling_validation_narrows_a_broad_word(coach):
    tracker = tracker_for("test:provider-2", {"provider_plate": "work"}, "provider_form")
    dispatcher = CollectingDispatcher()
    result = ValidateProviderForm(coach.services).validate_provider_feeling("pissed off", dispatcher, tracker, {})
    assert result == {"provider_feeling": None, "provider_broad_feeling": "pissed off"}
    offered = [b["payload"] for b in dispatcher.messages[0]["buttons"]]
    assert "resentful" in offered and offered[-1] == "pissed off"


def test_a_draft_reads_as_one_message():
    draft = draft_sentence("Bills, bills, bills!", "worried")
    assert "bills, bills, bills" in draft and "worried" in draft and "!:" not in draft
