"""Check reports: :data:`RENDERERS` maps a format name to the function that renders it.

Every renderer takes a :class:`~dutylist.checks.findings.Report` and returns text. The
command line looks formats up in this one table; adding a report format is one module
and one line here.
"""

from __future__ import annotations

from collections.abc import Callable

from dutylist.checks.findings import Report
from dutylist.reports.findings.github import render_github
from dutylist.reports.findings.json import render_json
from dutylist.reports.findings.junit import render_junit
from dutylist.reports.findings.sarif import render_sarif
from dutylist.reports.findings.text import render_text

Renderer = Callable[[Report], str]
"""``renderer(report)``: the report as text."""

RENDERERS: dict[str, Renderer] = {
    "text": render_text,
    "json": render_json,
    "github": render_github,
    "junit": render_junit,
    "sarif": render_sarif,
}
"""The check report formats, by name (what ``dutylist check --format`` offers)."""

__all__ = ["RENDERERS", "Renderer"]
