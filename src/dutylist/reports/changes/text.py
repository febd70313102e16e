"""Render a change set for the terminal with rich: deletions red and struck, insertions green."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from dutylist.diff.changes import (
    Change,
    ChangeClass,
    ChangeKind,
    ChangeSet,
    EditOp,
    FieldChange,
    FieldOp,
    ListRef,
)
from dutylist.fields import field_label
from dutylist.messages import N_, _, ngettext
from dutylist.model import PartKind
from dutylist.reports.changes.common import (
    TALLY_COLUMNS,
    category_lines,
    changes_by_part,
    clause_place,
    headline,
    kind_label,
    number_text,
    op_label,
    ref_text,
    report_title,
    systemic_groups,
    version_lines,
)
from dutylist.reports.changes.items import item_lines
from dutylist.reports.changes.renumbering import renumber_runs
from dutylist.wording import part_title

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.text import Text

DELETED = "red strike"
"""The style of deleted text."""
INSERTED = "green underline"
"""The style of inserted text."""
_KIND_STYLES = {
    ChangeKind.ADDED: "bold green",
    ChangeKind.REMOVED: "bold red",
    ChangeKind.MODIFIED: "bold yellow",
    ChangeKind.MOVED: "bold cyan",
    ChangeKind.SPLIT: "bold magenta",
    ChangeKind.MERGED: "bold magenta",
}


def renderables(changeset: ChangeSet, *, marks: bool = False) -> list[RenderableType]:
    """Return the report as rich renderables, in reading order.

    With ``marks`` deletions are also written ``[-so-]`` and insertions ``{+so+}`` (as
    ``git diff --word-diff`` does), for output without colours.
    """
    from rich.table import Table  # noqa: PLC0415
    from rich.text import Text  # noqa: PLC0415

    out: list[RenderableType] = [
        Text(report_title(changeset), style="bold"),
        *(
            Text(_("{label}：{text}").format(label=label, text=line))
            for label, line in version_lines(changeset)
        ),
        Text(headline(changeset), style="bold"),
    ]
    if changeset.is_empty:
        return out
    if changeset.summary.parts:
        table = Table(title=_("统计"), title_justify="left")
        table.add_column(_("部分"), justify="left")
        for _name, label in TALLY_COLUMNS:  # narrow terminals: 仅序号, not 仅序号变化
            table.add_column(_(label).removesuffix("变化"), justify="right")
        for entry in changeset.summary.parts:
            counts = (str(getattr(entry.tally, name)) for name, _label in TALLY_COLUMNS)
            table.add_row(part_title(entry.part), *counts)
        out.append(table)
    if changeset.categories:
        out.append(Text(_("类别变化"), style="bold underline"))
        out.extend(Text(f"  {line}") for line in category_lines(changeset))
    if changeset.systemic:
        out.append(Text(_("系统性变更"), style="bold underline"))
        for line, items in systemic_groups(changeset):
            out.append(Text(f"  {line}"))
            out.extend(Text(f"    {index}. {item}", style="dim") for index, item in items)
    for kind, changes in changes_by_part(changeset):
        out.append(Text(f"\n{part_title(kind)}", style="bold underline"))
        for index, change in changes:
            out.extend(_change(index, change, marks=marks))
    if changeset.renumbered:
        heading = ngettext(
            "仅序号变化（{count} 项，内容未变）",
            "仅序号变化（{count} 项，内容未变）",
            len(changeset.renumbered),
        ).format(count=len(changeset.renumbered))
        out.append(Text(f"\n{heading}", style="bold"))
        out.extend(
            Text("  " + _("{part}：{text}").format(part=part_title(run.part), text=run.text))
            for run in renumber_runs(changeset.renumbered)
        )
    return out


def _version(side: ListRef) -> str:
    return f"{side.title}  {side.source_file or ''}".rstrip()


def _change(index: int, change: Change, *, marks: bool) -> list[Text]:
    from rich.text import Text  # noqa: PLC0415

    ref = change.new[0] if change.new else change.old[0]
    head = Text(f"{index}. ")
    head.append(f"[{kind_label(change)}]", style=_KIND_STYLES[change.kind])
    head.append(f" {ref.name}")
    if change.classification is ChangeClass.COSMETIC:
        head.append("  " + _("(仅格式)"), style="dim")
    lines = [head]
    lines.extend(
        Text("   " + _("原：{ref} {name}").format(ref=ref_text(r), name=r.name), style="dim")
        for r in change.old
    )
    lines.extend(
        Text("   " + _("新：{ref} {name}").format(ref=ref_text(r), name=r.name), style="dim")
        for r in change.new
    )
    if change.kind in {ChangeKind.ADDED, ChangeKind.REMOVED}:
        item = (change.new_items or change.old_items)[0]
        style = INSERTED if change.kind is ChangeKind.ADDED else DELETED
        for line in item_lines(item)[1:]:
            text = Text("     " + _("{label}：").format(label=line.label))
            _append(text, line.text, style, marks=marks)
            lines.append(text)
    elif change.kind in {ChangeKind.SPLIT, ChangeKind.MERGED}:
        for label, items in (
            (N_("原第{number}项：{name}"), change.old_items),
            (N_("新第{number}项：{name}"), change.new_items),
        ):
            for item in items:
                lines.append(
                    Text("   " + _(label).format(number=number_text(item.number), name=item.name))
                )
                lines.extend(
                    Text(
                        "     " + _("{label}：{text}").format(label=line.label, text=line.text),
                        style="dim",
                    )
                    for line in item_lines(item)[1:]
                )
    part = change.new[0].part if change.new else None
    lines.extend(_field(field, part, marks=marks) for field in change.fields)
    return lines


def _append(text: Text, piece: str, style: str, *, marks: bool) -> None:
    if marks and style == DELETED:
        piece = f"[-{piece}-]"
    elif marks and style == INSERTED:
        piece = f"{{+{piece}+}}"
    text.append(piece, style=style)


def _field(change: FieldChange, part: object, *, marks: bool) -> Text:
    from rich.text import Text  # noqa: PLC0415

    label = field_label(change.field, part if isinstance(part, PartKind) else None)
    what = (
        _("{op}，格式").format(op=op_label(change.op))
        if change.classification is ChangeClass.COSMETIC
        else op_label(change.op)
    )
    text = Text(
        "   " + _("{field}（{what}）：").format(field=clause_place(change, label), what=what)
    )
    if change.op is FieldOp.ADDED:
        _append(text, change.new or "", INSERTED, marks=marks)
    elif change.op is FieldOp.REMOVED:
        _append(text, change.old or "", DELETED, marks=marks)
    elif change.op is FieldOp.REORDERED and change.old == change.new:
        text.append(change.new or "")  # moved, not reworded: the text once
    elif change.op is FieldOp.REORDERED or not change.edits:
        text.append(f"{change.old} → {change.new}")
    else:
        for edit in change.edits:
            style = {EditOp.DELETE: DELETED, EditOp.INSERT: INSERTED}.get(edit.op, "")
            _append(text, edit.text, style, marks=marks)
    return text


def _console(*, color: bool, width: int) -> Console:
    from rich.console import Console  # noqa: PLC0415

    return Console(
        record=True,
        width=width,
        color_system="standard" if color else None,
        force_terminal=color,
        highlight=False,
        file=io.StringIO(),
    )


def render_text(
    changeset: ChangeSet, *, color: bool = False, width: int = 100, wrap: bool = False
) -> str:
    """Return the report as plain text (or with ANSI colours when ``color``).

    Without colours, deletions are marked ``[-…-]`` and insertions ``{+…+}``. Lines are
    wrapped at ``width`` only when ``wrap`` (a terminal); the summary table is always
    ``width`` wide at most.
    """
    console = _console(color=color, width=width)
    for renderable in renderables(changeset, marks=not color):
        console.print(renderable, soft_wrap=not wrap and not _is_table(renderable))
    return console.export_text(styles=color)


def _is_table(renderable: object) -> bool:
    from rich.table import Table  # noqa: PLC0415

    return isinstance(renderable, Table)


def print_text(changeset: ChangeSet) -> None:
    """Print the report: coloured and wrapped on a terminal, else plain with edit markers."""
    import sys  # noqa: PLC0415

    from rich.console import Console  # noqa: PLC0415

    console = Console(highlight=False)
    if not console.is_terminal:
        sys.stdout.write(render_text(changeset))
        sys.stdout.flush()
        return
    marks = console.no_color or console.color_system is None
    for renderable in renderables(changeset, marks=marks):
        console.print(renderable)
