"""`coach chat` as a script sees it: piped input, one reply block or one JSON object per line."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
COACH = str(Path(sys.executable).with_name("coach"))


@pytest.fixture
def run_chat(trained_model, tmp_path):
    database = f"sqlite:///{tmp_path / 'cli.db'}"

    def run(lines: list[str], *args: str) -> subprocess.CompletedProcess:
        env = {**os.environ, "CONFIDE_MODELS_DIR": str(trained_model.parent), "DATABASE_URL": "sqlite:////nonexistent/x.db"}
        return subprocess.run([COACH, "chat", "--db", database, *args], input="\n".join(lines) + "\n",
                              env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)

    return run


def _turns(result: subprocess.CompletedProcess) -> list[dict]:
    assert result.returncode == 0, result.stderr[-2000:]
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_json_mode_prints_one_object_per_turn_with_intent_flow_and_replies(run_chat):
    turns = _turns(run_chat(["hi", "/give_consent", "/checkin", "3", "a bit flat"], "--json"))
    assert [t["text"] for t in turns] == ["hi", "/give_consent", "/checkin", "3", "a bit flat"]
    assert set(turns[0]) == {"text", "intent", "confidence", "flow", "replies"}
    assert turns[0]["intent"] == "greet" and 0 < turns[0]["confidence"] <= 1
    consent_buttons = [b["payload"] for r in turns[0]["replies"] for b in r["buttons"]]
    assert "/give_consent" in consent_buttons
    assert turns[2]["flow"] == "checkin"
    assert [b["title"] for r in turns[2]["replies"] for b in r["buttons"]] == ["1", "2", "3", "4", "5"]
    assert turns[4]["flow"] is None
    assert "flat" in " ".join(r["text"] for r in turns[4]["replies"])
    assert all(set(r) >= {"text", "buttons", "image"} for t in turns for r in t["replies"])


def test_readable_mode_numbers_buttons_and_a_number_picks_one(run_chat):
    result = run_chat(["hello", "1"])
    assert result.returncode == 0, result.stderr[-2000:]
    assert "coach> " in result.stdout
    assert "[1] Yes, that's OK" in result.stdout
    assert "which country" in result.stdout.lower()  # "1" chose "Yes, that's OK"


def test_restarting_continues_the_same_conversation_and_users_are_separate(run_chat):
    _turns(run_chat(["hi", "/give_consent", "/checkin", "4", "hopeful"], "--json", "--user", "sam"))
    again = _turns(run_chat(["hi"], "--json", "--user", "sam"))
    greeting = " ".join(r["text"] for r in again[0]["replies"])
    assert "hopeful" in greeting and "store our conversation" not in greeting
    stranger = _turns(run_chat(["hi"], "--json", "--user", "alex"))
    assert "store our conversation" in " ".join(r["text"] for r in stranger[0]["replies"])
