"""A small fake Bot API server on 127.0.0.1: serves queued updates, records every request."""
from __future__ import annotations

import asyncio
import itertools
import json
import time
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

BOT = {"id": 4242, "is_bot": True, "first_name": "Confide", "username": "ConfideTestBot",
       "can_join_groups": True, "can_read_all_group_messages": False, "supports_inline_queries": False}
LONG_POLL_CAP_S = 1.0  # hold getUpdates at most this long, so stopping the bot is quick
JSON_FIELDS = {"reply_markup", "commands", "allowed_updates"}
INT_FIELDS = {"chat_id", "message_id", "offset", "limit"}
TRUE_METHODS = {"sendChatAction", "answerCallbackQuery", "setMyCommands", "deleteWebhook", "setWebhook"}
MESSAGE_METHODS = {"sendMessage", "sendPhoto", "sendDocument", "editMessageReplyMarkup"}


@dataclass
class Call:
    method: str
    params: dict[str, Any] = field(default_factory=dict)
    message_id: int | None = None  # of the message this call created

    @property
    def text(self) -> str:
        return self.params.get("text") or self.params.get("caption") or ""

    @property
    def buttons(self) -> list[dict]:
        markup = self.params.get("reply_markup") or {}
        return [b for row in markup.get("inline_keyboard", []) for b in row]


class FakeTelegram:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.fail_next: dict[str, int] = {}  # method -> how many calls answer 502 Bad Gateway
        self._updates: list[dict] = []
        self._arrived = asyncio.Condition()
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._runner: web.AppRunner | None = None
        self.base_url = ""

    async def start(self) -> str:
        app = web.Application()
        app.router.add_post("/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]
        self.base_url = f"http://127.0.0.1:{port}"
        return self.base_url

    async def stop(self) -> None:
        if self._runner:
            await self._runner.cleanup()

    async def push(self, update: dict) -> int:
        """Queue an update for the next getUpdates; returns its update_id."""
        update = {"update_id": next(self._update_ids), **update}
        async with self._arrived:
            self._updates.append(update)
            self._arrived.notify_all()
        return update["update_id"]

    def sent(self, method: str, chat_id: int | None = None) -> list[Call]:
        return [c for c in self.calls if c.method == method
                and (chat_id is None or c.params.get("chat_id") == chat_id)]

    async def _handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params = await _params(request)
        call = Call(method, params)
        if method != "getUpdates":
            self.calls.append(call)
        if self.fail_next.get(method):
            self.fail_next[method] -= 1
            return web.json_response({"ok": False, "error_code": 502, "description": "Bad Gateway"},
                                     status=502)
        if method == "getUpdates":
            return _ok(await self._get_updates(params))
        if method == "getMe":
            return _ok(BOT)
        if method in TRUE_METHODS:
            return _ok(True)
        if method in MESSAGE_METHODS:
            message = self._message(method, params)
            call.message_id = message["message_id"]
            return _ok(message)
        return web.json_response({"ok": False, "error_code": 404, "description": "Not Found"}, status=404)

    async def _get_updates(self, params: dict) -> list[dict]:
        offset = params.get("offset") or 0
        async with self._arrived:
            pending = lambda: [u for u in self._updates if u["update_id"] >= offset]  # noqa: E731
            if not pending() and params.get("timeout"):
                try:
                    await asyncio.wait_for(self._arrived.wait_for(lambda: bool(pending())),
                                           timeout=min(params["timeout"], LONG_POLL_CAP_S))
                except asyncio.TimeoutError:
                    pass
            return pending()

    def _message(self, method: str, params: dict) -> dict:
        message = {"message_id": params.get("message_id") or next(self._message_ids),
                   "date": int(time.time()), "from": BOT,
                   "chat": {"id": params.get("chat_id"), "type": "private"}}
        if method == "sendMessage":
            message["text"] = params.get("text", "")
        if method == "sendPhoto":
            message["photo"] = [{"file_id": "photo-1", "file_unique_id": "p1", "width": 640, "height": 480}]
        if method == "sendDocument":
            message["document"] = {"file_id": "doc-1", "file_unique_id": "d1",
                                   "file_name": params["document"]["filename"]}
        if isinstance(params.get("reply_markup"), dict):
            message["reply_markup"] = params["reply_markup"]
        return message


def _ok(result: Any) -> web.Response:
    return web.json_response({"ok": True, "result": result})


async def _params(request: web.Request) -> dict[str, Any]:
    form = await request.post()
    params: dict[str, Any] = {}
    for name, value in form.items():
        if hasattr(value, "file"):  # an upload
            params[name] = {"filename": value.filename, "content": value.file.read(),
                            "content_type": value.content_type}
        elif name in JSON_FIELDS:
            params[name] = json.loads(value)
        elif name in INT_FIELDS:
            params[name] = int(value)
        elif name == "timeout":
            params[name] = float(value)
        else:
            params[name] = value
    return params
