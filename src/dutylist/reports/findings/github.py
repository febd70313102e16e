"""Render a check report as GitHub Actions workflow commands (``::error file=…::…``)."""

from __future__ import annotations

from dutylist.checks.findings import Finding, Report, Severity
from dutylist.messages import _

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding, default_file: str | None = None) -> str:
    """Return the workflow command that annotates ``finding``."""
    properties = []
    source = finding.location.source
    file = source.file if source is not None and source.file else default_file
    if file:
        properties.append(f"file={_escape_property(file)}")
    if source is not None and source.line is not None:
        properties.append(f"line={source.line}")
    properties.append(f"title={_escape_property(finding.code)}")
    message = _("{where}：{message}").format(
        where=finding.location.describe(), message=finding.message
    )
    if finding.hint:
        message = _("{message}（建议：{hint}）").format(message=message, hint=finding.hint)
    return f"::{_COMMANDS[finding.severity]} {','.join(properties)}::{_escape_data(message)}"


def render_github(report: Report) -> str:
    """Return one annotation line per finding not accepted by a baseline."""
    lines = [annotation(finding, report.source) for finding in report.new]
    return "".join(line + "\n" for line in lines)
