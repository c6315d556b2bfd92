"""DATABASE_URL selects the database: a whole conversation on PostgreSQL, when one is reachable."""
from __future__ import annotations

import io
import uuid

import pytest
from sqlalchemy import select, text

from coach.identity import UserRef
from coach.storage.models import CheckIn, User
from tests.helpers import texts
from tests.storage.conftest import POSTGRES_URL, postgres_unreachable_reason


@pytest.fixture(scope="module")
async def postgres_coach(trained_model):
    reason = postgres_unreachable_reason()
    if reason:
        pytest.skip(reason)
    from coach.bootstrap import build_coach
    from coach.settings import Settings

    coach = await build_coach(Settings.from_env({"DATABASE_URL": POSTGRES_URL}), out=io.StringIO(),
                              model_path=trained_model)
    yield coach
    await coach.close()


async def test_a_checkin_on_postgresql_is_stored_there_and_remembered(postgres_coach):
    user = UserRef("test", uuid.uuid4().hex[:12])
    for message in ("hi", "/give_consent", "/checkin", "4", "hopeful"):
        turn = await postgres_coach.respond(user, message)
    assert "hopeful" in texts(turn)
    database = postgres_coach.services.database
    try:
        with database.unit_of_work() as session:
            stored = session.scalars(select(CheckIn).join(User).where(User.platform_id == user.platform_id)).one()
            assert (stored.mood, stored.feeling) == (4, "hopeful")
        with database.engine.connect() as connection:
            events = connection.execute(text("select count(*) from events where sender_id = :s"),
                                        {"s": user.sender_id}).scalar()
        assert events > 10
        postgres_coach.forget_conversation(user)  # drop the in-process cache: read back from PostgreSQL
        turn = await postgres_coach.respond(user, "hello again")
        assert "hopeful" in texts(turn)
    finally:
        with database.unit_of_work() as session:
            session.execute(text("delete from events where sender_id = :s"), {"s": user.sender_id})
            for row in session.scalars(select(User).where(User.platform_id == user.platform_id)):
                session.delete(row)
