"""Render a change set as one self-contained HTML file (inline CSS, no script, no network).

Summary tables first, then every change in reading order with an anchor
(``#change-N``): old on the left, new on the right, deleted text struck through in red and
inserted text underlined in green. A checkbox hides cosmetic changes (pure CSS).
The page is laid out by the Jinja2 template ``templates/changes.html.j2``.
"""

from __future__ import annotations

from typing import Any

from dutylist.diff.changes import (
    Change,
    ChangeClass,
    ChangeKind,
    ChangeSet,
    EditOp,
    FieldChange,
    FieldOp,
)
from dutylist.fields import field_label
from dutylist.messages import _, language
from dutylist.model import Item, PartKind
from dutylist.reports import html_template
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

Segment = tuple[str, str]
"""A piece of text and its mark: ``""``, ``"del"`` or ``"ins"``."""


def render_html(changeset: ChangeSet) -> str:
    """Return the report as a complete HTML document."""
    return html_template("changes.html.j2").render(**context(changeset))


def context(changeset: ChangeSet) -> dict[str, Any]:
    """Return the values the template shows (plain data, already worded)."""
    return {
        "lang": "zh-CN" if language() == "zh" else language(),
        "title": report_title(changeset),
        "versions": [
            _("{label}：{text}").format(label=label, text=line)
            for label, line in version_lines(changeset)
        ],
        "old": changeset.old,
        "new": changeset.new,
        "headline": headline(changeset),
        "is_empty": changeset.is_empty,
        "tally_columns": [(name, _(label)) for name, label in TALLY_COLUMNS],
        "parts": [
            {
                "label": part_title(entry.part),
                "counts": [getattr(entry.tally, name) for name, _label in TALLY_COLUMNS],
            }
            for entry in changeset.summary.parts
        ],
        "departments": changeset.summary.departments,
        "categories": category_lines(changeset),
        "systemic_title": _("系统性变更"),
        "systemic": [
            {"line": line, "entries": [{"index": index, "text": text} for index, text in items]}
            for line, items in systemic_groups(changeset)
        ],
        "sections": [
            {
                "part": kind.value,
                "label": part_title(kind),
                "changes": [_change(index, change) for index, change in changes],
            }
            for kind, changes in changes_by_part(changeset)
        ],
        "renumbered": len(changeset.renumbered),
        "renumbered_text": renumbered_text(len(changeset.renumbered)),
        "renumber_runs": [
            {
                "part": part_title(run.part),
                "text": run.text,
                "line": _("{part}：{text}").format(part=part_title(run.part), text=run.text),
            }
            for run in renumber_runs(changeset.renumbered)
        ],
    }


def _change(index: int, change: Change) -> dict[str, Any]:
    ref = change.new[0] if change.new else change.old[0]
    part = change.new[0].part if change.new else None
    return {
        "anchor": anchor(index),
        "index": index,
        "kind": change.kind.value,
        "label": kind_label(change),
        "name": ref.name,
        "cosmetic": change.classification is ChangeClass.COSMETIC,
        "old_refs": [f"{ref_text(r)} {r.name}" for r in change.old],
        "new_refs": [f"{ref_text(r)} {r.name}" for r in change.new],
        "old_items": [_item(item, "del" if _whole(change) else "") for item in change.old_items]
        if change.kind is not ChangeKind.MODIFIED and change.kind is not ChangeKind.MOVED
        else [],
        "new_items": [_item(item, "ins" if _whole(change) else "") for item in change.new_items]
        if change.kind is not ChangeKind.MODIFIED and change.kind is not ChangeKind.MOVED
        else [],
        "fields": [_field(field, part) for field in change.fields],
    }


def _whole(change: Change) -> bool:
    return change.kind in {ChangeKind.ADDED, ChangeKind.REMOVED}


def _item(item: Item, mark: str) -> dict[str, Any]:
    return {
        "number": number_text(item.number),
        "lines": [
            {"label": line.label, "text": line.text, "mark": mark} for line in item_lines(item)
        ],
    }


def _field(change: FieldChange, part: PartKind | None) -> dict[str, Any]:
    old: list[Segment]
    new: list[Segment]
    if change.op is FieldOp.ADDED:
        old, new = [], [(change.new or "", "ins")]
    elif change.op is FieldOp.REMOVED:
        old, new = [(change.old or "", "del")], []
    elif change.edits:
        old = [
            (e.text, "del" if e.op is EditOp.DELETE else "")
            for e in change.edits
            if e.op is not EditOp.INSERT
        ]
        new = [
            (e.text, "ins" if e.op is EditOp.INSERT else "")
            for e in change.edits
            if e.op is not EditOp.DELETE
        ]
    else:
        old, new = [(change.old or "", "")], [(change.new or "", "")]
    return {
        "label": clause_place(change, field_label(change.field, part)),
        "op": op_label(change.op),
        "cosmetic": change.classification is ChangeClass.COSMETIC,
        "old": old,
        "new": new,
    }
