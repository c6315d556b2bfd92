"""End to end over HTTP: what the bot sends Telegram while a man talks to the coach."""
from __future__ import annotations

from sqlalchemy import select

from coach.storage.models import CheckIn, User
from tests.bots.telegram import updates
from tests.bots.telegram.conftest import texts, titles


async def onboard(bot, user_id: int, country: str = "United Kingdom") -> None:
    calls = await bot.say(user_id, "/start")
    calls = await bot.press(user_id, calls, "Yes, that's OK")
    await bot.press(user_id, calls, country)


async def test_start_sets_the_menu_and_asks_consent_with_buttons(telegram, tg_user):
    commands = [c["command"] for c in telegram.api.sent("setMyCommands")[-1].params["commands"]]
    assert commands == ["start", "help", "checkin", "practice", "reframe", "disclose", "progress",
                        "remind", "country", "privacy", "export", "forget"]
    calls = await telegram.say(tg_user, "/start")
    assert calls[0].method == "sendChatAction" and calls[0].params["action"] == "typing"
    assert "coach, not therapy" in texts(calls)
    consent = [c for c in calls if c.buttons][-1]
    assert [(b["text"], b["callback_data"]) for b in consent.buttons] == [
        ("Yes, that's OK", "/give_consent"), ("No thanks", "/decline_consent")]
    assert all("parse_mode" not in c.params for c in calls), "plain text: nothing to escape"


async def test_a_button_press_is_answered_at_once_and_its_keyboard_removed(telegram, tg_user):
    calls = await telegram.say(tg_user, "/start")
    keyboard = [c for c in calls if c.buttons][-1]
    calls = await telegram.press(tg_user, calls, "Yes, that's OK")
    assert [c.method for c in calls[:2]] == ["answerCallbackQuery", "editMessageReplyMarkup"]
    assert calls[1].params["message_id"] == keyboard.message_id
    assert "reply_markup" not in calls[1].params, "the keyboard is removed, not replaced"
    assert "Which country" in texts(calls)
    assert "United Kingdom" in titles(calls)


async def test_a_full_checkin_by_buttons_and_words_is_stored(telegram, tg_user, coach):
    await onboard(telegram, tg_user)
    calls = await telegram.say(tg_user, "/checkin")
    assert titles(calls) == ["1", "2", "3", "4", "5"]
    mood_keyboard = [c for c in calls if c.buttons][-1]
    assert len(mood_keyboard.params["reply_markup"]["inline_keyboard"]) == 1, "1-5 share one row"
    calls = await telegram.press(tg_user, calls, "2")
    assert "one word" in texts(calls).lower()
    calls = await telegram.say(tg_user, "kinda pissed off")
    assert "pissed off" in texts(calls)
    with coach.services.database.unit_of_work() as session:
        stored = session.scalars(select(CheckIn).join(User).where(User.platform == "telegram",
                                                                  User.platform_id == str(tg_user))).one()
        assert (stored.mood, stored.feeling) == (2, "pissed off")


async def test_crisis_message_gets_the_crisis_lines(telegram, tg_user):
    await onboard(telegram, tg_user, "United States")
    calls = await telegram.say(tg_user, "honestly I want to kill myself")
    sent = texts(calls)
    assert "988" in sent and "911" in sent


async def test_a_group_gets_a_short_note_and_a_private_link_and_no_echo(telegram, tg_user):
    group = updates.group_chat(-100500)
    calls = await telegram.send(updates.text(tg_user, "/checkin my wife left me, I feel like crap",
                                             chat=group))
    [note] = telegram.api.sent("sendMessage")[-1:]
    assert [c.method for c in calls] == ["sendMessage"], "no typing, no coaching, nothing else"
    assert note.params["chat_id"] == -100500
    assert "https://t.me/ConfideTestBot" in note.text
    assert "wife" not in note.text and "crap" not in note.text and "Sam" not in note.text


async def test_a_group_crisis_gets_general_help_but_nothing_personal(telegram, tg_user):
    group = updates.group_chat(-100501)
    calls = await telegram.send(updates.text(tg_user, "@ConfideTestBot i want to kill myself", chat=group))
    assert "findahelpline.com" in texts(calls)
    assert "kill" not in texts(calls)


async def test_group_chatter_not_addressed_to_the_bot_is_ignored(telegram, tg_user):
    calls = await telegram.send(updates.text(tg_user, "who's bringing the ball", chat=updates.group_chat(-7)))
    assert calls == []


async def test_stickers_voice_photos_and_edits_get_a_kind_text_only_note(telegram, tg_user):
    for update in (updates.sticker(tg_user), updates.voice(tg_user), updates.photo(tg_user),
                   updates.edited(tg_user, "actually I meant 3")):
        calls = await telegram.send(update)
        assert [c.method for c in calls] == ["sendMessage"]
        assert "I can only read text for now" in calls[0].text

