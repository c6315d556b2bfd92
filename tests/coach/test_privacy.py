"""/privacy, /export and /forget through the engine, as every platform gets them."""
from __future__ import annotations

import json
import uuid

import pytest

from coach.identity import UserRef
from coach.storage.users import find_user
from tests.coach.privacy_helpers import fill_every_table, rows_about, table_names
from tests.helpers import payloads, texts


@pytest.fixture
def fresh():
    """Users whose ids are unique strings, so a search for one never matches another."""
    return lambda: UserRef("test", f"privacy-{uuid.uuid4().hex}")


async def onboard(coach, who, country="GB"):
    await coach.respond(who, "hi")
    await coach.respond(who, "/give_consent")
    await coach.respond(who, f'/set_country{{"country": "{country}"}}')


def user_id(coach, who) -> int:
    with coach.services.database.unit_of_work() as session:
        return find_user(session, who).id


async def test_privacy_says_what_where_how_long_and_how_to_delete(say):
    await say("hi")
    turn = await say("/privacy")
    said = texts(turn)
    assert "check-ins" in said and "safety plan" in said
    assert "never what you wrote" in said
    assert "database" in said
    assert "deleted after 90 days" in said
    assert "/forget" in said and "/export" in said


async def test_privacy_in_plain_words(say):
    await say("hi")
    turn = await say("what do you store about me")
    assert turn.intent == "privacy"
    assert "90 days" in texts(turn)


async def test_export_is_one_json_document_with_everything(coach, fresh):
    who = fresh()
    await onboard(coach, who)
    await coach.respond(who, "/checkin")
    await coach.respond(who, "4")
    await coach.respond(who, "hopeful")
    fill_every_table(coach.services.database, who)
    turn = await coach.respond(who, "/export")
    documents = [r.document for r in turn.replies if r.document]
    assert len(documents) == 1 and "everything" in texts(turn)
    assert documents[0].filename.endswith(".json") and documents[0].mime_type == "application/json"
    export = json.loads(documents[0].content)
    assert export["profile"]["country"] == "GB"
    assert [c["feeling"] for c in export["checkins"]] == ["hopeful", "flat"]
    for section in ("reframes", "disclosures", "practice_results", "skill_events", "safety_plans",
                    "crisis_events", "reminders"):
        assert export[section], section
    assert export["safety_plans"][0]["reasons"] == "my kids"
    typed = [e.get("text") for e in export["conversation_events"] if e.get("event") == "user"]
    assert "hopeful" in typed and "/export" in typed


async def test_export_holds_no_one_else(coach, fresh):
    me, other = fresh(), fresh()
    await onboard(coach, me)
    await onboard(coach, other)
    await coach.respond(other, "/checkin")
    turn = await coach.respond(me, "/export")
    content = next(r.document for r in turn.replies if r.document).content.decode()
    assert other.platform_id not in content
    assert me.platform_id in content


async def test_export_without_consent_says_nothing_is_stored(say):
    await say("hi")
    await say("no thanks")
    turn = await say("/export")
    assert "Nothing about you is stored" in texts(turn)
    assert not any(r.document for r in turn.replies)


async def test_forget_asks_first_and_no_keeps_everything(coach, fresh):
    who = fresh()
    await onboard(coach, who)
    turn = await coach.respond(who, "delete everything you know about me")
    assert turn.intent == "forget"
    assert "can't be undone" in texts(turn)
    no = [b.payload for r in turn.replies for b in r.buttons if b.title.startswith("No")][0]
    turn = await coach.respond(who, no)
    assert "nothing deleted" in texts(turn)
    assert rows_about(coach.services.database, who, user_id(coach, who))["coach_users"] == 1


async def test_a_typed_yes_deletes_nothing_and_offers_the_button_again(coach, fresh):
    who = fresh()
    await onboard(coach, who)
    his_id = user_id(coach, who)
    await coach.respond(who, "/forget")
    turn = await coach.respond(who, "yes")
    assert "only delete on the button" in texts(turn)
    assert [b.title for r in turn.replies for b in r.buttons] == ["Yes, delete everything", "No, keep it"]
    assert rows_about(coach.services.database, who, his_id)["coach_users"] == 1
    turn = await coach.respond(who, payloads(turn)[0])
    assert "Everything I had about you is deleted" in texts(turn)
    assert rows_about(coach.services.database, who, his_id) == {}


async def test_a_typed_no_keeps_everything(coach, fresh):
    who = fresh()
    await onboard(coach, who)
    await coach.respond(who, "/forget")
    turn = await coach.respond(who, "nope")
    assert "nothing deleted" in texts(turn)
    assert rows_about(coach.services.database, who, user_id(coach, who))["coach_users"] == 1


async def test_a_yes_after_he_already_answered_asks_nothing(coach, fresh):
    who = fresh()
    await onboard(coach, who)
    turn = await coach.respond(who, "/forget")
    await coach.respond(who, payloads(turn)[1])  # "No, keep it"
    turn = await coach.respond(who, "yes")
    assert "delete" not in texts(turn).lower()
    assert rows_about(coach.services.database, who, user_id(coach, who))["coach_users"] == 1


async def test_forget_deletes_every_row_about_him_in_every_table(coach, fresh):
    me, other = fresh(), fresh()
    for who in (me, other):
        await onboard(coach, who)
        await coach.respond(who, "/checkin")
        await coach.respond(who, "2")
        fill_every_table(coach.services.database, who)
    database = coach.services.database
    my_id, other_id = user_id(coach, me), user_id(coach, other)
    before = rows_about(database, other, other_id)
    assert {"events", "coach_users", "coach_checkins", "coach_safety_plans"} <= set(rows_about(database, me, my_id))
    turn = await coach.respond(me, "/forget")
    assert "events" in table_names(database)
    turn = await coach.respond(me, payloads(turn)[0])
    assert "Everything I had about you is deleted" in texts(turn)
    assert rows_about(database, me, my_id) == {}
    assert rows_about(database, other, other_id) == before


async def test_after_forget_he_starts_fresh(coach, fresh):
    who = fresh()
    await onboard(coach, who)
    turn = await coach.respond(who, "/forget")
    await coach.respond(who, payloads(turn)[0])
    turn = await coach.respond(who, "hi")
    assert "may I store our conversation" in texts(turn)
    assert (await coach.trackers.retrieve(who.sender_id)).get_slot("consent") == "pending"


async def test_a_typed_confirmation_that_was_not_offered_deletes_nothing(coach, fresh):
    who = fresh()
    await onboard(coach, who)
    turn = await coach.respond(who, '/forget{"forget_confirm": "yes"}')
    assert "deleted" not in texts(turn)
    assert rows_about(coach.services.database, who, user_id(coach, who))


async def test_forget_without_consent_clears_the_conversation_from_memory(coach, fresh):
    who = fresh()
    await coach.respond(who, "hi")
    await coach.respond(who, "no thanks")
    turn = await coach.respond(who, "/forget")
    assert "nothing to delete" in texts(turn)
    assert await coach.trackers.retrieve(who.sender_id) is None
