"""``dutylist check`` over many sources: workers, a progress bar, a summary, one CI report."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence

from dutylist.checks.findings import Report
from dutylist.cli.common import STDIO, write_output
from dutylist.corpus.batch import CheckOptions, FileResult, check_many, worst_exit_code
from dutylist.corpus.sources import Source, expand
from dutylist.reports.batch import merged_report, render_summary


def is_batch(sources: Sequence[str]) -> bool:
    """Return True when ``sources`` name more than one file (several, a folder, a glob)."""
    if len(sources) != 1:
        return True
    found = expand(sources)
    return len(found) != 1 or found[0].path != sources[0]


def _with_progress(results: Iterator[FileResult], total: int) -> Iterator[FileResult]:
    """Yield ``results`` while a progress bar on stderr counts them (only on a terminal)."""
    if not sys.stderr.isatty():
        yield from results
        return
    from rich.console import Console  # noqa: PLC0415 - heavy, only on a terminal
    from rich.progress import Progress  # noqa: PLC0415

    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("dutylist check", total=total)
        for result in results:
            progress.advance(task)
            yield result


def run_batch_check(  # noqa: PLR0913 - the options of one command
    sources: Sequence[str],
    options: CheckOptions,
    *,
    output_format: str,
    output: str | None,
    jobs: int | None,
    render: Callable[[Report, str], str],
) -> int:
    """Check every file named by ``sources`` and return the worst exit code.

    ``render`` turns the merged report into ``output_format`` (json, junit, sarif, github);
    the text format is the summary table.
    """
    found: list[Source] = expand(sources)
    results = list(_with_progress(check_many(found, options, jobs=jobs), len(found)))
    if output_format == "text":
        color = output in (None, STDIO) and sys.stdout.isatty()
        rendered = render_summary(results, color=color)
    else:
        fail_on = next((r.report.fail_on for r in results if r.report is not None), None)
        merged = merged_report(results) if fail_on is None else merged_report(results, fail_on)
        rendered = render(merged, output_format)
    write_output(output, rendered.encode("utf-8"))
    return worst_exit_code(results)
