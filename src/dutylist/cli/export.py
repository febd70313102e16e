"""``dutylist export``: many lists as flat tables (Parquet or CSV) for analysis."""

from __future__ import annotations

import sys

import click

from dutylist.cli.common import EXIT_OK, format_option, reported_errors
from dutylist.corpus.batch import CheckOptions, default_jobs
from dutylist.corpus.export import EXPORT_FORMATS, export
from dutylist.corpus.sources import expand
from dutylist.messages import _


@click.command(name="export")
@click.argument("sources", nargs=-1, required=True)
@click.option("-o", "--output", "folder", required=True, type=click.Path(), help="Output folder.")
@click.option(
    "--to",
    "to_format",
    type=click.Choice(EXPORT_FORMATS),
    default="parquet",
    show_default=True,
    help="parquet (needs dutylist[parquet]) or csv.",
)
@click.option("--from", "from_format", type=format_option, help="Format of every SOURCE.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes (default: cores).")
@click.option("--duty-ids", is_flag=True, help="Identify duties across offices (reads twice).")
def export_command(  # noqa: PLR0913, PLR0917 - one parameter per option
    sources: tuple[str, ...],
    folder: str,
    to_format: str,
    from_format: str | None,
    jobs: int | None,
    duty_ids: bool,
) -> None:
    """Export SOURCES (files, folders, globs) as flat tables for analysis.

    Tables: lists, items, clauses, item_departments and findings.

    Each table is a folder partitioned by province (items/province=四川省/part-0.parquet),
    ready for DuckDB, pandas, polars or Spark. Unreadable files are recorded in the lists
    table and reported; the run goes on.
    """
    found = expand(sources)
    options = CheckOptions(from_format=from_format)
    with reported_errors():
        ids = None
        if duty_ids:
            from dutylist.corpus.compare import duty_ids_of  # noqa: PLC0415 - optional pass

            ids = duty_ids_of(found, from_format, jobs=jobs or default_jobs())
        summary = export(found, folder, to=to_format, options=options, jobs=jobs, duty_ids=ids)
    for _path, reason in summary.unreadable:
        click.echo(f"dutylist: note: {reason}", err=True)
    click.echo(
        _("已导出 {lists} 份清单到 {folder}（{files} 个文件）").format(
            lists=summary.lists, folder=folder, files=len(summary.files)
        ),
        err=True,
    )
    sys.exit(EXIT_OK)
