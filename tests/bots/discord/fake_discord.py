"""A small fake of Discord's REST API on 127.0.0.1: it answers what the bot asks and records every call."""
from __future__ import annotations

import itertools
import json
import re
from dataclasses import dataclass, field
from typing import Any, Callable

from aiohttp import web

APP_ID = 700000000000000001
BOT_USER = {"id": str(APP_ID), "username": "Confide", "discriminator": "0", "avatar": None,
            "global_name": "Confide", "bot": True}
OWNER = {"id": "700000000000000009", "username": "owner", "discriminator": "0", "avatar": None}
TIMESTAMP = "2026-11-28T12:00:00+00:00"


@dataclass
class Call:
    method: str
    path: str
    json: Any = None
    files: list[tuple[str, bytes]] = field(default_factory=list)

    def __repr__(self) -> str:
        return f"{self.method} {self.path}"


def dm_channel_id(user_id: int | str) -> int:
    """Every user's DM channel with the bot has a predictable id."""
    return int(user_id) + 1_000_000


class FakeDiscord:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.messages: dict[str, dict] = {}
        self._ids = itertools.count(800000000000000001)
        self._runner: web.AppRunner | None = None
        self._refusals: dict[str, tuple[int, dict]] = {}
        self._routes: list[tuple[str, re.Pattern, Callable]] = [
            ("GET", re.compile(r"/users/@me"), lambda call, m: BOT_USER),
            ("GET", re.compile(r"/oauth2/applications/@me"), lambda call, m: self._application()),
            ("POST", re.compile(r"/users/@me/channels"), self._open_dm),
            ("POST", re.compile(r"/channels/(\d+)/typing"), lambda call, m: None),
            ("POST", re.compile(r"/channels/(\d+)/messages"), self._send_message),
            ("PATCH", re.compile(r"/channels/(\d+)/messages/(\d+)"), self._edit_message),
            ("POST", re.compile(r"/interactions/(\d+)/([^/]+)/callback"), self._interaction_callback),
            ("POST", re.compile(r"/webhooks/(\d+)/([^/]+)"), self._followup),
            ("PATCH", re.compile(r"/webhooks/(\d+)/([^/]+)/messages/(@original|\d+)"), self._followup),
            ("DELETE", re.compile(r"/webhooks/(\d+)/([^/]+)/messages/(@original|\d+)"), lambda call, m: None),
            ("PUT", re.compile(r"/applications/(\d+)/commands"), self._register_commands),
        ]

    async def start(self) -> str:
        app = web.Application()
        app.router.add_route("*", "/api/v10/{tail:.*}", self._handle)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}/api/v10"

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    # What tests read

    def to(self, method: str, path_pattern: str) -> list[Call]:
        pattern = re.compile(path_pattern + "$")
        return [c for c in self.calls if c.method == method and pattern.match(c.path)]

    def sent_to(self, channel_id: int) -> list[Call]:
        """Messages the bot posted in a channel."""
        return self.to("POST", f"/channels/{channel_id}/messages")

    def texts_to(self, channel_id: int) -> str:
        return "\n".join((c.json or {}).get("content") or "" for c in self.sent_to(channel_id))

    def last_message_with_buttons(self, channel_id: int) -> dict:
        found = [m for m in self.messages.values() if m["channel_id"] == str(channel_id) and m["components"]]
        assert found, f"no message with buttons in channel {channel_id}"
        return found[-1]

    def refuse(self, path: str, status: int, code: int, message: str) -> None:
        """Answer every call to this path with a Discord error (e.g. 403, 50007 for closed DMs)."""
        self._refusals[path] = (status, {"message": message, "code": code})

    # The server

    async def _handle(self, request: web.Request) -> web.Response:
        call = await _read_call(request)
        self.calls.append(call)
        if call.path in self._refusals:
            status, error = self._refusals[call.path]
            return _json(error, status=status)
        for method, pattern, answer in self._routes:
            match = pattern.fullmatch(call.path)
            if method == request.method and match:
                body = answer(call, match)
                if body is None:
                    return web.Response(status=204)
                return _json(body)
        return _json({"message": "Unknown route", "code": 0}, status=404)

    def _application(self) -> dict:
        return {"id": str(APP_ID), "name": "Confide", "description": "", "icon": None, "bot_public": True,
                "bot_require_code_grant": False, "owner": OWNER, "verify_key": "0" * 64, "flags": 0}

    def _open_dm(self, call: Call, match) -> dict:
        user_id = call.json["recipient_id"]
        recipient = {"id": str(user_id), "username": f"user{user_id}", "discriminator": "0", "avatar": None}
        return {"id": str(dm_channel_id(user_id)), "type": 1, "recipients": [recipient], "last_message_id": None}

    def _send_message(self, call: Call, match) -> dict:
        return self._store(match.group(1), call, str(next(self._ids)))

    def _edit_message(self, call: Call, match) -> dict:
        return self._store(match.group(1), call, match.group(2))

    def _followup(self, call: Call, match) -> dict:
        return self._store("0", call, str(next(self._ids)))

    def _register_commands(self, call: Call, match) -> list[dict]:
        return [{**command, "id": str(next(self._ids)), "application_id": str(APP_ID), "version": "1"}
                for command in call.json]

    def _interaction_callback(self, call: Call, match) -> dict:
        data = (call.json or {}).get("data") or {}
        return {"interaction": {"id": match.group(1), "type": 2, "response_message_id": str(next(self._ids)),
                                "response_message_ephemeral": bool((data.get("flags") or 0) & 64)}}

    def _store(self, channel_id: str, call: Call, message_id: str) -> dict:
        body = call.json or {}
        message = {
            "id": message_id, "channel_id": channel_id, "author": BOT_USER, "content": body.get("content") or "",
            "timestamp": TIMESTAMP, "edited_timestamp": None, "tts": False, "mention_everyone": False,
            "mentions": [], "mention_roles": [], "embeds": [], "pinned": False, "type": 0, "flags": 0,
            "components": body.get("components") or [],
            "attachments": [{"id": str(i), "filename": name, "size": len(data), "url": f"https://cdn/{name}",
                             "proxy_url": f"https://cdn/{name}"} for i, (name, data) in enumerate(call.files)],
        }
        self.messages[message_id] = message
        return message


def _json(body: Any, status: int = 200) -> web.Response:
    """discord.py reads a body as JSON only when the content type is exactly application/json."""
    return web.Response(body=json.dumps(body).encode(), status=status, content_type="application/json")


async def _read_call(request: web.Request) -> Call:
    path = request.path.removeprefix("/api/v10")
    if request.content_type == "multipart/form-data":
        form = await request.post()
        files = [(part.filename, part.file.read()) for key, part in form.items() if key.startswith("files[")]
        return Call(request.method, path, json.loads(form["payload_json"]), files)
    body = await request.read()
    return Call(request.method, path, json.loads(body) if body else None)
