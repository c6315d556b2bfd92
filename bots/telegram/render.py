"""Engine replies the Telegram way: plain text, inline keyboards, photos and documents.

Text goes out without a parse mode, so Telegram shows it exactly as the engine wrote it and
nothing in it (a user's words quoted back, an underscore, a '<') can break the formatting.
"""
from __future__ import annotations

import hashlib
from collections import OrderedDict
from pathlib import Path

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, InputFile
from telegram.constants import InlineKeyboardButtonLimit, MessageLimit

from coach.replies import Button, Reply

MAX_TEXT = MessageLimit.MAX_TEXT_LENGTH
MAX_CAPTION = MessageLimit.CAPTION_LENGTH
MAX_CALLBACK_DATA = InlineKeyboardButtonLimit.MAX_CALLBACK_DATA
SHORT_TITLE = 3  # "1".."5": such buttons share one row
ROW_TITLE = 18  # titles up to this long go two to a row
PICK_ONE = "Pick one:"  # Telegram needs text under a keyboard


class PayloadKeys:
    """Telegram caps callback data at 64 bytes: longer payloads travel as a short key.

    The keys live in memory, so a long-payload button from before a restart has expired;
    every payload the engine uses today fits in 64 bytes and never needs a key.
    """

    PREFIX = "#"

    def __init__(self, capacity: int = 4096) -> None:
        self.capacity = capacity
        self._payloads: OrderedDict[str, str] = OrderedDict()

    def data_for(self, payload: str) -> str:
        if len(payload.encode()) <= MAX_CALLBACK_DATA and not payload.startswith(self.PREFIX):
            return payload
        key = self.PREFIX + hashlib.sha256(payload.encode()).hexdigest()[:24]
        self._payloads[key] = payload
        self._payloads.move_to_end(key)
        while len(self._payloads) > self.capacity:
            self._payloads.popitem(last=False)
        return key

    def payload_for(self, data: str) -> str | None:
        """The payload a button carried; None when its key has expired."""
        if not data.startswith(self.PREFIX):
            return data
        return self._payloads.get(data)


def keyboard(buttons: tuple[Button, ...], keys: PayloadKeys) -> InlineKeyboardMarkup | None:
    if not buttons:
        return None
    cells = [InlineKeyboardButton(b.title, callback_data=keys.data_for(b.payload)) for b in buttons]
    if all(len(b.title) <= SHORT_TITLE for b in buttons):
        return InlineKeyboardMarkup([cells])
    per_row = 2 if all(len(b.title) <= ROW_TITLE for b in buttons) else 1
    return InlineKeyboardMarkup([cells[i:i + per_row] for i in range(0, len(cells), per_row)])


def split_text(text: str, limit: int = MAX_TEXT) -> list[str]:
    """Pieces Telegram accepts, cut at a paragraph, line or word break where there is one."""
    pieces: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        window = rest[:limit]
        cut = max(window.rfind("\n\n"), window.rfind("\n"), window.rfind(" "))
        cut = cut if cut > limit // 2 else limit
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    return pieces + [rest] if rest else pieces


def _attachment(reply: Reply) -> tuple[str, InputFile] | None:
    if reply.document is not None:
        upload = InputFile(reply.document.content, filename=reply.document.filename)
        upload.mimetype = reply.document.mime_type
        return "document", upload
    if reply.image:
        path = Path(reply.image)
        return "photo", InputFile(path.read_bytes(), filename=path.name)
    return None


async def send_reply(bot: Bot, chat_id: int, reply: Reply, keys: PayloadKeys) -> None:
    """One engine reply as Telegram messages; the buttons ride on the last one sent."""
    markup = keyboard(reply.buttons, keys)
    attachment = _attachment(reply)
    text, caption = reply.text, None
    if attachment and len(text) <= MAX_CAPTION:
        text, caption = "", text or None
    pieces = split_text(text) or ([PICK_ONE] if markup and attachment is None else [])
    for number, piece in enumerate(pieces, start=1):
        last = attachment is None and number == len(pieces)
        await bot.send_message(chat_id, piece, reply_markup=markup if last else None)
    if attachment is None:
        return
    kind, upload = attachment
    if kind == "document":
        await bot.send_document(chat_id, upload, caption=caption, reply_markup=markup)
    else:
        await bot.send_photo(chat_id, upload, caption=caption, reply_markup=markup)
