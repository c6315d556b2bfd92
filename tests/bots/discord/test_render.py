"""Replies rendered for Discord: long text, attachments, buttons, and buttons that time out."""
from __future__ import annotations

import asyncio
from pathlib import Path

from bots.discord.render import MAX_CONTENT, QuickReplies, render, split_text
from coach.replies import Button, Document, Reply, Turn
from tests.bots.discord.fake_discord import dm_channel_id


async def test_long_text_is_split_at_spaces_and_the_buttons_go_under_the_last_part():
    text = " ".join(["feelings"] * 600)
    messages = render(Reply(text, (Button("OK", "/help"),)))
    assert len(messages) == 3
    assert all(len(m.content) <= MAX_CONTENT for m in messages)
    assert " ".join(m.content for m in messages) == text
    assert [m.view is not None for m in messages] == [False, False, True]


def test_split_text_keeps_short_text_whole_and_drops_empty_text():
    assert split_text("hello there") == ["hello there"]
    assert split_text("   ") == []


async def test_an_image_and_a_document_become_attachments(tmp_path: Path):
    chart = tmp_path / "progress.png"
    chart.write_bytes(b"\x89PNG fake")
    reply = Reply("Here's your week.", image=str(chart),
                  document=Document("confide-export.json", b'{"checkins": []}'))
    [message] = render(reply)
    assert [f.filename for f in message.files] == ["progress.png", "confide-export.json"]


async def test_a_missing_image_is_skipped_and_the_text_still_goes(tmp_path: Path):
    [message] = render(Reply("Your chart", image=str(tmp_path / "gone.png")))
    assert message.content == "Your chart" and message.files == []


async def test_a_document_reaches_the_dm_as_a_file(gateway, discord_api, discord_user, bot, monkeypatch):
    async def export(user, text):
        return Turn(text, [Reply("Everything I store about you:",
                                 document=Document("confide-export.json", b'{"user": {}}'))])

    monkeypatch.setattr(bot.coach, "respond", export)
    await gateway.dm(discord_user, "/export")
    [sent] = discord_api.sent_to(dm_channel_id(discord_user))
    assert sent.json["content"] == "Everything I store about you:"
    assert sent.files == [("confide-export.json", b'{"user": {}}')]


async def test_buttons_that_time_out_are_disabled_on_the_message(gateway, discord_api, discord_user, bot):
    await gateway.dm(discord_user, "hi")
    message = discord_api.last_message_with_buttons(dm_channel_id(discord_user))
    view = bot.get_cog("Coaching").waiting[int(message["id"])]
    await view.on_timeout()

    edits = discord_api.to("PATCH", f"/channels/{dm_channel_id(discord_user)}/messages/{message['id']}")
    shown = [c for row in edits[-1].json["components"] for c in row["components"]]
    assert shown and all(b["disabled"] for b in shown)


async def test_discord_py_runs_the_timeout_of_a_sent_view(bot, discord_api, discord_user):
    """The view's own timer, not a direct call: waits (bounded) for the edit, asserts no timing."""
    channel = bot.get_partial_messageable(dm_channel_id(discord_user))
    view = QuickReplies((Button("Show me the menu", "/help"),), timeout=0.01)
    view.message = await channel.send("Menu?", view=view)
    edits = f"/channels/{dm_channel_id(discord_user)}/messages/{view.message.id}"
    for _ in range(200):
        if discord_api.to("PATCH", edits):
            break
        await asyncio.sleep(0.01)
    [edit] = discord_api.to("PATCH", edits)
    assert [c["disabled"] for row in edit.json["components"] for c in row["components"]] == [True]
