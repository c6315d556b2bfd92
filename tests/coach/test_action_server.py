"""The same actions run under a standard `rasa run actions` server, for deployments that want one."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from rasa.shared.core.domain import Domain
from rasa_sdk.executor import ActionExecutor

ROOT = Path(__file__).resolve().parents[2]
RASA = str(Path(sys.executable).with_name("rasa"))


def _custom_actions_in_domain() -> set[str]:
    domain = Domain.load(str(ROOT / "domain"))
    return {name for name in domain.user_actions if not name.startswith("utter_")}


def test_the_sdk_registers_every_custom_action_the_domain_names():
    executor = ActionExecutor()
    executor.register_package("coach.actions")
    assert _custom_actions_in_domain() <= set(executor.actions)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _post(url: str, body: dict) -> dict:
    request = urllib.request.Request(url, json.dumps(body).encode(), {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def _wait_until_healthy(url: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert server.poll() is None, server.stdout.read()[-2000:]
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.5)
    raise AssertionError("action server did not start")


def test_a_standalone_action_server_runs_our_actions(tmp_path):
    port = _free_port()
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'actions.db'}", "RASA_TELEMETRY_ENABLED": "false"}
    server = subprocess.Popen([RASA, "run", "actions", "--actions", "coach.actions", "--port", str(port)],
                              cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        _wait_until_healthy(f"http://127.0.0.1:{port}/health", server)
        tracker = {"sender_id": "test:server", "slots": {"checkin_mood": "2", "checkin_feeling": "tired"},
                   "latest_message": {"text": "", "intent": {}, "entities": []}, "events": [],
                   "paused": False, "followup_action": None, "active_loop": {},
                   "latest_action_name": "action_listen"}
        answer = _post(f"http://127.0.0.1:{port}/webhook",
                       {"next_action": "action_save_checkin", "sender_id": "test:server", "tracker": tracker,
                        "domain": {}, "version": "3.6.0"})
        texts = " ".join(r.get("text") or "" for r in answer["responses"])
        assert "tired" in texts and "haven't saved" in texts  # no consent, so nothing stored
        assert {"event": "slot", "name": "flow", "value": None} in [
            {k: e.get(k) for k in ("event", "name", "value")} for e in answer["events"]]
    finally:
        server.terminate()
        server.wait(timeout=30)
