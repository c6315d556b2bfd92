"""Custom actions run with a tracker and a dispatcher, as the action server runs them."""
from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from coach.actions.checkin import ActionSaveCheckin, ValidateCheckinForm
from coach.actions.conversation import ActionSessionStart, ActionStopFlow
from coach.identity import UserRef
from coach.services import Services
from coach.settings import Settings
from coach.storage.models import CheckIn, User
from coach.storage.users import record_consent
from tests.coach.actions_helpers import event_slots, make_tracker, run_action


@pytest.fixture
def services(tmp_path):
    built = Services.from_settings(Settings.from_env({"DATABASE_URL": f"sqlite:///{tmp_path / 'a.db'}"}))
    yield built
    built.database.dispose()


@pytest.fixture
def sender() -> str:
    return f"test:{uuid.uuid4().hex[:10]}"


def _consent(services, sender, country=None):
    with services.database.unit_of_work() as session:
        record_consent(session, UserRef.from_sender_id(sender)).country = country


async def test_session_start_welcomes_a_new_user_and_asks_consent(services, sender):
    messages, events = await run_action(ActionSessionStart(services), make_tracker(sender))
    assert [m["response"] for m in messages] == ["utter_about", "utter_ask_consent"]
    assert event_slots(events) == {"consent": "pending"}
    assert events[0]["event"] == "session_started" and events[-1]["name"] == "action_listen"


async def test_session_start_remembers_a_consented_user_without_asking_again(services, sender):
    _consent(services, sender, country="GB")
    messages, events = await run_action(ActionSessionStart(services),
                                        make_tracker(sender, slots={"flow": "checkin"}))
    assert messages == []
    assert event_slots(events) == {"flow": "checkin", "consent": "given", "country": "GB"}


def test_mood_is_read_from_words_or_numbers_and_nonsense_is_asked_again(services, sender):
    form = ValidateCheckinForm(services)
    tracker = make_tracker(sender)
    from rasa_sdk.executor import CollectingDispatcher

    dispatcher = CollectingDispatcher()
    assert form.validate_checkin_mood("pretty rough tbh", dispatcher, tracker, {}) == {"checkin_mood": "1"}
    assert form.validate_checkin_mood("a 4 I guess", dispatcher, tracker, {}) == {"checkin_mood": "4"}
    assert dispatcher.messages == []
    assert form.validate_checkin_mood("purple", dispatcher, tracker, {}) == {"checkin_mood": None}
    assert dispatcher.messages[0]["response"] == "utter_mood_not_understood"
    assert form.validate_checkin_feeling("kinda pissed off", dispatcher, tracker, {}) == {
        "checkin_feeling": "pissed off"}


async def test_saving_a_checkin_reflects_it_stores_it_and_ends_the_flow(services, sender):
    _consent(services, sender)
    tracker = make_tracker(sender, slots={"checkin_mood": "2", "checkin_feeling": "anxious", "flow": "checkin"})
    messages, events = await run_action(ActionSaveCheckin(services), tracker)
    assert "anxious" in messages[0]["text"] and "2" in messages[0]["text"]
    assert event_slots(events) == {"flow": None, "checkin_mood": None, "checkin_feeling": None}
    with services.database.unit_of_work() as session:
        stored = session.scalars(select(CheckIn)).one()
        assert (stored.mood, stored.feeling, stored.core_feeling) == (2, "anxious", "scared")


async def test_without_consent_a_checkin_is_reflected_but_not_stored(services, sender):
    tracker = make_tracker(sender, slots={"checkin_mood": "4", "checkin_feeling": "calm"})
    messages, _ = await run_action(ActionSaveCheckin(services), tracker)
    assert "haven't saved" in messages[-1]["text"]
    with services.database.unit_of_work() as session:
        assert session.scalars(select(CheckIn)).first() is None
        assert session.scalars(select(User)).first() is None


async def test_stop_ends_the_active_form_and_clears_its_answers(services, sender):
    domain = {"forms": {"checkin_form": {"required_slots": ["checkin_mood", "checkin_feeling"]}}}
    tracker = make_tracker(sender, slots={"flow": "checkin", "checkin_mood": "3"}, active_loop="checkin_form")
    messages, events = await run_action(ActionStopFlow(services), tracker, domain)
    assert messages[0]["response"] == "utter_stopped"
    assert {"event": "active_loop", "name": None} in [{k: e.get(k) for k in ("event", "name")} for e in events]
    assert event_slots(events) == {"flow": None, "checkin_mood": None, "checkin_feeling": None,
                                   "requested_slot": None}
