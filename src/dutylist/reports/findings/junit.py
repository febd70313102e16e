"""Render a check report as JUnit XML: one test case per rule, failing when it has findings.

A rule's findings at or above the report's ``fail_on`` severity (and not accepted by a
baseline) make its test case fail; lower ones and accepted ones go to ``system-out``.
"""

from __future__ import annotations

from collections.abc import Iterable

from dutylist.checks import RULES
from dutylist.checks.findings import Finding, Report
from dutylist.io.sanitize import xml_text
from dutylist.messages import _, ngettext


def _describe(finding: Finding) -> str:
    accepted = " " + _("[已接受]") if finding.accepted else ""
    text = f"{finding.severity.value}{accepted}: {finding.location.describe()}: {finding.message}"
    return xml_text(text)


def render_junit(report: Report, rules: Iterable[tuple[str, str]] | None = None) -> str:
    """Return ``report`` as JUnit XML.

    Args:
        report: the findings.
        rules: ``(code, summary)`` of every rule that ran; by default all registered rules.
    """
    import xml.etree.ElementTree as ET  # noqa: PLC0415 - slow to import

    if rules is None:
        rules = [(rule.code, _(rule.summary)) for rule in RULES]
    rules = list(rules)
    suite = ET.Element("testsuite", name="dutylist", tests=str(len(rules)))
    failures = 0
    failing_ids = {id(finding) for finding in report.failing}
    for code, summary in rules:
        findings = [finding for finding in report.findings if finding.code == code]
        failing = [finding for finding in findings if id(finding) in failing_ids]
        case = ET.SubElement(
            suite, "testcase", classname=xml_text(f"dutylist.{report.source or 'list'}"), name=code
        )
        if failing:
            failures += 1
            failure = ET.SubElement(
                case,
                "failure",
                message=ngettext(
                    "{count} 个问题：{summary}", "{count} 个问题：{summary}", len(failing)
                ).format(count=len(failing), summary=summary),
                type=code,
            )
            failure.text = "\n".join(_describe(finding) for finding in failing)
        others = [finding for finding in findings if id(finding) not in failing_ids]
        if others:
            ET.SubElement(case, "system-out").text = "\n".join(map(_describe, others))
    suite.set("failures", str(failures))
    suites = ET.Element("testsuites", name="dutylist check", tests=str(len(rules)))
    suites.set("failures", str(failures))
    suites.append(suite)
    ET.indent(suites)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"
