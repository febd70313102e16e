"""Render a change set as Markdown, for a pull request or an e-mail.

Deleted text is ``~~struck through~~``, inserted text is ``**bold**``; every change has an
anchor (``change-N``) and a heading naming its kind, part, category and number.
"""

from __future__ import annotations

from dutylist.diff.changes import Change, ChangeKind, ChangeSet, EditOp, FieldChange, FieldOp
from dutylist.fields import field_label
from dutylist.messages import N_, _
from dutylist.model import PartKind
from dutylist.patterns import compile_on_use
from dutylist.reports.changes.common import (
    TALLY_COLUMNS,
    anchor,
    category_lines,
    changes_by_part,
    clause_place,
    headline,
    kind_label,
    number_text,
    op_label,
    ref_text,
    renumbered_text,
    report_title,
    systemic_groups,
    version_lines,
)
from dutylist.reports.changes.items import item_lines
from dutylist.reports.changes.renumbering import renumber_runs
from dutylist.wording import part_title

_SPECIAL = compile_on_use(r"([\\`*_~|\[\]<>#])")


def escape(text: str) -> str:
    """Return ``text`` with Markdown's special characters escaped."""
    return _SPECIAL.sub(r"\\\1", text.replace("\n", " "))


def render_markdown(changeset: ChangeSet) -> str:
    """Return the whole report as Markdown text ending in a newline."""
    lines = [f"# {escape(report_title(changeset))}", ""]
    lines += [
        "- " + _("{label}：{text}").format(label=label, text=escape(line))
        for label, line in version_lines(changeset)
    ]
    lines += ["", f"**{headline(changeset)}**", ""]
    if changeset.is_empty:
        return "\n".join(lines)
    lines += _summary(changeset)
    if changeset.categories:
        lines += ["## " + _("类别变化"), ""]
        lines += [f"- {escape(line)}" for line in category_lines(changeset)]
        lines.append("")
    if changeset.systemic:
        lines += ["## " + _("系统性变更"), ""]
        for line, items in systemic_groups(changeset):
            lines.append(f"- {escape(line)}")
            lines += [f"  - {index}. {escape(item)}" for index, item in items]
        lines.append("")
    listed = list(changes_by_part(changeset))
    if listed:
        lines += ["## " + _("事项变更"), ""]
        for kind, changes in listed:
            lines += [f"### {part_title(kind)}", ""]
            for index, change in changes:
                lines += _change(index, change)
    if changeset.renumbered:
        lines += ["## " + _("仅序号变化"), ""]
        lines.append(renumbered_text(len(changeset.renumbered)))
        lines.append("")
        lines += [
            "- " + _("{part}：{text}").format(part=part_title(run.part), text=run.text)
            for run in renumber_runs(changeset.renumbered)
        ]
        lines.append("")
    return "\n".join(lines)


def _summary(changeset: ChangeSet) -> list[str]:
    lines = ["## " + _("统计"), ""]
    labels = [_("部分"), *(_(label) for _name, label in TALLY_COLUMNS)]
    lines += ["| " + " | ".join(labels) + " |", "|" + "---|" * (len(TALLY_COLUMNS) + 1)]
    for entry in changeset.summary.parts:
        counts = " | ".join(str(getattr(entry.tally, name)) for name, _label in TALLY_COLUMNS)
        lines.append(f"| {part_title(entry.part)} | {counts} |")
    lines.append("")
    if changeset.summary.departments:
        labels = [_("部门"), _("新增涉及"), _("不再涉及"), _("内容变化")]
        lines += ["| " + " | ".join(labels) + " |", "|---|---|---|---|"]
        lines += [
            f"| {escape(entry.department)} | {entry.gained} | {entry.lost} | {entry.changed} |"
            for entry in changeset.summary.departments
        ]
        lines.append("")
    return lines


def _change(index: int, change: Change) -> list[str]:
    ref = change.new[0] if change.new else change.old[0]
    title = f"{index}. {kind_label(change)} `{change.kind.value}` · {escape(ref.name)}"
    lines = [f'<a id="{anchor(index)}"></a>', "", f"#### {title}", ""]
    for label, refs in ((N_("原：{refs}"), change.old), (N_("新：{refs}"), change.new)):
        if refs:
            text = _("；").join(escape(ref_text(r)) + f" {escape(r.name)}" for r in refs)
            lines.append("- " + _(label).format(refs=text))
    if change.kind in {ChangeKind.ADDED, ChangeKind.REMOVED}:
        items = change.new_items or change.old_items
        mark = "**" if change.kind is ChangeKind.ADDED else "~~"
        lines += [
            "  - "
            + _("{label}：{text}").format(label=line.label, text=f"{mark}{escape(line.text)}{mark}")
            for line in item_lines(items[0])[1:]
        ]
    elif change.kind in {ChangeKind.SPLIT, ChangeKind.MERGED}:
        for label, items in (
            (N_("原第{number}项：{name}"), change.old_items),
            (N_("新第{number}项：{name}"), change.new_items),
        ):
            for item in items:
                number = number_text(item.number)
                lines.append("- " + _(label).format(number=number, name=escape(item.name)))
                lines += [
                    "  - " + _("{label}：{text}").format(label=line.label, text=escape(line.text))
                    for line in item_lines(item)[1:]
                ]
    part = change.new[0].part if change.new else None
    lines += [f"- {_field(field, part)}" for field in change.fields]
    lines.append("")
    return lines


def _field(change: FieldChange, part: object) -> str:

    label = field_label(change.field, part if isinstance(part, PartKind) else None)
    place = clause_place(change, label)
    what = (
        _("{op}，格式").format(op=op_label(change.op))
        if change.classification.value == "cosmetic"
        else op_label(change.op)
    )
    head = _("{field}（{what}）：").format(field=place, what=what)
    if change.op is FieldOp.ADDED:
        return f"{head}**{escape(change.new or '')}**"
    if change.op is FieldOp.REMOVED:
        return f"{head}~~{escape(change.old or '')}~~"
    if change.op is FieldOp.REORDERED and change.old == change.new:
        return f"{head}{escape(change.new or '')}"  # moved, not reworded: the text once
    if change.op is FieldOp.REORDERED or not change.edits:
        return f"{head}{escape(change.old or '')} → {escape(change.new or '')}"
    return f"{head}{inline(change)}"


def inline(change: FieldChange) -> str:
    """Return the inline diff of a field as Markdown: ~~deleted~~ and **inserted**."""
    pieces = []
    for edit in change.edits:
        text = escape(edit.text)
        if not text.strip():
            text = text.replace(" ", "␣")
        if edit.op is EditOp.DELETE:
            pieces.append(f"~~{text}~~")
        elif edit.op is EditOp.INSERT:
            pieces.append(f"**{text}**")
        else:
            pieces.append(text)
    return "".join(pieces)
