"""Render a check report as JSON (layout: ``schemas/report.schema.json``)."""

from __future__ import annotations

import json
from typing import Any

from dutylist.checks.baseline import finding_key
from dutylist.checks.findings import Finding, Report, Severity
from dutylist.location import Location

REPORT_VERSION = 1
"""The version of the JSON report layout."""


def _finding(finding: Finding) -> dict[str, Any]:
    location = finding.location
    source = location.source
    return {
        "code": finding.code,
        "severity": finding.severity.value,
        "message": finding.message,
        "hint": finding.hint,
        "accepted": finding.accepted,
        "key": finding_key(finding),
        "location": {
            "part": location.part.value if location.part is not None else None,
            "category": location.category,
            "category_title": location.category_title,
            "item": location.item,
            "item_name": location.item_name,
            "field": location.field,
            "clause": location.clause,
            "path": location.path,
            "source": _location(source),
            "origin": _location(location.origin),
        },
    }


def _location(where: Location | None) -> dict[str, Any] | None:
    if where is None:
        return None
    return {
        "file": where.file,
        "page": where.page,
        "table": where.table,
        "row": where.row,
        "line": where.line,
    }


def report_data(report: Report) -> dict[str, Any]:
    """Return ``report`` as JSON-ready data."""
    counts = report.counts()
    return {
        "dutylist_report": REPORT_VERSION,
        "source": report.source,
        "fail_on": report.fail_on.value,
        "ok": report.ok,
        "summary": {
            **{severity.value: counts[severity] for severity in Severity},
            "accepted": len(report.accepted),
        },
        "findings": [_finding(finding) for finding in report.findings],
    }


def render_json(report: Report) -> str:
    """Return ``report`` as indented JSON text (UTF-8, Chinese kept readable)."""
    return json.dumps(report_data(report), ensure_ascii=False, indent=2) + "\n"
