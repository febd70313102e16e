"""Reports over many checked files: the summary table and one merged report for CI formats."""

from __future__ import annotations

import io
from collections.abc import Sequence

import attrs

from dutylist.checks.findings import Finding, FindingLocation, Report, Severity
from dutylist.corpus.batch import FileResult
from dutylist.location import Location
from dutylist.messages import _

UNREADABLE_CODE = "unreadable-file"
"""The code of the finding that stands for a file a batch could not read."""


def _located(finding: Finding, path: str) -> Finding:
    """Return ``finding`` located in the checked file ``path``.

    A location in another file (the capture a JSON list was converted from) says nothing
    about ``path``, so it gives way to the file itself.
    """
    source = finding.location.source
    if source is not None and source.file == path:
        return finding
    return attrs.evolve(
        finding, location=attrs.evolve(finding.location, source=Location(file=path))
    )


def merged_report(results: Sequence[FileResult], fail_on: Severity = Severity.ERROR) -> Report:
    """Return one report holding every file's findings, each located in its file.

    An unreadable file becomes one ``unreadable-file`` error finding, so that JSON, JUnit,
    SARIF and GitHub outputs show it and a run with one fails.
    """
    findings: list[Finding] = []
    for result in results:
        if result.error is not None or result.report is None:
            findings.append(
                Finding(
                    code=UNREADABLE_CODE,
                    severity=Severity.ERROR,
                    message=result.error or _("无法读取"),
                    location=FindingLocation(source=Location(file=result.path)),
                )
            )
            continue
        findings.extend(_located(finding, result.path) for finding in result.report.findings)
    return Report(findings=tuple(findings), fail_on=fail_on, source=None)


def summary_rows(results: Sequence[FileResult]) -> list[tuple[str, str, str, str, str, str]]:
    """Return one row per file (file, items, errors, warnings, info, status) and a total row."""
    rows = []
    totals = dict.fromkeys(Severity, 0)
    items = unreadable = 0
    for result in results:
        if not result.readable:
            unreadable += 1
            rows.append(
                (result.path, "", "", "", "", _("无法读取：{reason}").format(reason=result.error))
            )
            continue
        counts = result.counts
        for severity in Severity:
            totals[severity] += counts[severity]
        items += result.items
        status = _("通过") if result.ok else _("未通过")
        rows.append(
            (
                result.path,
                str(result.items),
                str(counts[Severity.ERROR]),
                str(counts[Severity.WARNING]),
                str(counts[Severity.INFO]),
                status,
            )
        )
    total_status = _("{files}个文件，{unreadable}个无法读取").format(
        files=len(results), unreadable=unreadable
    )
    rows.append(
        (
            _("合计"),
            str(items),
            str(totals[Severity.ERROR]),
            str(totals[Severity.WARNING]),
            str(totals[Severity.INFO]),
            total_status,
        )
    )
    return rows


def render_summary(results: Sequence[FileResult], *, color: bool = False, width: int = 120) -> str:
    """Return the summary table of a batch.

    With ``color`` (a terminal) the table is boxed and fits ``width``; otherwise it is plain
    aligned text that never wraps a line, so that it greps and diffs well.
    """
    from rich import box  # noqa: PLC0415 - heavy, only for this output
    from rich.console import Console  # noqa: PLC0415
    from rich.table import Table  # noqa: PLC0415

    headers = (_("文件"), _("事项"), _("错误"), _("警告"), _("提示"), _("结果"))
    table = Table(box=box.SQUARE if color else None, show_edge=color, pad_edge=False)
    for index, header in enumerate(headers):
        table.add_column(header, justify="right" if 0 < index < 5 else "left", no_wrap=not color)
    rows = summary_rows(results)
    for index, row in enumerate(rows):
        table.add_row(*row, end_section=color and index == len(rows) - 2)
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        force_terminal=color,
        no_color=not color,
        width=width if color else 100_000,
        highlight=False,
    )
    console.print(table)
    if color:
        return buffer.getvalue()
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())
