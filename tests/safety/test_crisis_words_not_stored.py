"""A crisis caught by the NLU model (not the lexicon) is answered, and his words are still not stored."""
from __future__ import annotations

from sqlalchemy import text

from tests.helpers import texts

MODEL_ONLY_CRISIS = "there's no point going on"  # the lexicon misses it; the model's crisis intent doesn't


async def test_a_crisis_the_model_caught_is_stored_without_his_words(say, consented, coach, user):
    from coach.safety.detector import default_detector

    assert not default_detector().assess(MODEL_ONLY_CRISIS).crisis, "pick a phrase only the model catches"
    await consented("GB")
    turn = await say(MODEL_ONLY_CRISIS)
    assert turn.intent == "crisis" and turn.flow == "safety"
    assert "116 123" in texts(turn)
    with coach.services.database.engine.connect() as connection:
        stored = connection.execute(text("select data from events where sender_id = :s"),
                                    {"s": user.sender_id}).scalars().all()
    assert stored and not any("no point going on" in row for row in stored)
    assert any('"/crisis"' in row for row in stored)
