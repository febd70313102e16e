from __future__ import annotations

from dutylist.checks.findings import Finding, FindingLocation, Severity
from dutylist.location import Location
from dutylist.reports.findings.github import annotation, render_github


def test_one_annotation_per_new_finding(report):
    lines = render_github(report).splitlines()
    assert len(lines) == len(report.new) == 4
    assert lines[0].startswith("::warning file=list.txt,line=20,title=stray-space::基本事项第2项")
    commands = sorted(line.split(" ", 1)[0] for line in lines)
    assert commands == ["::error", "::notice", "::warning", "::warning"]


def test_escaping():
    finding = Finding(
        code="stray-space",
        severity=Severity.INFO,
        message="a\nb 100%",
        location=FindingLocation(source=Location(file="a,b:c.txt", line=3)),
    )
    line = annotation(finding)
    assert line.startswith("::notice file=a%2Cb%3Ac.txt,line=3,title=stray-space::")
    assert line.endswith("a%0Ab 100%25")
