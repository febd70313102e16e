"""Render a check report as text for a terminal: grouped by part, coloured, a summary line."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from dutylist.checks.findings import Finding, Report, Severity
from dutylist.messages import N_, _
from dutylist.model import PartKind

if TYPE_CHECKING:
    from rich.console import Console

_STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_GROUPS: tuple[tuple[PartKind | None, str], ...] = (
    (None, N_("整个清单")),
    (PartKind.BASIC, N_("基本履职事项清单")),
    (PartKind.COOPERATIVE, N_("配合履职事项清单")),
    (PartKind.RECALLED, N_("上级部门收回事项清单")),
)
"""The groups findings are printed in, with their (untranslated) titles."""


def _line(finding: Finding) -> str:
    from rich.markup import escape  # noqa: PLC0415

    style = _STYLES[finding.severity]
    accepted = " [dim]" + escape(_("（已接受）")) + "[/dim]" if finding.accepted else ""
    where = finding.location.describe()
    text = (
        f"  [{style}]{finding.severity.value:<7}[/{style}] [bold]{finding.code}[/bold]"
        f"{accepted}  [dim]{escape(where)}[/dim]\n          {escape(finding.message)}"
    )
    if finding.hint:
        hint = _("建议：{hint}").format(hint=escape(finding.hint))
        text += f"\n          [green]{hint}[/green]"
    return text


def print_text(
    report: Report, console: Console | None = None, *, show_accepted: bool = False
) -> None:
    """Print ``report`` grouped by part, then a summary line.

    Findings a baseline accepts are counted in the summary, not printed, unless
    ``show_accepted``.
    """
    from rich.console import Console  # noqa: PLC0415
    from rich.markup import escape  # noqa: PLC0415

    console = console or Console(highlight=False)
    if report.source:
        console.print(f"[bold]{report.source}[/bold]", highlight=False)
    shown = report.findings if show_accepted else report.new
    for part, title in _GROUPS:
        findings = [finding for finding in shown if finding.location.part is part]
        if not findings:
            continue
        heading = escape(_(title))
        console.print(f"\n[bold underline]{heading}[/bold underline]  ({len(findings)})")
        for finding in findings:
            console.print(_line(finding), highlight=False, soft_wrap=True)
    verdict = (
        "[bold green]" + _("通过") + "[/bold green]"
        if report.ok
        else "[bold red]" + _("未通过") + "[/bold red]"
    )
    line = _("{verdict}：{summary}；“{severity}”及以上级别判为不通过").format(
        verdict=verdict, summary=escape(report.summary()), severity=report.fail_on.value
    )
    console.print(f"\n{line}", highlight=False, soft_wrap=True)


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
