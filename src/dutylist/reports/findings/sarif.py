"""Render a check report as SARIF 2.1.0, for code-scanning dashboards."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from dutylist._version import __version__
from dutylist.checks.baseline import finding_key
from dutylist.checks.findings import Finding, Report, Severity

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _result(finding: Finding, default_file: str | None) -> dict[str, Any]:
    location = finding.location
    source = location.source
    physical: dict[str, Any] = {
        "artifactLocation": {"uri": (source.file if source and source.file else default_file)}
    }
    if source is not None and source.line is not None:
        physical["region"] = {"startLine": source.line}
    logical = "/".join(
        str(piece)
        for piece in (
            location.part.value if location.part else None,
            location.item,
            location.field,
        )
        if piece is not None
    )
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "level": _LEVELS[finding.severity],
        "message": {"text": finding.message + (f" Hint: {finding.hint}" if finding.hint else "")},
        "locations": [
            {
                "physicalLocation": physical,
                "logicalLocations": [{"fullyQualifiedName": logical or "list"}],
            }
        ],
        "partialFingerprints": {"dutylistKey/v1": finding_key(finding)},
    }
    if finding.accepted:
        result["suppressions"] = [{"kind": "external", "justification": "baseline"}]
    return result


def render_sarif(report: Report, rules: Iterable[tuple[str, str, Severity]] | None = None) -> str:
    """Return ``report`` as a SARIF 2.1.0 log.

    Args:
        report: the findings.
        rules: ``(code, summary, default severity)`` of every rule; all registered by default.
    """
    if rules is None:
        from dutylist.checks import RULES  # noqa: PLC0415

        rules = [(rule.code, rule.summary, rule.severity) for rule in RULES]
    log = {
        "$schema": _SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "dutylist",
                        "version": __version__,
                        "rules": [
                            {
                                "id": code,
                                "shortDescription": {"text": summary},
                                "defaultConfiguration": {"level": _LEVELS[severity]},
                            }
                            for code, summary, severity in rules
                        ],
                    }
                },
                "results": [_result(finding, report.source) for finding in report.findings],
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
