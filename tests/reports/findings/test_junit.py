from __future__ import annotations

import xml.etree.ElementTree as ET

from dutylist.checks import RULES
from dutylist.reports.findings.junit import render_junit


def test_one_test_case_per_rule(report):
    root = ET.fromstring(render_junit(report))  # noqa: S314 - our own output
    cases = root.findall("./testsuite/testcase")
    assert [case.get("name") for case in cases] == [rule.code for rule in RULES]
    failed = {case.get("name") for case in cases if case.find("failure") is not None}
    assert failed == {"number-gap"}
    assert root.get("failures") == "1"
    sequence = next(case for case in cases if case.get("name") == "clause-number-sequence")
    assert "配合事项第1项" in (sequence.findtext("system-out") or "")
    stray = next(case for case in cases if case.get("name") == "stray-space")
    assert "基本事项第2项" in (stray.findtext("system-out") or "")
    accepted = next(case for case in cases if case.get("name") == "half-width-punctuation")
    assert "[已接受]" in (accepted.findtext("system-out") or "")
