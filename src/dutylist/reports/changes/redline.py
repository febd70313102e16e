"""Render the revised list as a .docx with real tracked changes (``w:ins`` / ``w:del``).

Word's *Accept all* turns the document into the new list, *Reject all* into the old one:
added items are inserted rows; removed items, and the old places of moved, split and
merged items, are deleted rows where they stood; a modified item's cells carry its inline
edits as tracked insertions and deletions; a renumbered item's number is a deleted old
number and an inserted new one; renamed or recounted category headings are tracked too.
Typography as in the comparison table: 黑体 headings, 仿宋_GB2312 text, landscape A4.

It renders from the change set alone: the new list it shows is the one the change set
carries (:attr:`~dutylist.diff.changes.ChangeSet.new_list`), and a heading's tracked edits
are the category change's inline diff.
"""

from __future__ import annotations

import datetime as dt
import io
import warnings
from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, cast

from dutylist.diff.changes import (
    CategoryChangeKind,
    Change,
    ChangeKind,
    ChangeSet,
    EditOp,
    FieldChange,
    FieldOp,
    InlineEdit,
    ItemRef,
)
from dutylist.diff.content import clause_text, departments_of, merged_parts
from dutylist.errors import UsageError
from dutylist.fields import FIELD_LABELS, clause_fields
from dutylist.messages import _
from dutylist.model import (
    Category,
    Clause,
    DutyList,
    Item,
    Part,
    PartKind,
    RecalledItem,
)
from dutylist.parse.vocabulary import usual_columns
from dutylist.reports.changes.common import version_lines
from dutylist.reports.changes.docx import setup_page, setup_styles
from dutylist.reports.changes.revisions import Cell, Para, Segment, Writer

if TYPE_CHECKING:
    from docx.table import Table


_WIDTHS_CM = {
    PartKind.BASIC: (2.0, 23.7),
    PartKind.COOPERATIVE: (1.5, 4.2, 3.0, 8.5, 8.5),
    PartKind.RECALLED: (1.5, 6.2, 18.0),
}


