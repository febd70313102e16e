"""Render a check report as SARIF 2.1.0, for code-scanning dashboards."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from dutylist._version import __version__
from dutylist.checks import RULES
from dutylist.checks.baseline import finding_key
from dutylist.checks.findings import Finding, Report, Severity
from dutylist.location import Location
from dutylist.messages import _

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def relative_uri(file: str | None) -> str | None:
    """Return ``file`` as a URI reference relative to the working directory (``a/b.json``).

    GitHub code scanning places a result only when its URI is relative to the checkout;
    a path outside the working directory stays absolute (``file:///…``).
    """
    if file is None:
        return None
    path = Path(file)
    absolute = path if path.is_absolute() else Path.cwd() / path
    try:
        relative = absolute.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return absolute.resolve().as_uri()
    return quote(relative.as_posix())


def _physical(source: Location | None, default_file: str | None) -> dict[str, Any]:
    physical: dict[str, Any] = {
        "artifactLocation": {
            "uri": relative_uri(source.file if source and source.file else default_file)
        }
    }
    if source is not None and source.line is not None:
        physical["region"] = {"startLine": source.line}
    return physical


def _result(finding: Finding, default_file: str | None) -> dict[str, Any]:
    location = finding.location
    physical = _physical(location.source, default_file)
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
        "message": {
            "text": _("{message} 建议：{hint}").format(message=finding.message, hint=finding.hint)
            if finding.hint
            else finding.message
        },
        "locations": [
            {
                "physicalLocation": physical,
                "logicalLocations": [{"fullyQualifiedName": logical or "list"}],
            }
        ],
        "partialFingerprints": {"dutylistKey/v1": finding_key(finding)},
    }
    if location.path is not None:
        result["locations"][0]["logicalLocations"].append(
            {"fullyQualifiedName": location.path, "kind": "object"}
        )
    if location.origin is not None and location.origin.file:
        result["relatedLocations"] = [
            {
                "id": 1,
                "physicalLocation": _physical(location.origin, None),
                "message": {"text": "first read from"},
            }
        ]
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
        rules = [(rule.code, _(rule.summary), rule.severity) for rule in RULES]
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
