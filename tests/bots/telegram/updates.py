"""Telegram updates as the Bot API sends them, for feeding the fake server."""
from __future__ import annotations

import itertools
import time

from tests.bots.telegram.fake_api import BOT

_message_ids = itertools.count(1)


def person(user_id: int) -> dict:
    return {"id": user_id, "is_bot": False, "first_name": "Sam", "language_code": "en"}


def private_chat(user_id: int) -> dict:
    return {"id": user_id, "type": "private", "first_name": "Sam"}


def group_chat(chat_id: int) -> dict:
    return {"id": chat_id, "type": "group", "title": "Friday five-a-side"}


def message(user_id: int, chat: dict | None = None, **content) -> dict:
    return {"message_id": next(_message_ids), "date": int(time.time()), "from": person(user_id),
            "chat": chat or private_chat(user_id), **content}


def text(user_id: int, words: str, chat: dict | None = None) -> dict:
    content: dict = {"text": words}
    if words.startswith("/"):
        command = words.split()[0]
        content["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
    return {"message": message(user_id, chat, **content)}


def sticker(user_id: int) -> dict:
    return {"message": message(user_id, sticker={
        "file_id": "sticker-1", "file_unique_id": "s1", "type": "regular", "width": 512,
        "height": 512, "is_animated": False, "is_video": False, "emoji": "\U0001F44D"})}


def voice(user_id: int) -> dict:
    return {"message": message(user_id, voice={"file_id": "voice-1", "file_unique_id": "v1", "duration": 3})}


def photo(user_id: int) -> dict:
    return {"message": message(user_id, photo=[
        {"file_id": "photo-9", "file_unique_id": "p9", "width": 90, "height": 90}])}


def edited(user_id: int, words: str) -> dict:
    return {"edited_message": {**message(user_id, text=words), "edit_date": int(time.time())}}


def button_press(user_id: int, data: str, message_id: int) -> dict:
    bot_message = {"message_id": message_id, "date": int(time.time()), "from": BOT,
                   "chat": private_chat(user_id), "text": "(the coach's message)"}
    return {"callback_query": {"id": f"cq-{message_id}-{time.time_ns()}", "from": person(user_id),
                               "chat_instance": "ci-1", "data": data, "message": bot_message}}
