"""Telegram updates in, the coach's replies out. No coaching logic lives here."""
from __future__ import annotations

import asyncio
import logging
import traceback
from contextlib import asynccontextmanager, suppress
from typing import AsyncIterator

from telegram import Bot, Message, Update
from telegram.constants import ChatAction, ChatType
from telegram.error import BadRequest, NetworkError, TelegramError
from telegram.ext import ContextTypes

from bots.telegram.render import send_reply
from bots.telegram.state import PLATFORM, coach_of, keys_of
from coach.identity import UserRef

logger = logging.getLogger(__name__)

TYPING_RENEW_S = 4.0  # Telegram shows "typing..." for about 5 seconds per request

UNREADABLE = ("I can only read text for now, so stickers, voice notes, photos and edited messages "
              "pass me by. Could you type it as a new message?")
GROUP_NOTE = ("Hi! I only coach in private chats, so what you share stays between the two of us. "
              "Message me here: https://t.me/{username}")
GROUP_SAFETY = ("If anyone here is in danger right now, please call your local emergency number, "
                "or find a free helpline at findahelpline.com.")
EXPIRED = "That button has expired. Just type what you'd like to do, or /help for the menu."
SORRY = ("Sorry, something went wrong on my side. Nothing you said is lost. "
         "Try again in a moment, or type /help.")


@asynccontextmanager
async def typing(bot: Bot, chat_id: int) -> AsyncIterator[None]:
    """Show "typing..." while the coach works, renewed until the replies are ready."""

    async def renew() -> None:
        while True:
            await asyncio.sleep(TYPING_RENEW_S)
            with suppress(TelegramError):
                await bot.send_chat_action(chat_id, ChatAction.TYPING)

    with suppress(TelegramError):
        await bot.send_chat_action(chat_id, ChatAction.TYPING)
    renewing = asyncio.create_task(renew())
    try:
        yield
    finally:
        renewing.cancel()
        with suppress(asyncio.CancelledError):
            await renewing


async def converse(context: ContextTypes.DEFAULT_TYPE, chat_id: int, user_id: int, text: str) -> None:
    """He said `text`: ask the coach and send every reply, in order."""
    async with typing(context.bot, chat_id):
        turn = await coach_of(context.bot_data).respond(UserRef(PLATFORM, str(user_id)), text)
    logger.debug("telegram turn: user %s, intent %s, flow %s", user_id, turn.intent, turn.flow)
    for reply in turn.replies:
        await send_reply(context.bot, chat_id, reply, keys_of(context.bot_data))


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A text message (or command) in a private chat goes to the coach."""
    message = update.effective_message
    await converse(context, message.chat_id, update.effective_user.id, message.text)


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A button press: answer it at once, retire its keyboard, then pass its payload on."""
    query = update.callback_query
    await query.answer()
    message = query.message
    if message is None or message.chat.type != ChatType.PRIVATE:
        return
    with suppress(BadRequest):  # already edited, or too old to edit: it can't be pressed anyway
        await context.bot.edit_message_reply_markup(message.chat.id, message.message_id, reply_markup=None)
    payload = keys_of(context.bot_data).payload_for(query.data or "")
    if payload is None:
        await context.bot.send_message(message.chat.id, EXPIRED)
        return
    await converse(context, message.chat.id, query.from_user.id, payload)


async def on_unreadable(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Stickers, voice notes, photos and edits: tell him kindly that only text works."""
    await context.bot.send_message(update.effective_chat.id, UNREADABLE)


async def on_group_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """In a group: a short note and a link to a private chat; nothing he wrote is used or echoed."""
    message = update.effective_message
    if not _addressed_to(message, context.bot):
        return
    lines = [GROUP_NOTE.format(username=context.bot.username)]
    if coach_of(context.bot_data).detector.assess(message.text or message.caption or "").crisis:
        lines.append(GROUP_SAFETY)
    await context.bot.send_message(message.chat_id, "\n\n".join(lines))


def _addressed_to(message: Message, bot: Bot) -> bool:
    """A command, an @mention of the bot, or a reply to one of its messages."""
    text = (message.text or message.caption or "").lower()
    replied_to = message.reply_to_message
    return (text.startswith("/") or f"@{bot.username}".lower() in text
            or bool(replied_to and replied_to.from_user and replied_to.from_user.id == bot.id))


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log where it failed (never what he wrote) and tell him kindly."""
    error = context.error
    if update is None and isinstance(error, NetworkError):
        logger.warning("telegram network trouble while polling: %s", type(error).__name__)
        return
    frames = "".join(traceback.format_tb(error.__traceback__)) if error else ""
    logger.error("telegram update failed: %s\n%s", type(error).__name__, frames)
    chat = update.effective_chat if isinstance(update, Update) else None
    if chat is not None and chat.type == ChatType.PRIVATE:
        with suppress(TelegramError):
            await context.bot.send_message(chat.id, SORRY)
