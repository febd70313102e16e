"""``dutylist compare``: the lists of several offices side by side (交叉比对)."""

from __future__ import annotations

import sys

import click

from dutylist.cli.common import (
    EXIT_DIFFERENCES,
    EXIT_OK,
    STDIO,
    fail,
    format_option,
    output_option,
    refuse_overwriting_inputs,
    reported_errors,
    write_output,
)
from dutylist.corpus.batch import load_source
from dutylist.corpus.compare import compare_lists
from dutylist.corpus.sources import expand, latest_versions
from dutylist.errors import DutylistError
from dutylist.messages import _
from dutylist.model import DutyList
from dutylist.reports.compare import RENDERERS


@click.command(name="compare")
@click.argument("sources", nargs=-1, required=True)
@click.option(
    "--template", type=click.Path(), help="A guiding catalogue to compare every office with."
)
@click.option("--from", "from_format", type=format_option, help="Format of every SOURCE.")
@click.option(
    "--all-versions",
    is_flag=True,
    help="Compare every file; by default only each office's newest version (by date, then label).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(sorted(RENDERERS)),
    default="text",
    show_default=True,
    help="Report: text, markdown, html (one file) or xlsx (the matrix, for spreadsheets).",
)
@output_option
@click.option("--exit-code", is_flag=True, help="Exit 1 when some office differs.")
def compare_command(  # noqa: PLR0913, PLR0917 - one parameter per option
    sources: tuple[str, ...],
    template: str | None,
    from_format: str | None,
    all_versions: bool,
    output_format: str,
    output: str | None,
    exit_code: bool,
) -> None:
    """Compare the lists of several offices: files, folders or globs (SOURCES).

    For each office: the duties the template (or most other offices) have and it lacks,
    the duties only it has, duties placed in another part, and duties given to other
    departments; then a matrix of duties × offices. Unreadable files are reported and
    left out. Exit 0, or with --exit-code 1 when an office differs; 2 on unusable input.
    """
    found = expand(sources)
    if output is not None:
        with reported_errors():
            refuse_overwriting_inputs(
                output, *(s.path for s in found), *([template] if template else [])
            )
    if output_format == "xlsx" and output in (None, STDIO) and sys.stdout.isatty():
        fail(_("xlsx 报告需要用 -o 指定输出文件"))
    lists: list[tuple[str, DutyList]] = []
    for source in found:
        if source.problem is not None:
            click.echo(f"dutylist: note: {source.path}: {source.problem}", err=True)
            continue
        try:
            lists.append((source.path, load_source(source.path, from_format)))
        except DutylistError as exc:
            click.echo(f"dutylist: note: {exc}", err=True)
    if not all_versions:
        lists = latest_versions(lists)
    with reported_errors():
        base = (template, load_source(template, from_format)) if template else None
        if len(lists) + (1 if base else 0) < 2:
            fail(_("比对至少需要两份可读的清单"))
        comparison = compare_lists(lists, base)
        rendered = RENDERERS[output_format](comparison)
        write_output(output, rendered)
    differs = bool(comparison.differences)
    sys.exit(EXIT_DIFFERENCES if exit_code and differs else EXIT_OK)
