"""Chats are handled side by side; one chat's messages are answered in the order he sent them."""
from __future__ import annotations

import asyncio

from coach.replies import Reply, Turn
from tests.bots.telegram import updates
from tests.bots.telegram.conftest import TURN_TIMEOUT_S


class GatedCoach:
    """Answers "got <text>", except that "slow ..." waits until the test opens the gate."""

    def __init__(self, real) -> None:
        self.services = real.services
        self.detector = real.detector
        self.gate = asyncio.Event()

    async def respond(self, user, text):
        if text.startswith("slow"):
            await self.gate.wait()
        return Turn(text, [Reply(f"got {text}")])


async def test_a_slow_turn_holds_up_neither_other_chats_nor_the_order_of_his_own(make_bot, coach):
    gated = GatedCoach(coach)
    async with make_bot(gated).running() as bot:
        try:
            slow = await bot.api.push(updates.text(901, "slow one"))
            after_slow = await bot.api.push(updates.text(901, "two"))
            await bot.say(902, "hello from someone else")  # finishes while 901 still waits
            assert not bot.finished(slow).is_set() and not bot.finished(after_slow).is_set()
        finally:
            gated.gate.set()  # else stopping the bot would wait for the gated turn forever
        for update_id in (slow, after_slow):
            await asyncio.wait_for(bot.finished(update_id).wait(), TURN_TIMEOUT_S)
        assert [c.text for c in bot.api.sent("sendMessage", chat_id=901)] == ["got slow one", "got two"]
        assert [c.text for c in bot.api.sent("sendMessage", chat_id=902)] == ["got hello from someone else"]
