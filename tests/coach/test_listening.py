"""Active listening: four lessons, one card per message, ending with an offer to practise."""
from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from tests.helpers import payloads, skill_events, texts, tracker_for

from coach.actions.lessons import ActionAskLessonAnswer
from coach.actions.listening import ActionFinishListening, ValidateListeningForm
from coach.lessons import load_deck


async def test_the_four_lessons_run_one_card_at_a_time_and_end_with_practice(say, consented, coach, user):
    await consented()
    turn = await say("/listen")
    assert turn.flow == "listening"
    assert "reflect" in texts(turn) and payloads(turn) == ["next"]
    assert "1. Reflect" in texts(await say("next"))
    assert payloads(await say("next")) == ["a", "b", "c"]
    turn = await say("b")
    assert "Her point, in your words" in texts(turn)
    assert "2. Validate" in texts(turn)
    assert payloads(await say("next")) == [], "a try-it card waits for his own words"
    turn = await say("That must've stung, I get why you're annoyed")
    assert "That validates" in texts(turn) and "3. Ask open questions" in texts(turn)
    await say("next")
    turn = await say("was work bad?")
    assert "closed" in texts(turn) and "4. Fix or feel?" in texts(turn)
    await say("next")
    turn = await say("a")
    assert "The one I'd pick: Ask: want help planning, or need to vent?" in texts(turn)
    assert "/practice" in payloads(turn)
    assert turn.flow is None
    assert skill_events(coach, user) == [("listening", "lessons")]


async def test_an_answer_outside_the_options_asks_the_same_question_again(say, consented):
    await consented()
    await say("/listen")
    await say("next")
    await say("next")
    turn = await say("purple")
    assert "Tap one of the buttons" in texts(turn)
    assert payloads(turn) == ["a", "b", "c"]
    assert turn.flow == "listening"


async def test_an_open_question_in_his_own_words_gets_praise(say, consented):
    await consented()
    await say("/listen")
    for answer in ("next", "next", "b", "next", "that makes sense", "next"):
        await say(answer)
    turn = await say("what happened at work today?")
    assert "That's an open question" in texts(turn)
    assert turn.flow == "listening", "work talk inside a lesson is his answer, not a new topic"


async def test_stop_mid_lesson_leaves_it_and_stores_nothing(say, consented, coach, user):
    await consented()
    await say("/listen")
    await say("next")
    turn = await say("stop")
    assert turn.flow is None
    assert "leave it there" in texts(turn) or "stopping here" in texts(turn).lower()
    assert skill_events(coach, user) == []
    assert "Nothing's running" in texts(await say("stop"))


async def test_switching_topic_mid_lesson_starts_the_new_flow(say, consented):
    await consented()
    await say("/listen")
    await say("next")
    turn = await say("/intimacy")
    assert turn.flow == "intimacy"
    assert "intimacy" in texts(turn).lower()
    turn = await say("/listen")
    assert turn.flow == "listening"
    assert payloads(turn) == ["next"], "coming back starts the lessons from the top"


@pytest.mark.parametrize("deck", ["listening", "intimacy", "partner"])
async def test_every_lesson_button_is_read_as_an_answer_not_a_way_out(coach, deck):
    from coach.actions.answers import ALWAYS_BREAK_OUT

    taps = {b["payload"] for card in load_deck(deck).cards for b in card.buttons()}
    for tap in taps:
        parsed = await coach.agent.parse_message(tap)
        assert parsed["intent"]["name"] not in ALWAYS_BREAK_OUT or parsed["intent"]["confidence"] < 0.5, tap


async def test_validation_action_answers_the_quiz_and_moves_to_the_next_card(coach):
    deck = load_deck("listening")
    quiz = next(i for i, c in enumerate(deck.cards) if c.id == "reflect_quiz")
    tracker = tracker_for("test:action-1", {"lesson_step": quiz, "lesson_answer": "c"}, "listening_form")
    dispatcher = CollectingDispatcher()
    result = ValidateListeningForm(coach.services).validate_lesson_answer("c", dispatcher, tracker, {})
    assert result == {"lesson_answer": None, "lesson_step": quiz + 1, "lesson_branch": None}
    assert "debate instead of a conversation" in dispatcher.messages[0]["text"]
    assert "Sounds like you're carrying most of it alone" in dispatcher.messages[0]["text"]


async def test_ask_action_shows_the_card_at_the_current_step(coach):
    tracker = tracker_for("test:action-2", {"lesson_step": 3, "flow": "listening"}, "listening_form")
    dispatcher = CollectingDispatcher()
    events = await ActionAskLessonAnswer(coach.services).run(dispatcher, tracker, {})
    assert events == []
    assert "2. Validate" in dispatcher.messages[0]["text"]
    assert [b["payload"] for b in dispatcher.messages[0]["buttons"]] == ["next"]


async def test_finishing_without_consent_offers_practice_but_stores_nothing(coach):
    tracker = tracker_for("test:never-consented", {"flow": "listening", "lesson_answer": "done"})
    dispatcher = CollectingDispatcher()
    events = await ActionFinishListening(coach.services).run(dispatcher, tracker, {})
    assert {"event": "slot", "name": "flow", "value": None, "timestamp": None} in events
    assert dispatcher.messages[-1]["buttons"][0]["payload"] == "/practice"
