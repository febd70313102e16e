"""Render a change set as Markdown, for a pull request or an e-mail.

Deleted text is ``~~struck through~~``, inserted text is ``**bold**``; every change has an
anchor (``change-N``) and a heading naming its kind, part, category and number.
"""

from __future__ import annotations

import re

from dutylist.diff.changes import Change, ChangeKind, ChangeSet, EditOp, FieldChange, FieldOp
from dutylist.messages import _
from dutylist.model import PartKind
from dutylist.reports.changes.common import (
    OP_LABELS,
    PART_LABELS,
    TALLY_COLUMNS,
    anchor,
    category_lines,
    changes_by_part,
    clause_place,
    field_label,
    headline,
    item_lines,
    kind_label,
    number_text,
    ref_text,
    renumber_runs,
    report_title,
    systemic_groups,
    version_lines,
)

_SPECIAL = re.compile(r"([\\`*_~|\[\]<>#])")


def escape(text: str) -> str:
    """Return ``text`` with Markdown's special characters escaped."""
    return _SPECIAL.sub(r"\\\1", text.replace("\n", " "))


def render_markdown(changeset: ChangeSet) -> str:
    """Return the whole report as Markdown text ending in a newline."""
    lines = [f"# {escape(report_title(changeset))}", ""]
    lines += [f"- {label}：{escape(line)}" for label, line in version_lines(changeset)]
    lines += ["", f"**{headline(changeset)}**", ""]
    if changeset.is_empty:
        return "\n".join(lines)
    lines += _summary(changeset)
    if changeset.categories:
        lines += ["## 类别变化", ""]
        lines += [f"- {escape(line)}" for line in category_lines(changeset)]
        lines.append("")
    if changeset.systemic:
        lines += [f"## {_('系统性变更')}", ""]
        for line, items in systemic_groups(changeset):
            lines.append(f"- {escape(line)}")
            lines += [f"  - {index}. {escape(item)}" for index, item in items]
        lines.append("")
    listed = list(changes_by_part(changeset))
    if listed:
        lines += ["## 事项变更", ""]
        for kind, changes in listed:
            lines += [f"### {PART_LABELS[kind]}", ""]
            for index, change in changes:
                lines += _change(index, change)
    if changeset.renumbered:
        lines += ["## 仅序号变化", ""]
        lines.append(f"{len(changeset.renumbered)} 项事项因前面的增删而重新编号，内容未变：")
        lines.append("")
        lines += [
            f"- {PART_LABELS[run.part]}：{run.text}" for run in renumber_runs(changeset.renumbered)
        ]
        lines.append("")
    return "\n".join(lines)


def _summary(changeset: ChangeSet) -> list[str]:
    lines = ["## 统计", ""]
    header = "| 部分 | " + " | ".join(label for _, label in TALLY_COLUMNS) + " |"
    lines += [header, "|" + "---|" * (len(TALLY_COLUMNS) + 1)]
    for entry in changeset.summary.parts:
        counts = " | ".join(str(getattr(entry.tally, name)) for name, _ in TALLY_COLUMNS)
        lines.append(f"| {PART_LABELS[entry.part]} | {counts} |")
    lines.append("")
    if changeset.summary.departments:
        lines += ["| 部门 | 新增涉及 | 不再涉及 | 内容变化 |", "|---|---|---|---|"]
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
    if change.old:
        lines.append(
            "- 原：" + "；".join(escape(ref_text(r)) + f" {escape(r.name)}" for r in change.old)
        )
    if change.new:
        lines.append(
            "- 新：" + "；".join(escape(ref_text(r)) + f" {escape(r.name)}" for r in change.new)
        )
    if change.kind in {ChangeKind.ADDED, ChangeKind.REMOVED}:
        items = change.new_items or change.old_items
        mark = "**" if change.kind is ChangeKind.ADDED else "~~"
        lines += [
            f"  - {line.label}：{mark}{escape(line.text)}{mark}"
            for line in item_lines(items[0])[1:]
        ]
    elif change.kind in {ChangeKind.SPLIT, ChangeKind.MERGED}:
        for label, items in (("原", change.old_items), ("新", change.new_items)):
            for item in items:
                lines.append(f"- {label}第{number_text(item.number)}项：{escape(item.name)}")
                lines += [f"  - {line.label}：{escape(line.text)}" for line in item_lines(item)[1:]]
    part = change.new[0].part if change.new else None
    lines += [f"- {_field(field, part)}" for field in change.fields]
    lines.append("")
    return lines


def _field(change: FieldChange, part: object) -> str:

    label = field_label(change.field, part if isinstance(part, PartKind) else None)
    place = clause_place(change)
    head = (
        f"{label}{place}（{OP_LABELS[change.op]}"
        + ("，格式" if change.classification.value == "cosmetic" else "")
        + "）"
    )
    if change.op is FieldOp.ADDED:
        return f"{head}：**{escape(change.new or '')}**"
    if change.op is FieldOp.REMOVED:
        return f"{head}：~~{escape(change.old or '')}~~"
    if change.op is FieldOp.REORDERED or not change.edits:
        return f"{head}：{escape(change.old or '')} → {escape(change.new or '')}"
    return f"{head}：{inline(change)}"


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
