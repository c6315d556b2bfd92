"""Build and run the Telegram bot: the Application, its handlers, and its lifecycle."""
from __future__ import annotations

import asyncio
import logging
import secrets
from urllib.parse import urlparse

from telegram import BotCommand, Update
from telegram.error import BadRequest, NetworkError
from telegram.ext import (AIORateLimiter, Application, ApplicationBuilder, CallbackQueryHandler,
                          CommandHandler, MessageHandler, filters)

from bots.telegram import handlers, reminders
from bots.telegram.ordering import OneAtATimePerChat
from bots.telegram.state import COACH, OWNS_COACH, SETTINGS
from coach.settings import Settings

logger = logging.getLogger(__name__)

MENU = (
    ("start", "Start, or start over"),
    ("help", "What we can work on"),
    ("checkin", "A two-minute check-in"),
    ("practice", "Practise a conversation"),
    ("reframe", "Rethink a \"man up\" script"),
    ("disclose", "Open up a little, one step at a time"),
    ("progress", "See how you're doing"),
    ("remind", "A daily check-in nudge: /remind 08:30 Europe/London"),
    ("country", "Set your country for helplines"),
    ("privacy", "What I store and why"),
    ("export", "Download everything I keep about you"),
    ("forget", "Delete everything I keep about you"),
)
NETWORK_RETRIES = 3
RETRY_BACKOFF_S = 0.5

PRIVATE = filters.ChatType.PRIVATE
NEW_MESSAGE = filters.UpdateType.MESSAGE


class MissingToken(RuntimeError):
    """`coach telegram` needs TELEGRAM_BOT_TOKEN."""


class RetryingRateLimiter(AIORateLimiter):
    """Telegram's flood limits (and its "retry after"), plus a few retries on network errors.

    A send that timed out after Telegram received it may arrive twice; a lost reply is worse.
    """

    async def process_request(self, callback, args, kwargs, endpoint, data, rate_limit_args):
        for attempt in range(NETWORK_RETRIES + 1):
            try:
                return await super().process_request(callback, args, kwargs, endpoint, data, rate_limit_args)
            except BadRequest:
                raise
            except NetworkError as error:
                if attempt == NETWORK_RETRIES:
                    raise
                logger.warning("telegram %s failed (%s), retrying", endpoint, type(error).__name__)
                await asyncio.sleep(RETRY_BACKOFF_S * 2 ** attempt)


def build_application(settings: Settings, coach=None) -> Application:
    """The bot, ready to run. Without `coach`, one is built in post_init and closed at shutdown."""
    if not settings.telegram_token:
        raise MissingToken("TELEGRAM_BOT_TOKEN is not set. Create a bot with @BotFather, then run: "
                           "TELEGRAM_BOT_TOKEN=<token> coach telegram")
    builder = (ApplicationBuilder().token(settings.telegram_token)
               .rate_limiter(RetryingRateLimiter(max_retries=3))
               .concurrent_updates(OneAtATimePerChat())
               .post_init(_post_init).post_shutdown(_post_shutdown))
    if settings.telegram_api_base_url:
        root = settings.telegram_api_base_url.rstrip("/").removesuffix("/bot")
        builder = builder.base_url(f"{root}/bot").base_file_url(f"{root}/file/bot")
    application = builder.build()
    application.bot_data[SETTINGS] = settings
    if coach is not None:
        application.bot_data[COACH] = coach
    add_handlers(application)
    return application


def add_handlers(application: Application) -> None:
    application.add_handler(CommandHandler("remind", reminders.on_remind, filters=PRIVATE & NEW_MESSAGE))
    application.add_handler(MessageHandler(PRIVATE & NEW_MESSAGE & filters.TEXT, handlers.on_text))
    application.add_handler(CallbackQueryHandler(handlers.on_button))
    unreadable = filters.UpdateType.EDITED_MESSAGE | (NEW_MESSAGE & ~filters.TEXT)
    application.add_handler(MessageHandler(PRIVATE & unreadable, handlers.on_unreadable))
    application.add_handler(MessageHandler(filters.ChatType.GROUPS & NEW_MESSAGE, handlers.on_group_message))
    application.add_error_handler(handlers.on_error)


async def _post_init(application: Application) -> None:
    if COACH not in application.bot_data:
        from coach.bootstrap import build_coach

        application.bot_data[COACH] = await build_coach(application.bot_data[SETTINGS])
        application.bot_data[OWNS_COACH] = True
    await application.bot.set_my_commands([BotCommand(name, text) for name, text in MENU])
    reminders.schedule_saved(application)


async def _post_shutdown(application: Application) -> None:
    if application.bot_data.pop(OWNS_COACH, False):
        await application.bot_data.pop(COACH).close()


def webhook_options(settings: Settings) -> dict:
    """Where Telegram posts updates: the public URL's path, on the configured port."""
    return dict(
        listen="0.0.0.0",
        port=settings.telegram_webhook_port,
        url_path=urlparse(settings.telegram_webhook_url).path.lstrip("/"),
        webhook_url=settings.telegram_webhook_url,
        # Telegram sends this back in a header on every call, so strangers can't post fake updates.
        secret_token=settings.telegram_webhook_secret or secrets.token_urlsafe(32),
        allowed_updates=Update.ALL_TYPES,
    )


def run(settings: Settings) -> None:
    """Long polling by default; a webhook when TELEGRAM_WEBHOOK_URL is set."""
    from coach.quiet import configure_logging

    application = build_application(settings)
    configure_logging(settings.log_level)
    if settings.telegram_webhook_url:
        application.run_webhook(**webhook_options(settings))
    else:
        application.run_polling(allowed_updates=Update.ALL_TYPES)
