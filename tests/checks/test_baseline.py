from __future__ import annotations

import json

import attrs
import pytest

from dutylist.checks import check
from dutylist.checks.baseline import Baseline, finding_key, read_baseline, write_baseline
from dutylist.errors import FormatError, ReadError
from dutylist.model import PartKind
from tests.checks.model_builders import clean_list, replace_item

B = PartKind.BASIC


def _broken():
    return replace_item(clean_list(), B, 2, lambda i: attrs.evolve(i, name="做好党员教育 管理"))


def _renumbered(duty_list):
    """Insert a new first item: every later item's number shifts by one."""
    part = duty_list.parts[0]
    first = part.categories[0]
    new_item = attrs.evolve(first.items[0], number=1, name="新增事项名称")
    shifted = tuple(attrs.evolve(i, number=(i.number or 0) + 1) for i in first.items)
    second = part.categories[1]
    later = tuple(attrs.evolve(i, number=(i.number or 0) + 1) for i in second.items)
    categories = (
        attrs.evolve(first, items=(new_item, *shifted), declared_count=3),
        attrs.evolve(second, items=later),
    )
    return attrs.evolve(
        duty_list, parts=(attrs.evolve(part, categories=categories), *duty_list.parts[1:])
    )


def test_baseline_survives_renumbering(tmp_path):
    report = check(_broken())
    assert report.filter(code="stray-space")
    path = tmp_path / "baseline.json"
    write_baseline(report, path)
    baseline = read_baseline(path)
    renumbered = check(_renumbered(_broken()))
    (finding,) = renumbered.filter(code="stray-space")
    assert finding.location.item == 3  # was 2
    applied = baseline.apply(renumbered)
    assert [f.accepted for f in applied.filter(code="stray-space")] == [True]


def test_new_findings_are_not_accepted():
    baseline = Baseline.of(check(_broken()).findings)
    worse = replace_item(_broken(), B, 3, lambda i: attrs.evolve(i, name="优化营商环境 "))
    applied = baseline.apply(check(worse))
    assert [(f.location.item, f.accepted) for f in applied.filter(code="stray-space")] == [
        (2, True),
        (3, False),
    ]


def test_accepted_findings_do_not_fail_a_run():
    from dutylist.checks.findings import Severity

    report = attrs.evolve(check(_broken()), fail_on=Severity.WARNING)
    assert not report.ok
    assert Baseline.of(report.findings).apply(report).ok


def test_keys_leave_out_numbers_and_lines():
    (finding,) = check(_broken()).filter(code="stray-space")
    moved = attrs.evolve(
        finding, location=attrs.evolve(finding.location, item=40, source=None, clause=None)
    )
    assert finding_key(moved) == finding_key(finding)


def test_baseline_file_is_json_with_readable_entries(tmp_path):
    path = tmp_path / "b.json"
    write_baseline(check(_broken()), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["dutylist_baseline"] == 1
    assert data["findings"][0]["code"] == "stray-space"


@pytest.mark.parametrize("text", ["{", "[]", '{"dutylist_baseline": 1, "findings": [{}]}'])
def test_bad_baseline_files(tmp_path, text):
    path = tmp_path / "b.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FormatError):
        read_baseline(path)


def test_missing_baseline_file(tmp_path):
    with pytest.raises(ReadError):
        read_baseline(tmp_path / "missing.json")
