"""``dutylist compare``: the lists of several offices side by side (交叉比对)."""

from __future__ import annotations

import sys

import click

from dutylist.cli.common import (
    EXIT_DIFFERENCES,
    EXIT_OK,
    STDIO,
    fail,
    from_option,
    output_option,
    refuse_overwriting_inputs,
    report_format_option,
    reported_errors,
    write_output,
)
from dutylist.corpus.batch import load_source
from dutylist.corpus.compare import compare_lists
from dutylist.corpus.sources import expand, latest_versions
from dutylist.errors import DutylistError
from dutylist.messages import N_, _
from dutylist.model import DutyList
from dutylist.reports.compare import RENDERERS


@click.command(
    name="compare",
    help=N_(
        "比较多个乡镇（街道）的清单：文件、文件夹或通配符（SOURCES）。"
        "\n\n"
        "对每个乡镇（街道）列出：指导目录（或多数其他乡镇）有而它缺少的职责、"
        "只有它有的职责、放在另一部分的职责、交给其他部门的职责；然后是职责 × 乡镇的矩阵。"
        "无法读取的文件会被报告并略去。退出码 0；使用 --exit-code 时有乡镇不同为 1；"
        "输入无法使用为 2。"
    ),
)
@click.argument("sources", nargs=-1, required=True)
@click.option("--template", type=click.Path(), help=N_("用来与每个乡镇（街道）对照的指导目录。"))
@from_option(N_("每个 SOURCE 的格式。"))
@click.option(
    "--all-versions",
    is_flag=True,
    help=N_("比较每个文件；默认只比较每个乡镇（街道）的最新版本（按日期，再按版本标签）。"),
)
@report_format_option(
    sorted(RENDERERS),
    N_("报告格式：text、markdown、html（单个文件）或 xlsx（对照矩阵，供电子表格使用）。"),
)
@output_option
@click.option("--exit-code", is_flag=True, help=N_("有乡镇（街道）不同时退出码为 1。"))
def compare_command(  # noqa: PLR0913, PLR0917 - one parameter per option
    sources: tuple[str, ...],
    template: str | None,
    from_format: str | None,
    all_versions: bool,
    output_format: str,
    output: str | None,
    exit_code: bool,
) -> None:
    """Compare the lists of several offices: files, folders or globs (SOURCES)."""
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
