"""Small disclosures: the ladder, one planned disclosure, and the follow-up that moves him up or down."""
from __future__ import annotations

import re

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select

from coach import ladder
from coach.actions.disclosure import ActionRecordDisclosureOutcome, ValidateDisclosureForm
from coach.identity import UserRef
from coach.services import Services
from coach.settings import Settings
from coach.storage.disclosures import plan_disclosure
from coach.storage.users import record_consent
from coach.storage.models import Disclosure, User
from tests.coach.trackers import form_domain, form_tracker
from tests.helpers import payloads, texts

DISCLOSURE_DOMAIN = form_domain("disclosure_form", ["disclosure_outcome", "disclosure_plan"],
                                ["disclosure_followup", "disclosure_level", "disclosure_offered"])
WENT_WELL = '/disclosure_outcome{"outcome": "went well"}'


def offered_prompt(turn, number: int) -> str:
    return re.search(rf"^{number}\. (.+)$", texts(turn), re.MULTILINE).group(1)


def stored(coach, user) -> tuple[User, list[Disclosure]]:
    with coach.services.database.unit_of_work() as session:
        found = session.scalars(select(User).where(User.platform_id == user.platform_id)).one()
        disclosures = session.scalars(select(Disclosure).where(Disclosure.user_id == found.id)
                                      .order_by(Disclosure.id)).all()
        session.expunge_all()
        return found, list(disclosures)


def set_ladder_level(coach, user, level: int) -> None:
    with coach.services.database.unit_of_work() as session:
        session.scalars(select(User).where(User.platform_id == user.platform_id)).one().ladder_level = level


def test_the_ladder_runs_from_facts_to_fears_with_several_prompts_a_level():
    levels = ladder.levels()
    assert len(levels) >= 5
    assert levels[0].name == "Small facts" and levels[-1].name == "Fears and insecurities"
    assert all(len(level.prompts) >= 3 for level in levels)


def test_outcomes_move_him_up_keep_him_or_ease_him_down_within_the_ladder():
    assert ladder.next_level(2, "went well") == 3
    assert ladder.next_level(2, "so-so") == 2
    assert ladder.next_level(2, "didn't try") == 1
    assert ladder.next_level(5, "went well") == 5 and ladder.next_level(1, "didn't try") == 1


def test_outcomes_in_his_own_words():
    assert ladder.parse_outcome("yeah told her, went fine") == "went well"
    assert ladder.parse_outcome("it didn't go well tbh") == "so-so"
    assert ladder.parse_outcome("bottled it") == "didn't try"
    assert ladder.parse_outcome("purple") is None


async def test_without_open_homework_the_form_skips_the_follow_up():
    tracker = form_tracker("test:x", slots={"disclosure_followup": None})
    required = await ValidateDisclosureForm().required_slots(
        ["disclosure_outcome", "disclosure_plan"], CollectingDispatcher(), tracker, DISCLOSURE_DOMAIN)
    assert required == ["disclosure_plan"]


async def test_picking_a_number_takes_that_offered_prompt():
    offered = ["Tell her a.", "Tell her b.", "Tell her c."]
    tracker = form_tracker("test:x", text="2", active_loop="disclosure_form", slot_events={"disclosure_plan": "2"},
                          slots={"disclosure_offered": offered, "disclosure_level": "1"})
    dispatcher = CollectingDispatcher()
    events = await ValidateDisclosureForm().run(dispatcher, tracker, DISCLOSURE_DOMAIN)
    assert SlotSet("disclosure_plan", "Tell her b.") in events
    assert dispatcher.messages == []


async def test_an_outcome_told_any_time_closes_the_homework_and_eases_him_down(tmp_path):
    services = Services.from_settings(Settings.from_env({"DATABASE_URL": f"sqlite:///{tmp_path / 'a.db'}"}))
    with services.database.unit_of_work() as session:
        user = record_consent(session, UserRef("test", "outcome-action"))
        session.flush()
        plan_disclosure(session, user, 2, "Tell her one thing you love doing.")
    dispatcher = CollectingDispatcher()
    tracker = form_tracker("test:outcome-action", text="I bottled it", intent="disclosure_outcome")
    events = await ActionRecordDisclosureOutcome(services).run(dispatcher, tracker, {})
    assert events == []
    [message] = dispatcher.messages
    assert "ease down to level 1" in message["text"]
    assert [b["payload"] for b in message["buttons"]] == ["/disclose"]
    with services.database.unit_of_work() as session:
        found = session.scalars(select(User).where(User.platform_id == "outcome-action")).one()
        homework = session.scalars(select(Disclosure).where(Disclosure.user_id == found.id)).one()
        assert (found.ladder_level, homework.status, homework.outcome) == (1, "not tried", "didn't try")
    services.database.dispose()


