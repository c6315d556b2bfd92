"""The crisis lines are data with a source and a date, and cover every country the issue names."""
from __future__ import annotations

import re

import pytest

from coach.safety.messages import crisis_message
from coach.safety.resources import default_resources

REQUIRED = {
    "US": ["988", "741741", "HOME"],
    "GB": ["116 123", "0800 58 58 58", "85258"],
    "IE": ["116 123"],
    "CA": ["988"],
    "AU": ["13 11 14", "1300 78 99 78"],
    "NZ": ["1737"],
}
EMERGENCY = {"US": "911", "CA": "911", "GB": "999", "IE": "112", "AU": "000", "NZ": "111"}


@pytest.mark.parametrize("code", sorted(REQUIRED))
def test_each_country_lists_its_lines_and_emergency_number(code):
    country = default_resources().for_country(code)
    contacts = " ".join(line.contact for line in country.lines)
    for number in REQUIRED[code]:
        assert number in contacts
    assert EMERGENCY[code] in country.emergency


def test_every_line_has_hours_a_source_and_a_check_date():
    resources = default_resources()
    lines = [resources.international] + [line for c in resources.countries.values() for line in c.lines]
    for line in lines:
        assert line.hours and line.source.startswith("https://")
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", line.checked)


def test_an_unknown_country_gets_the_directory_and_all_emergency_numbers():
    text, shown = crisis_message(default_resources(), "other")
    assert "findahelpline.com" in text
    for number in ("911", "999", "000", "112"):
        assert number in text
    assert shown == [default_resources().international.service]


@pytest.mark.parametrize("typed, code", [("UK", "GB"), ("the usa", "US"), ("Aotearoa", "NZ"),
                                         ("Ireland", "IE"), ("oz", "AU"), ("narnia", None)])
def test_typed_country_names(typed, code):
    assert default_resources().country_code(typed) == code
