from __future__ import annotations

import pytest

from dutylist.checks.findings import Finding, FindingLocation, Report, Severity
from dutylist.location import Location
from dutylist.messages import set_language
from dutylist.model import PartKind


def _finding(code, severity, *, part=None, accepted=False):
    return Finding(
        code=code,
        severity=severity,
        message=code,
        location=FindingLocation(part=part),
        accepted=accepted,
    )


REPORT = Report(
    findings=(
        _finding("number-gap", Severity.ERROR, part=PartKind.BASIC),
        _finding("stray-space", Severity.WARNING, part=PartKind.COOPERATIVE),
        _finding("stray-space", Severity.WARNING, part=PartKind.RECALLED, accepted=True),
        _finding("repeated-text", Severity.INFO, part=PartKind.COOPERATIVE),
    )
)


def test_severity_order():
    assert Severity.ERROR.at_least(Severity.WARNING)
    assert Severity.WARNING.at_least(Severity.WARNING)
    assert not Severity.INFO.at_least(Severity.WARNING)


def test_filter_by_code_severity_and_part():
    assert [f.code for f in REPORT.filter(code="stray-space")] == ["stray-space"] * 2
    assert len(REPORT.filter(code=["stray-space", "number-gap"])) == 3
    assert [f.code for f in REPORT.filter(severity=Severity.INFO)] == ["repeated-text"]
    assert len(REPORT.filter(at_least=Severity.WARNING)) == 3
    assert len(REPORT.filter(part=PartKind.COOPERATIVE)) == 2


@pytest.mark.parametrize(
    ("fail_on", "ok"), [(Severity.ERROR, False), (Severity.WARNING, False), (Severity.INFO, False)]
)
def test_ok_depends_on_fail_on(fail_on, ok):
    report = Report(findings=REPORT.findings, fail_on=fail_on)
    assert report.ok is ok


def test_accepted_findings_never_fail():
    accepted = Report(
        findings=(_finding("stray-space", Severity.ERROR, accepted=True),), fail_on=Severity.INFO
    )
    assert accepted.ok
    assert accepted.counts()[Severity.ERROR] == 0
    warnings_only = Report(findings=REPORT.findings[1:], fail_on=Severity.ERROR)
    assert warnings_only.ok
    assert not Report(findings=REPORT.findings[1:], fail_on=Severity.WARNING).ok


def test_counts_and_summary():
    assert REPORT.counts() == {Severity.ERROR: 1, Severity.WARNING: 1, Severity.INFO: 1}
    assert REPORT.summary() == "1 个错误，1 个警告，1 条提示（另有 1 个已被基线接受）"
    set_language("en")
    assert REPORT.summary() == "1 error, 1 warning, 1 info (1 accepted by the baseline)"
    plural = Report(findings=(REPORT.findings[0], REPORT.findings[0]))
    assert plural.summary() == "2 errors, 0 warnings, 0 info"
    assert len(REPORT) == 4
    assert REPORT.codes == {"number-gap", "stray-space", "repeated-text"}


def test_location_describe():
    location = FindingLocation(
        part=PartKind.COOPERATIVE, item=94, field="departments", clause=2, source=Location(line=7)
    )
    assert location.describe() == "配合事项第94项，对应上级部门第2条，第 7 行"
    assert FindingLocation().describe() == "整个清单"
    set_language("en")
    assert location.describe() == "cooperative 94, superior departments clause 2, line 7"
    assert FindingLocation().describe() == "The list"
