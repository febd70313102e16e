"""``dutylist inspect``: show how the reader understood a document.

For a list laid out in a way dutylist has not seen, this shows at once what went wrong:
each header row with the role of every column and the vocabulary word (or the cell
content) that decided it, the category rows, the items found in each part and the text
that could not be placed.
"""

from __future__ import annotations

import click

from dutylist.cli.common import load_list, reported_errors, source_options
from dutylist.messages import N_, _


def _reason(reason: str) -> str:
    how, _sep, what = reason.partition(":")
    if how == "word":
        return _("表头词“{word}”").format(word=what)
    return _("按内容判断（{shape}）").format(shape=what)


@click.command(
    "inspect", help=N_("显示 SOURCE 是如何读取的：各列的角色及依据、类别、各部分的事项。")
)
@click.argument("source", type=click.Path())
@source_options
def inspect_command(source: str, from_format: str | None, rendering: str | None) -> None:
    """Show how SOURCE was read: header roles and why, categories, items per part."""
    from dutylist.parse.reading import recording  # noqa: PLC0415

    with reported_errors(), recording() as readings:
        duty_list = load_list(source, from_format, rendering)
    click.echo(_("标题：{title}").format(title=duty_list.title or "—"))
    tables = {
        item.source.table
        for item in duty_list.items
        if item.source is not None and item.source.table is not None
    }
    click.echo(_("含事项的表格：{count} 个").format(count=len(tables)))
    for reading in readings:
        for table in reading.tables:
            where = table.location.describe() if table.location is not None else "—"
            click.echo(_("表头行（{where}）→ {part}").format(where=where, part=table.kind.chinese))
            for column in table.columns:
                click.echo(
                    f"  {column.header or '—'}\t{column.role.value}\t{_reason(column.reason)}"
                )
        click.echo(_("类别行：{count} 个").format(count=len(reading.categories)))
        for kind, printed, location in reading.categories:
            where = location.describe() if location is not None else "—"
            click.echo(f"  {kind.chinese}\t{printed.strip()}\t{where}")
    for part in duty_list.parts:
        click.echo(
            _("{part}：{items} 项，{categories} 个类别").format(
                part=part.title or part.kind.chinese,
                items=len(part.items),
                categories=len(part.categories),
            )
        )
    click.echo(_("未能归位的文字：{count} 处").format(count=len(duty_list.unplaced)))
