"""`coach grade` as a user runs it: replies piped in, one JSON line out per reply."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys

from tests.conftest import ROOT


def run_coach(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "CONFIDE_MODELS_DIR": str(ROOT / "models")}
    return subprocess.run([sys.executable, "-m", "coach.cli", *args], input=stdin, capture_output=True,
                          text=True, cwd=ROOT, env=env, timeout=600)


def test_grade_prints_one_json_line_per_reply(grader):
    done = run_coach("grade", stdin="you should just quit\n\nthat sounds really rough, babe\n")
    assert done.returncode == 0, done.stderr[-2000:]
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert [line["text"] for line in lines] == ["you should just quit", "that sounds really rough, babe"]
    assert lines[0]["label"] == "advice"
    assert all(set(line) == {"text", "label", "confidence"} for line in lines)
    assert all(0.0 < line["confidence"] <= 1.0 for line in lines)


async def test_grade_for_disclosing_uses_the_disclosure_kinds(grader, settings):
    from coach.practice.cli import grade_lines

    out = io.StringIO()
    await grade_lines(settings, "disclosing", io.StringIO("i'm fine\ni could really use a hug tonight\n"), out)
    assert [json.loads(line)["label"] for line in out.getvalue().splitlines()] == ["deflecting", "need_named"]


def test_grade_eval_prints_the_confusion_matrix_for_both_skills(grader):
    done = run_coach("grade", "--eval")
    assert done.returncode == 0, done.stderr[-2000:]
    assert "listening: macro-F1" in done.stdout and "disclosing: macro-F1" in done.stdout
    assert "minimizing |" in done.stdout and "need_named |" in done.stdout
