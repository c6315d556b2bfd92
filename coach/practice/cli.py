"""`coach grade`: the practice grader on anyone's replies, and its figures on the held-out sets."""
from __future__ import annotations

import json
import sys
from typing import TextIO

from coach.practice.evaluation import evaluate, load_labelled, report
from coach.practice.grader import load_grader
from coach.practice.skills import SKILLS
from coach.settings import Settings

HELDOUT = "tests/practice/heldout_{skill}.yml"


async def grade_lines(settings: Settings, skill: str, lines: TextIO, out: TextIO) -> int:
    """One JSON line per non-empty input line: {"text", "label", "confidence"}."""
    grader = load_grader(settings.project_root, settings.models_dir, sys.stderr)
    for line in lines:
        text = line.strip()
        if text:
            grade = await grader.grade(text, skill)
            print(json.dumps(grade.as_dict(text), ensure_ascii=False), file=out, flush=True)
    return 0


async def evaluate_heldout(settings: Settings, out: TextIO) -> int:
    """Confusion matrix and macro-F1 per skill; exit code 1 when a held-out set is missing."""
    grader = load_grader(settings.project_root, settings.models_dir, sys.stderr)
    for skill in SKILLS:
        path = settings.project_root / HELDOUT.format(skill=skill)
        if not path.exists():
            print(f"No held-out set at {path}", file=sys.stderr)
            return 1
        print(report(await evaluate(grader, load_labelled(path), skill)) + "\n", file=out)
    return 0
