"""``dutylist export``: many lists as flat tables (Parquet or CSV) for analysis."""

from __future__ import annotations

import sys

import click

from dutylist.cli.common import EXIT_OK, from_option, reported_errors
from dutylist.corpus.batch import CheckOptions, default_jobs
from dutylist.corpus.export import EXPORT_FORMATS, export
from dutylist.corpus.sources import expand
from dutylist.messages import N_, _


@click.command(
    name="export",
    help=N_(
        "把 SOURCES（文件、文件夹、通配符）导出为便于分析的平面表。\n\n"
        "表：lists、items、clauses、item_departments 和 findings。"
        "每张表是按省分区的文件夹（items/province=四川省/part-0.parquet）"
        "，可直接用于 DuckDB、pandas、polars 或 Spark。"
        "无法读取的文件记入 lists 表并报告，运行继续。"
    ),
)
@click.argument("sources", nargs=-1, required=True)
@click.option("-o", "--output", "folder", required=True, type=click.Path(), help=N_("输出文件夹。"))
@click.option(
    "--to",
    "to_format",
    type=click.Choice(EXPORT_FORMATS),
    default="parquet",
    show_default=True,
    help=N_("parquet（需要 dutylist[parquet]）或 csv。"),
)
@from_option(N_("每个 SOURCE 的格式。"))
@click.option("-j", "--jobs", type=click.IntRange(min=1), help=N_("工作进程数（默认：核数）。"))
@click.option("--duty-ids", is_flag=True, help=N_("跨乡镇（街道）识别同一职责（读取两遍）。"))
def export_command(  # noqa: PLR0913, PLR0917 - one parameter per option
    sources: tuple[str, ...],
    folder: str,
    to_format: str,
    from_format: str | None,
    jobs: int | None,
    duty_ids: bool,
) -> None:
    """Export SOURCES (files, folders, globs) as flat tables for analysis."""
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