async def test_first_time_he_learns_the_ladder_and_plans_one_disclosure(say, consented, coach, user):
    await consented()
    turn = await say("/disclose")
    assert turn.flow == "disclosure"
    assert "ladder" in texts(turn) and "Level 1 of 5: Small facts" in texts(turn)
    assert payloads(turn) == ["1", "2", "3", "easier", "harder"]
    chosen = offered_prompt(turn, 2)
    turn = await say("2")
    assert turn.flow is None
    assert chosen.rstrip(".") in texts(turn) and "next time" in texts(turn).lower()
    found, disclosures = stored(coach, user)
    assert [(d.level, d.plan, d.status) for d in disclosures] == [(1, chosen, "planned")]
    assert found.ladder_level == 1


async def test_next_time_he_is_asked_how_it_landed_and_moves_up(say, consented, coach, user):
    await consented()
    await say("/disclose")
    await say("1")
    turn = await say("/disclose")
    assert "Did you" in texts(turn) and "try it" in texts(turn)
    assert payloads(turn)[0] == WENT_WELL and len(payloads(turn)) == 3
    turn = await say("it went well, she loved it")
    assert "level 2" in texts(turn) and "Level 2 of 5: Preferences" in texts(turn)
    turn = await say("I'll tell her I miss playing football on Sundays")
    assert turn.flow is None
    found, disclosures = stored(coach, user)
    assert [(d.level, d.status, d.outcome) for d in disclosures] == [(1, "done", "went well"), (2, "planned", None)]
    assert disclosures[0].followed_up_at is not None
    assert found.ladder_level == 2


async def test_didnt_try_eases_him_down_a_level(say, consented, coach, user):
    await consented()
    set_ladder_level(coach, user, 3)
    turn = await say("/disclose")
    assert "Level 3 of 5" in texts(turn)
    await say("3")
    await say("/disclose")
    turn = await say("didn't try")
    assert "ease down to level 2" in texts(turn) and "Level 2 of 5" in texts(turn)
    found, disclosures = stored(coach, user)
    assert (disclosures[0].status, disclosures[0].outcome, found.ladder_level) == ("not tried", "didn't try", 2)


async def test_easier_and_harder_change_the_level_offered(say, consented):
    await consented()
    await say("/disclose")
    turn = await say("harder")
    assert "Level 2 of 5" in texts(turn)
    turn = await say("easier")
    assert "Level 1 of 5" in texts(turn)
    turn = await say("easier")
    assert "as far as the ladder goes" in texts(turn) and "Level 1 of 5" in texts(turn)


async def test_a_returning_user_is_greeted_with_his_homework_and_can_answer_with_a_button(say, consented, coach, user):
    await consented()
    await say("/disclose")
    turn = await say("1")
    turn = await say("hi")
    assert "Did you try it?" in texts(turn)
    assert WENT_WELL in payloads(turn)
    turn = await say(WENT_WELL)
    assert "level 2" in texts(turn)
    assert "/disclose" in payloads(turn)
    found, disclosures = stored(coach, user)
    assert (disclosures[0].outcome, found.ladder_level) == ("went well", 2)
    turn = await say("hi")
    assert "Did you try it?" not in texts(turn), "answered homework is not asked about again"


async def test_telling_how_it_went_in_his_own_words_outside_the_flow(say, consented, coach, user):
    await consented()
    await say("/disclose")
    await say("1")
    turn = await say("I bottled it, never found the right moment to tell her")
    assert turn.intent == "disclosure_outcome"
    assert "No shame" in texts(turn)
    _, disclosures = stored(coach, user)
    assert disclosures[0].outcome == "didn't try"


async def test_stop_mid_flow_keeps_the_homework_open_for_later(say, consented, coach, user):
    await consented()
    await say("/disclose")
    await say("1")
    await say("/disclose")
    turn = await say("stop")
    assert turn.flow is None
    _, disclosures = stored(coach, user)
    assert [d.status for d in disclosures] == ["planned"]
    turn = await say("/disclose")
    assert "try it" in texts(turn), "the follow-up is still waiting when he comes back"


async def test_switching_topic_mid_flow_stores_no_half_plan(say, consented, coach, user):
    await consented()
    await say("/disclose")
    turn = await say("/feelings")
    assert turn.flow == "feelings"
    with coach.services.database.unit_of_work() as session:
        found = session.scalars(select(User).where(User.platform_id == user.platform_id)).one()
        assert session.scalars(select(Disclosure).where(Disclosure.user_id == found.id)).first() is None


async def test_the_follow_up_survives_a_restart_of_the_coach(settings, user):
    from coach.bootstrap import build_coach

    first = await build_coach(settings)
    for text in ("hi", "/give_consent", "/disclose", "1"):
        await first.respond(user, text)
    await first.close()
    second = await build_coach(settings)
    turn = await second.respond(user, "hey")
    answered = await second.respond(user, "it went well, we talked for ages")
    await second.close()
    assert "Did you try it?" in texts(turn) and WENT_WELL in payloads(turn)
    assert "level 2" in texts(answered)
