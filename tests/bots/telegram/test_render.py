"""Engine replies as Bot API calls: documents, photos, keyboards, long text and long payloads."""
from __future__ import annotations

import json

import pytest
from telegram import Bot

from bots.telegram.render import MAX_CALLBACK_DATA, MAX_TEXT, PayloadKeys, keyboard, send_reply, split_text
from coach.replies import Button, Document, Reply
from tests.bots.telegram.conftest import TOKEN

PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


@pytest.fixture
async def bot(fake_api):
    async with Bot(TOKEN, base_url=f"{fake_api.base_url}/bot") as bot:
        yield bot


async def test_a_document_is_sent_as_a_file_with_its_name_bytes_and_type(bot, fake_api):
    export = Document("confide-export.json", json.dumps({"checkins": [{"mood": 2}]}).encode())
    await send_reply(bot, 77, Reply("Here's everything I keep about you.", document=export), PayloadKeys())
    [call] = fake_api.sent("sendDocument")
    upload = call.params["document"]
    assert upload["filename"] == "confide-export.json"
    assert json.loads(upload["content"]) == {"checkins": [{"mood": 2}]}
    assert upload["content_type"] == "application/json"
    assert call.params["caption"] == "Here's everything I keep about you."
    assert fake_api.sent("sendMessage") == [], "a short text rides along as the caption"


async def test_an_image_is_sent_as_a_photo_with_the_buttons_under_it(bot, fake_api, tmp_path):
    chart = tmp_path / "progress.png"
    chart.write_bytes(PNG)
    reply = Reply("Your last two weeks.", buttons=(Button("Check in", "/checkin"),), image=str(chart))
    await send_reply(bot, 77, reply, PayloadKeys())
    [call] = fake_api.sent("sendPhoto")
    assert call.params["photo"]["content"] == PNG
    assert call.params["caption"] == "Your last two weeks."
    assert call.buttons == [{"text": "Check in", "callback_data": "/checkin"}]


async def test_a_long_text_with_an_image_goes_first_and_the_photo_carries_the_buttons(bot, fake_api, tmp_path):
    chart = tmp_path / "progress.png"
    chart.write_bytes(PNG)
    reply = Reply("so " * 600, buttons=(Button("OK", "/help"),), image=str(chart))
    await send_reply(bot, 77, reply, PayloadKeys())
    assert [c.method for c in fake_api.calls[1:]] == ["sendMessage", "sendPhoto"]
    assert fake_api.calls[-1].buttons and not fake_api.calls[-2].buttons


async def test_text_that_looks_like_markup_is_sent_exactly_as_written(bot, fake_api):
    words = "You said <b>*never*</b> [again](x) & meant_it"
    await send_reply(bot, 77, Reply(words), PayloadKeys())
    [call] = fake_api.sent("sendMessage")
    assert call.text == words and "parse_mode" not in call.params


def test_long_text_is_split_at_word_breaks_within_telegrams_limit():
    pieces = split_text("word " * 2000)
    assert len(pieces) == 3 and all(len(p) <= MAX_TEXT for p in pieces)
    assert " ".join(pieces).split() == ["word"] * 2000


def test_payloads_over_64_bytes_travel_as_a_short_key_and_come_back_whole():
    keys = PayloadKeys()
    long_payload = '/set_country{"country": "' + "Bosnia and Herzegovina, somewhere near Mostar" + '"}'
    data = keys.data_for(long_payload)
    assert len(long_payload.encode()) > MAX_CALLBACK_DATA >= len(data.encode())
    assert keys.payload_for(data) == long_payload
    assert keys.data_for("/checkin") == "/checkin"
    assert PayloadKeys().payload_for(data) is None, "after a restart the key has expired"


def test_short_buttons_share_a_row_and_long_ones_stack():
    keys = PayloadKeys()
    moods = keyboard(tuple(Button(str(n), str(n)) for n in range(1, 6)), keys)
    assert [len(row) for row in moods.inline_keyboard] == [5]
    long = keyboard((Button("I'd rather talk about something else", "/help"),
                     Button("Yes, let's try it now", "/affirm")), keys)
    assert [len(row) for row in long.inline_keyboard] == [1, 1]
