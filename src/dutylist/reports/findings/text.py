"""Render a check report as text for a terminal: grouped by part, coloured, a summary line."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from dutylist.checks.findings import Finding, Report, Severity
from dutylist.model import PartKind

if TYPE_CHECKING:
    from rich.console import Console

_STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_GROUPS: tuple[tuple[PartKind | None, str], ...] = (
    (None, "The list"),
    (PartKind.BASIC, f"{PartKind.BASIC.chinese} (basic)"),
    (PartKind.COOPERATIVE, f"{PartKind.COOPERATIVE.chinese} (cooperative)"),
    (PartKind.RECALLED, f"{PartKind.RECALLED.chinese} (recalled)"),
)


def _line(finding: Finding) -> str:
    from rich.markup import escape  # noqa: PLC0415

    style = _STYLES[finding.severity]
    accepted = " [dim](accepted)[/dim]" if finding.accepted else ""
    where = finding.location.describe()
    text = (
        f"  [{style}]{finding.severity.value:<7}[/{style}] [bold]{finding.code}[/bold]"
        f"{accepted}  [dim]{escape(where)}[/dim]\n          {escape(finding.message)}"
    )
    if finding.hint:
        text += f"\n          [green]hint:[/green] {escape(finding.hint)}"
    return text


def print_text(
    report: Report, console: Console | None = None, *, show_accepted: bool = False
) -> None:
    """Print ``report`` grouped by part, then a summary line.

    Findings a baseline accepts are counted in the summary, not printed, unless
    ``show_accepted``.
    """
    from rich.console import Console  # noqa: PLC0415

    console = console or Console(highlight=False)
    if report.source:
        console.print(f"[bold]{report.source}[/bold]", highlight=False)
    shown = report.findings if show_accepted else report.new
    for part, title in _GROUPS:
        findings = [finding for finding in shown if finding.location.part is part]
        if not findings:
            continue
        console.print(f"\n[bold underline]{title}[/bold underline]  ({len(findings)})")
        for finding in findings:
            console.print(_line(finding), highlight=False, soft_wrap=True)
    verdict = "[bold green]OK[/bold green]" if report.ok else "[bold red]FAILED[/bold red]"
    console.print(
        f"\n{verdict}: {report.summary()}; failing at {report.fail_on.value} and above",
        highlight=False,
    )


def render_text(
    report: Report, *, color: bool = False, width: int = 100, show_accepted: bool = False
) -> str:
    """Return ``report`` as text (plain unless ``color``), as :func:`print_text` prints it."""
    from rich.console import Console  # noqa: PLC0415

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        force_terminal=color,
        no_color=not color,
        width=width,
        highlight=False,
    )
    print_text(report, console, show_accepted=show_accepted)
    return buffer.getvalue()
