"""The scenario library: every file complete, every kind of reply branched, and bad files caught."""
from __future__ import annotations

import copy

import pytest
import yaml

from coach.practice.scenarios import SCENARIO_DIR, ScenarioError, find_scenario, library, parse, problems
from coach.practice.skills import CLASSES, SKILLS

FILES = sorted(SCENARIO_DIR.glob("*.yml"))


def test_there_are_at_least_ten_scenarios_covering_both_skills():
    assert len(library()) >= 10
    assert {s.skill for s in library().values()} == set(SKILLS)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_scenario_file_is_complete(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert problems(data) == []
    scenario = parse(path.stem, data)
    assert 2 <= len(scenario.turns) <= 3
    for branches in scenario.turns:
        assert set(branches) == set(CLASSES[scenario.skill]), "a branch for every kind of reply"
    assert set(scenario.notes) == set(CLASSES[scenario.skill])


def _awful_day() -> dict:
    return yaml.safe_load((SCENARIO_DIR / "awful_day.yml").read_text(encoding="utf-8"))


def test_a_missing_branch_is_reported_by_name():
    data = _awful_day()
    del data["turns"][1]["advice"]
    assert problems(data) == ["turn 2: no branch for advice"]
    with pytest.raises(ScenarioError, match="turn 2: no branch for advice"):
        parse("awful_day", data)


def test_a_kind_from_the_other_skill_is_reported():
    data = _awful_day()
    data["notes"]["deflecting"] = "Not a listening reply."
    assert problems(data) == ["notes: unknown kinds deflecting"]


@pytest.mark.parametrize("change, expected", [
    (lambda d: d.pop("better"), "missing better"),
    (lambda d: d.update(skill="juggling"), "skill must be one of listening, disclosing"),
    (lambda d: d.update(turns=d["turns"][:1]), "turns must be a list of 2 to 3 branch sets"),
    (lambda d: d["notes"].update(advice="  "), "notes: no branch for advice"),
])
def test_incomplete_scenarios_are_caught(change, expected):
    data = copy.deepcopy(_awful_day())
    change(data)
    assert expected in problems(data)


@pytest.mark.parametrize("typed, expected", [
    ("awful_day", "awful_day"), ("the money one", "money_worry"), ("snapped at her", "repair_snap"),
    ("man up", "man_up_friend"), ("purple monkey", None),
])
def test_a_typed_choice_finds_the_scenario(typed, expected):
    found = find_scenario(typed)
    assert (found.id if found else None) == expected


def test_surprise_me_picks_one_of_the_library():
    assert find_scenario("surprise me").id in library()


def test_a_note_words_an_unsure_grade_as_a_guess():
    from coach.practice.feedback import note

    scenario = library()["awful_day"]
    assert note(scenario, "reflection", 0.95).startswith("(That was a reflection.)")
    unsure = note(scenario, "advice", 0.4)
    assert unsure.startswith("(I read that as advice.)")
    assert scenario.better in unsure
