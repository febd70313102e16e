"""docs/checks.md documents every rule once and its worked example is the real report."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dutylist.checks import RULES, check

CHECKS_PAGE = Path(__file__).resolve().parents[2] / "docs" / "checks.md"


@pytest.fixture(scope="module")
def page() -> str:
    return CHECKS_PAGE.read_text(encoding="utf-8")


def test_every_rule_is_documented_once_with_examples(page):
    headings = re.findall(r"^#### `([a-z-]+)`$", page, re.MULTILINE)
    assert sorted(headings) == sorted(rule.code for rule in RULES)
    sections = re.split(r"^#### ", page, flags=re.MULTILINE)[1:]
    for section in sections:
        body = section.split("\n## ")[0]
        assert "*Fails:*" in body, section.splitlines()[0]
        assert "*Passes:*" in body, section.splitlines()[0]


def test_rules_table_lists_every_rule_with_its_default_severity(page):
    rows = dict(re.findall(r"^\| `([a-z-]+)` \| (error|warning|info) \|", page, re.MULTILINE))
    assert rows == {rule.code: rule.severity.value for rule in RULES}


def test_worked_example_is_the_report_of_the_reference(page, mingzhu):
    example = page.split("## Worked example")[1]
    rows = re.findall(
        r"^\| \d+ \| (error|warning|info) \| `([a-z-]+)` \| ([^|]+) \|", example, re.MULTILINE
    )
    documented = [(severity, code, where.strip()) for severity, code, where in rows]
    actual = []
    for finding in check(mingzhu).findings:
        location = finding.location
        assert location.part is not None
        if location.item is not None:
            where = f"{location.part.value} {location.item}"
        else:
            where = f"{location.part.value} category {location.category}"
        if location.field:
            where += f", {location.field}" + (f"[{location.clause}]" if location.clause else "")
        actual.append((finding.severity.value, finding.code, where))
    assert documented == actual
