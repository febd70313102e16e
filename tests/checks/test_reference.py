"""The reference list's real defects: all found, and no false errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from dutylist.checks import check
from dutylist.checks.findings import Severity
from dutylist.model import PartKind

B, C, R = PartKind.BASIC, PartKind.COOPERATIVE, PartKind.RECALLED

EXPECTED = {
    # errors
    ("misspelt-department", C, 94),  # 市公安局南关分区局 for 市公安局南关区分局
    ("duplicate-category-title", R, "category 6"),  # 五、文化和旅游 and 六、 文化和旅游
    # warnings
    ("stray-space", R, "category 6"),  # "六、 文化和旅游 （1项）"
    ("stray-space", C, 80),  # "2. 全面收集资料"
    ("stray-space", R, 88),  # "…监督检查。     3.接受…"
    ("clause-run-together", C, 14),  # "2.…。3.…" in one paragraph
    ("clause-run-together", R, 88),
    ("clause-missing-separator", C, 23),  # "1对离校未就业…"
    ("stray-space", C, 10),  # "区财政局、 区发改局"
    ("missing-method-label", R, 80),  # 承接部门 then the clauses, no 工作方式：
    ("missing-method-label", R, 87),
    ("missing-method-label", R, 88),
    ("inconsistent-department-spelling", C, 102),  # 区政府办 / 政府办
    ("inconsistent-department-spelling", R, 57),  # 市市场监管局南关区分局
    # info
    ("missing-closing-punctuation", C, 16),
    ("missing-closing-punctuation", C, 23),
    ("missing-closing-punctuation", C, 27),
    ("missing-closing-punctuation", C, 33),
    ("missing-closing-punctuation", C, 55),
    ("missing-closing-punctuation", R, 15),
    ("half-width-punctuation", C, 23),
    ("half-width-punctuation", C, 98),
    ("duplicated-duty", C, 39),
    ("repeated-text", C, 71),
    ("name-trailing-punctuation", R, 35),
    ("generic-department", C, 95),
    ("retired-department-name", C, 4),  # 区政数局: 政务服务和数据管理局 became 数据局 (2024)
    ("retired-department-name", C, 77),  # 市城管局: 城市管理局 became 综合行政执法局 (2019)
    ("retired-department-name", R, 6),  # 市政数局
    *(
        ("department-mention-variant", kind, number)
        for kind, number in [
            (C, 1), (C, 3), (C, 5), (C, 33), (C, 63), (C, 71), (C, 80), (C, 95), (C, 98),
            (C, 103), (R, 2), (R, 9), (R, 53), (R, 55), (R, 57),
        ]
    ),
}  # fmt: skip


def _where(finding):
    location = finding.location
    if location.item is None:
        return (finding.code, location.part, f"category {location.category}")
    return (finding.code, location.part, location.item)


@pytest.fixture(scope="module")
def report(mingzhu):
    return check(mingzhu)


def test_every_known_defect_is_found(report):
    assert {_where(finding) for finding in report.findings} >= EXPECTED


def test_nothing_else_is_reported(report):
    assert {_where(finding) for finding in report.findings} == EXPECTED


def test_no_false_errors(report):
    errors = {_where(f) for f in report.filter(severity=Severity.ERROR)}
    assert errors == {("misspelt-department", C, 94), ("duplicate-category-title", R, "category 6")}


def test_typo_suggests_the_right_name(report):
    (finding,) = report.filter(code="misspelt-department")
    assert finding.location.field == "departments"
    assert finding.location.clause == 2
    assert "市公安局南关区分局" in (finding.hint or "")


def test_inconsistent_spelling_lists_every_place(report):
    findings = {f.location.item: f for f in report.filter(code="inconsistent-department-spelling")}
    market = findings[57]
    assert market.subject == "长春市市场监督管理局南关区分局"
    assert "市市场监管局南关区分局 ×1" in market.message
    assert "收回事项第7项" in market.message
    assert "市市场监督管理局南关分局" in (market.hint or "")  # the list's majority


def test_json_example_gives_the_same_findings(report):
    from dutylist.io import load

    example = Path(__file__).resolve().parents[2] / "examples" / "mingzhu.json"
    other = check(load(example))
    assert {_where(f) for f in other.findings} == {_where(f) for f in report.findings}
