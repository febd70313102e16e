"""``dutylist history``: every item followed through a series of versions."""

from __future__ import annotations

import click

from dutylist.cli.common import (
    configured,
    fail,
    from_option,
    load_list,
    refuse_overwriting_inputs,
    rendering_option,
    report_format_option,
    reported_errors,
)
from dutylist.departments.registry import registry_for
from dutylist.diff.history import history
from dutylist.io.files import write_atomically
from dutylist.messages import N_, _
from dutylist.reports.history import render_history


@click.command(
    name="history",
    help=N_(
        "追踪每个事项在 VERSIONS（从旧到新，dutylist 能读的任何格式）"
        "中的变化。\n\n"
        "说明每个事项何时出现、更名、修改、转类、被上级部门收回、分设、合并或取消，"
        "并给出各版本的标签（版本号，否则为文件名）和日期。不用 --item 时列出有变化的事项。"
    ),
)
@click.argument("versions", nargs=-1, required=True, type=click.Path())
@from_option(N_("各版本的格式。"))
@rendering_option
@report_format_option(
    ["text", "markdown", "html", "json"], N_("报告格式：text、markdown、html（单个文件）或 json。")
)
@click.option(
    "--item",
    metavar="NAME-OR-NUMBER",
    help=N_("显示一个事项的沿革（用它的任一名称或 # 序号指定），包括分设与合并。"),
)
@click.option("-o", "--output", type=click.Path(), help=N_("报告写到此处。"))
def history_command(  # noqa: PLR0913, PLR0917 - one parameter per option
    versions: tuple[str, ...],
    from_format: str | None,
    rendering: str | None,
    output_format: str,
    item: str | None,
    output: str | None,
) -> None:
    """Follow every item through VERSIONS (oldest first, any format dutylist reads)."""
    from pathlib import Path  # noqa: PLC0415

    if output is not None:
        with reported_errors():
            refuse_overwriting_inputs(output, *versions)
    with reported_errors():
        lists = [load_list(path, from_format, rendering) for path in versions]
        registry = registry_for(lists[-1], configured(versions[-1]))
        found = history(
            lists,
            labels=[
                duty_list.metadata.version or Path(path).stem
                for duty_list, path in zip(lists, versions, strict=True)
            ],
            registry=registry,
        )
        chosen = None
        if item is not None:
            matches = found.find(item.removeprefix("#"))
            if not matches:
                fail(_("没有名称或编号为「{item}」的事项").format(item=item))
            chosen = tuple(
                {entry.id: entry for match in matches for entry in found.family(match)}.values()
            )
        rendered = render_history(found, output_format, chosen)
        if output is None:
            click.echo(rendered, nl=False)
        else:
            write_atomically(output, rendered.encode("utf-8"))