def render_redline(
    changeset: ChangeSet, new: DutyList | None = None, when: dt.datetime | None = None
) -> bytes:
    """Return the new list as a .docx whose tracked changes lead from the old list to it.

    Args:
        changeset: a whole change set from :func:`~dutylist.diff.diff_lists`, which
            carries the new list (:attr:`~dutylist.diff.changes.ChangeSet.new_list`).
        new: deprecated, to be removed in the next release: the new list, for a change set
            that does not carry it. Leave it out.
        when: the time the revisions are dated (default: now).

    Raises:
        UsageError: the change set does not carry the new list (it was read from JSON or
            filtered) and ``new`` was not given.
    """
    if new is not None:
        warnings.warn(
            _(
                "render_redline(changeset, new) 已弃用：diff_lists 给出的变更集自带新清单，"
                "请调用 render_redline(changeset)"
            ),
            DeprecationWarning,
            stacklevel=2,
        )
    else:
        new = changeset.new_list
    if new is None:
        raise UsageError(
            _(
                "该变更集不含新清单（从 JSON 读入或经过筛选），无法生成修订版："
                "请重新比较两份清单，且不要筛选"
            )
        )
    import docx  # noqa: PLC0415

    stamp = (when or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    writer = Writer(stamp)
    document = docx.Document()
    setup_page(document)
    setup_styles(document)
    writer.heading(document, new.title, size=18)
    for label, line in version_lines(changeset):
        paragraph = cast("Any", document.add_paragraph())._p  # noqa: SLF001
        writer.paragraph(paragraph, Para(((f"{label}：{line}", ""),)))
    parts = merged_parts(new)
    kinds = [kind for kind in PartKind if kind in parts or _touches(changeset, kind)]
    for kind in kinds:
        part = parts.get(kind) or Part(kind=kind, title=kind.chinese)
        writer.heading(document, part.title or kind.chinese, size=16)
        table = document.add_table(rows=0, cols=len(usual_columns(kind)))
        table.style = "Table Grid"
        writer.row(table, [[Para(((title, ""),))] for title in usual_columns(kind)], header=True)
        for row_kind, cells in _rows(changeset, part):
            if row_kind == "heading":
                writer.heading_row(table, cells[0])
            else:
                writer.row(table, cells, mark=row_kind)
        _widths(table, kind)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _touches(changeset: ChangeSet, kind: PartKind) -> bool:
    return any(ref.part is kind for change in changeset.changes for ref in change.old)


# -- which rows, in which order ---------------------------------------------------------------


def _rows(changeset: ChangeSet, part: Part) -> Iterator[tuple[str, list[Cell]]]:
    """Yield (``heading`` | ``""`` | ``ins`` | ``del``, cells) for every row of a part."""
    kind = part.kind
    explicit: dict[int, Change] = {}
    for change in changeset.changes:
        for ref in change.new:
            if ref.part is kind:
                explicit[ref.position] = change
    deleted = _deleted_rows(changeset, part, explicit)
    old_numbers = {r.new_position: r.old_number for r in changeset.renumbered if r.part is kind}
    heading_edits = {
        change.new.index: change.edits
        for change in changeset.categories
        if change.new is not None and change.new.part is kind and change.edits
    }
    added_categories = {
        change.new.index
        for change in changeset.categories
        if change.kind is CategoryChangeKind.ADDED and change.new and change.new.part is kind
    }
    position = 0
    for index, category in enumerate(part.categories):
        yield (
            "heading",
            [_heading_cell(category, heading_edits.get(index, ()), index in added_categories)],
        )
        if index == 0:
            yield from deleted.get(-1, [])
        for item in category.items:
            found = explicit.get(position)
            if found is None:
                old_number = old_numbers.get(position, item.number)
                yield "", _cells(item, _number(old_number, item.number))
            elif found.kind is ChangeKind.MODIFIED:
                yield "", _modified_cells(found, item)
            else:
                yield "ins", _whole(item, "ins")
            yield from deleted.get(position, [])
            position += 1
    if not part.categories:
        yield from deleted.get(-1, [])


def _deleted_rows(
    changeset: ChangeSet, part: Part, explicit: dict[int, Change]
) -> dict[int, list[tuple[str, list[Cell]]]]:
    """Return the deleted rows of a part, keyed by the new row they follow (-1: first)."""
    kind = part.kind
    leaving: set[int] = set()
    anchors: dict[int, int] = {}
    removed: list[tuple[ItemRef, Item]] = []
    for change in changeset.changes:
        for ref, item in zip(change.old, change.old_items, strict=True):
            if ref.part is not kind:
                continue
            leaving.add(ref.position)
            if change.kind is ChangeKind.MODIFIED:
                anchors[ref.position] = change.new[0].position
            else:
                removed.append((ref, item))
    size = len(part.items)
    staying_new = [j for j in range(size) if j not in explicit]
    staying_old = (q for q in range(len(staying_new) + len(leaving)) if q not in leaving)
    anchors.update(zip(staying_old, staying_new, strict=False))
    ordered = sorted(anchors)
    rows: dict[int, list[tuple[str, list[Cell]]]] = defaultdict(list)
    for ref, item in sorted(removed, key=lambda entry: entry[0].position):
        before = [q for q in ordered if q < ref.position]
        anchor = anchors[before[-1]] if before else -1
        rows[anchor].append(("del", _whole(item, "del")))
    return rows


# -- cell contents ------------------------------------------------------------------------------


def _number(old: int | None, new: int | None) -> Cell:
    if old == new:
        return [Para(((_text(new), ""),))]
    return [Para(((_text(old), "del"), (_text(new), "ins")))]


def _text(number: int | None) -> str:
    return "" if number is None else str(number)


def _heading_cell(category: Category, edits: tuple[InlineEdit, ...], added: bool) -> Cell:
    heading = category.heading or category.title
    if added:
        return [Para(((heading, "ins"),), mark="ins")]
    if not edits:
        return [Para(((heading, ""),))]
    return [Para(_segments(edits))]


def _segments(edits: tuple[InlineEdit, ...]) -> tuple[Segment, ...]:
    marks = {EditOp.EQUAL: "", EditOp.DELETE: "del", EditOp.INSERT: "ins"}
    return tuple((edit.text, marks[edit.op]) for edit in edits)


def _cells(
    item: Item, number: Cell, fields: tuple[FieldChange, ...] = (), old: Item | None = None
) -> list[Cell]:
    by_field = {f.field: f for f in fields if f.old_clause is None and f.new_clause is None}
    name = _field_para(item.name, by_field.get("name"))
    departments = "、".join(f"{d.name}牵头" if d.lead else d.name for d in departments_of(item))
    department_para = _field_para(departments, by_field.get("departments"))
    old_clauses = dict(clause_fields(old if old is not None else item))
    clauses = {
        field: _clause_paras(field, clauses, old_clauses.get(field, clauses), fields)
        for field, clauses in clause_fields(item)
    }
    if item.kind is PartKind.BASIC:
        return [number, [name]]
    if item.kind is PartKind.COOPERATIVE:
        return [
            number,
            [name],
            [department_para],
            clauses["superior_duties"] or [Para((("", ""),))],
            clauses["local_duties"] or [Para((("", ""),))],
        ]
    head = Para(((f"{FIELD_LABELS['receiving_departments']}：", ""), *department_para.segments))
    method = clauses["working_method"]
    if isinstance(item, RecalledItem) and item.discontinued and not method:
        method = [Para((("不再开展此项工作", ""),))]
    method_label = Para(((f"{FIELD_LABELS['working_method']}：", ""),))
    return [number, [name], [head, method_label, *method]]


def _field_para(text: str, change: FieldChange | None) -> Para:
    if change is None:
        return Para(((text, ""),))
    if change.edits:
        return Para(_segments(change.edits))
    return Para(((change.old or "", "del"), (change.new or "", "ins")))


def _prefix(clause: Clause | None) -> str:
    return f"{clause.number}." if clause is not None and clause.number is not None else ""


def _clause_paras(
    field: str,
    clauses: tuple[Clause, ...],
    old_clauses: tuple[Clause, ...],
    fields: tuple[FieldChange, ...],
) -> Cell:
    """Return a clause cell: new clauses with tracked edits, removed clauses as deletions.

    Each new clause's old counterpart (for its old number) is the one its change names,
    or, for an unchanged clause, the next unchanged old clause in order.
    """
    changes = [f for f in fields if f.field == field]
    by_new = {f.new_clause: f for f in changes if f.new_clause is not None}
    named_old = {f.old_clause for f in changes if f.old_clause is not None}
    unchanged_old = iter(i for i in range(1, len(old_clauses) + 1) if i not in named_old)
    removed = sorted(
        (f for f in changes if f.op is FieldOp.REMOVED and f.old_clause is not None),
        key=lambda f: f.old_clause or 0,
    )

    def gone(change: FieldChange) -> Para:
        before = old_clauses[(change.old_clause or 1) - 1]
        return Para(((_prefix(before) + (change.old or ""), "del"),), mark="del")

    paras: Cell = []
    for index, clause in enumerate(clauses, start=1):
        while removed and (removed[0].old_clause or 0) <= index:
            paras.append(gone(removed.pop(0)))
        change = by_new.get(index)
        if change is not None and change.op is FieldOp.ADDED:
            paras.append(Para(((_prefix(clause) + clause_text(clause), "ins"),), mark="ins"))
            continue
        old_index = change.old_clause if change is not None else next(unchanged_old, None)
        before = old_clauses[old_index - 1] if old_index else None
        prefix: tuple[Segment, ...] = ((_prefix(clause), ""),)
        if _prefix(before) != _prefix(clause):
            prefix = ((_prefix(before), "del"), (_prefix(clause), "ins"))
        if change is not None and change.op is FieldOp.CHANGED and change.edits:
            paras.append(Para((*prefix, *_segments(change.edits))))
        else:
            paras.append(Para((*prefix, (clause_text(clause), ""))))
    paras.extend(gone(change) for change in removed)
    return paras


def _modified_cells(change: Change, item: Item) -> list[Cell]:
    old_number = change.old[0].number
    return _cells(item, _number(old_number, item.number), change.fields, change.old_items[0])


def _whole(item: Item, mark: str) -> list[Cell]:
    cells = _cells(item, [Para(((_text(item.number), ""),))])
    return [
        [Para(tuple((text, mark) for text, _ in para.segments), mark=mark) for para in cell]
        for cell in cells
    ]


# -- WordprocessingML ---------------------------------------------------------------------------


def _widths(table: Table, kind: PartKind) -> None:
    from docx.shared import Cm  # noqa: PLC0415

    table.autofit = False
    for column, width in zip(table.columns, _WIDTHS_CM[kind], strict=True):
        column.width = Cm(width)
