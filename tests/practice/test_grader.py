"""The practice grader on replies it never saw: macro-F1 per skill, and the held-out sets kept apart."""
from __future__ import annotations

import pytest

from coach.practice.evaluation import evaluate, load_labelled
from coach.practice.skills import CLASSES, SKILLS
from tests.conftest import ROOT

MIN_MACRO_F1 = 0.85
MIN_PER_CLASS = 15


def heldout(skill: str) -> list[tuple[str, str]]:
    return load_labelled(ROOT / "tests" / "practice" / f"heldout_{skill}.yml")


def training_texts() -> set[str]:
    return {_normal(text) for path in (ROOT / "nlu" / "practice").glob("*.yml")
            for text, _ in load_labelled(path)}


def _normal(text: str) -> str:
    return " ".join("".join(c for c in text.casefold() if c.isalnum() or c.isspace()).split())


@pytest.mark.parametrize("skill", SKILLS)
def test_heldout_has_enough_replies_of_every_kind(skill):
    labels = [label for _, label in heldout(skill)]
    assert {label: labels.count(label) >= MIN_PER_CLASS for label in CLASSES[skill]} == \
           {label: True for label in CLASSES[skill]}


@pytest.mark.parametrize("skill", SKILLS)
def test_no_heldout_reply_is_in_the_training_data(skill):
    overlap = {text for text, _ in heldout(skill) if _normal(text) in training_texts()}
    assert overlap == set()


@pytest.mark.parametrize("skill", SKILLS)
async def test_macro_f1_on_heldout_replies(grader, skill):
    evaluation = await evaluate(grader, heldout(skill), skill)
    assert evaluation.macro_f1 >= MIN_MACRO_F1, evaluation


async def test_grading_is_in_context_of_the_skill(grader):
    assert (await grader.grade("i'm fine, honestly", "disclosing")).label == "deflecting"
    listening = await grader.grade("i'm fine, honestly", "listening")
    assert listening.label in CLASSES["listening"]
    assert 0.0 < listening.confidence <= 1.0


async def test_a_reply_that_looks_like_a_payload_is_graded_as_text(grader):
    grade = await grader.grade("/you should quit", "listening")
    assert grade.label == "advice"
