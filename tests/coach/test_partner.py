"""For partners: the track for her, or a note he can share with her."""
from __future__ import annotations

from rasa_sdk.executor import CollectingDispatcher

from tests.helpers import payloads, skill_events, texts, tracker_for

from coach.actions.lessons import ActionAskLessonAnswer
from coach.actions.partner import ValidatePartnerForm
from coach.lessons import load_deck


async def test_his_partner_gets_the_track(say, consented, coach, user):
    await consented()
    turn = await say("/partner")
    assert turn.flow == "partner"
    assert [b.title for r in turn.replies for b in r.buttons] == [
        "I'm his partner", "I want to share this with my partner"]
    turn = await say("partner")
    assert "safe" in texts(turn).lower()
    turn = await say("next")
    assert "shut" in texts(turn).lower() or "say less" in texts(turn).lower()
    assert payloads(await say("next")) == ["a", "b", "c"]
    turn = await say("a")
    assert "Thanks for telling me. What's been going on?" in texts(turn)
    await say("next")
    turn = await say("thanks for telling me, how did it go?")
    assert "keeps the door open" in texts(turn)
    assert turn.flow is None
    assert skill_events(coach, user) == [("partner", "partner")]


async def test_he_gets_a_note_written_to_her_that_he_can_share(say, consented, coach, user):
    await consented()
    await say("/partner")
    turn = await say("I want to share this with my partner")
    assert "thanks for telling me" in texts(turn).lower()
    assert "safe space" not in texts(turn).lower()
    turn = await say("next")
    assert "/partner" in texts(turn)
    turn = await say("next")
    assert turn.flow is None
    assert skill_events(coach, user) == [("partner", "share")]


async def test_a_new_topic_mid_track_switches(say, consented):
    await consented()
    await say("/partner")
    await say("partner")
    turn = await say("/provider")
    assert turn.flow == "provider"


async def test_choosing_who_reads_sets_the_branch(coach):
    tracker = tracker_for("test:partner-1", {"lesson_step": 0}, "partner_form")
    dispatcher = CollectingDispatcher()
    result = ValidatePartnerForm(coach.services).validate_lesson_answer("share", dispatcher, tracker, {})
    note = next(i for i, c in enumerate(load_deck("partner").cards) if c.id == "note")
    assert result == {"lesson_answer": None, "lesson_step": note, "lesson_branch": "share"}
    tracker = tracker_for("test:partner-1", {"lesson_step": note, "lesson_branch": "share"}, "partner_form")
    await ActionAskLessonAnswer(coach.services).run(dispatcher, tracker, {})
    assert "written to her, from you" in dispatcher.messages[-1]["text"] or "in your voice" in dispatcher.messages[-1]["text"]
