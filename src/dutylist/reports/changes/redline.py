"""Render the revised list as a .docx with real tracked changes (``w:ins`` / ``w:del``).

Word's *Accept all* turns the document into the new list, *Reject all* into the old one:
added items are inserted rows; removed items, and the old places of moved, split and
merged items, are deleted rows where they stood; a modified item's cells carry its inline
edits as tracked insertions and deletions; a renumbered item's number is a deleted old
number and an inserted new one; renamed or recounted category headings are tracked too.
Typography as in the comparison table: 黑体 headings, 仿宋_GB2312 text, landscape A4.
"""

from __future__ import annotations

import datetime as dt
import io
from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, cast

import attrs

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
from dutylist.diff.content import clause_fields, clause_text, departments_of, merged_parts
from dutylist.diff.inline import inline_diff
from dutylist.io.sanitize import xml_text
from dutylist.model import Category, Clause, DutyList, Item, Part, PartKind, RecalledItem
from dutylist.reports.changes.common import version_lines
from dutylist.reports.changes.docx import BODY_FONT, HEADING_FONT

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import Table
    from lxml import etree

AUTHOR = "dutylist"
"""The author named on every tracked change."""

Segment = tuple[str, str]
"""Text and its mark: ``""``, ``"del"`` or ``"ins"``."""


@attrs.frozen
class Para:
    """A paragraph of a cell: its segments and whether the whole paragraph is tracked."""

    segments: tuple[Segment, ...]
    mark: str = ""


Cell = list[Para]

_COLUMNS = {
    PartKind.BASIC: ("序号", "事项名称"),
    PartKind.COOPERATIVE: ("序号", "事项名称", "对应上级部门", "上级部门职责", "街道配合职责"),
    PartKind.RECALLED: ("序号", "事项名称", "承接部门及工作方式"),
}
_WIDTHS_CM = {
    PartKind.BASIC: (2.0, 23.7),
    PartKind.COOPERATIVE: (1.5, 4.2, 3.0, 8.5, 8.5),
    PartKind.RECALLED: (1.5, 6.2, 18.0),
}


def render_redline(changeset: ChangeSet, new: DutyList, when: dt.datetime | None = None) -> bytes:
    """Return ``new`` as a .docx whose tracked changes lead from the old list to it."""
    import docx  # noqa: PLC0415

    from dutylist.reports.changes.docx import setup_page, setup_styles  # noqa: PLC0415

    stamp = (when or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    writer = _Writer(stamp)
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
        table = document.add_table(rows=0, cols=len(_COLUMNS[kind]))
        table.style = "Table Grid"
        writer.row(table, [[Para(((title, ""),))] for title in _COLUMNS[kind]], header=True)
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
    old_headings = {
        change.new.index: change.old.heading
        for change in changeset.categories
        if change.new is not None
        and change.old is not None
        and change.new.part is kind
        and change.kind not in {CategoryChangeKind.SPLIT, CategoryChangeKind.MERGED}
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
            [_heading_cell(category, old_headings.get(index), index in added_categories)],
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


def _heading_cell(category: Category, old_heading: str | None, added: bool) -> Cell:
    heading = category.heading or category.title
    if added:
        return [Para(((heading, "ins"),), mark="ins")]
    if old_heading is None or old_heading == heading:
        return [Para(((heading, ""),))]
    return [Para(_segments(inline_diff(old_heading, heading)))]


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
    head = Para((("承接部门：", ""), *department_para.segments))
    method = clauses["working_method"]
    if isinstance(item, RecalledItem) and item.discontinued and not method:
        method = [Para((("不再开展此项工作", ""),))]
    return [number, [name], [head, Para((("工作方式：", ""),)), *method]]


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


class _Writer:
    """Writes paragraphs and rows with tracked changes, numbering the revisions."""

    def __init__(self, stamp: str) -> None:
        self.stamp = stamp
        self.next_id = 1
        self.prototypes: dict[tuple[str, float, bool], etree._Element] = {}
        self.widths: dict[int, list[Any]] = {}

    def revision(self, tag: str) -> etree._Element:
        from docx.oxml import OxmlElement  # noqa: PLC0415
        from docx.oxml.ns import qn  # noqa: PLC0415

        element = OxmlElement(f"w:{tag}")
        element.set(qn("w:id"), str(self.next_id))
        element.set(qn("w:author"), AUTHOR)
        element.set(qn("w:date"), self.stamp)
        self.next_id += 1
        return element

    def run(
        self, text: str, mark: str, *, font: str = BODY_FONT, size: float = 10.5
    ) -> etree._Element:
        import copy  # noqa: PLC0415

        key = (font, size, mark == "del")
        prototype = self.prototypes.get(key)
        if prototype is None:
            prototype = self.prototypes[key] = self._run_prototype(*key)
        run = copy.deepcopy(prototype)  # in C: far quicker than building each run
        run[-1].text = xml_text(text)
        if not mark:
            return run
        wrapper = self.revision(mark)
        wrapper.append(run)
        return wrapper

    @staticmethod
    def _run_prototype(font: str, size: float, deleted: bool) -> etree._Element:
        from docx.oxml import OxmlElement  # noqa: PLC0415
        from docx.oxml.ns import qn  # noqa: PLC0415

        run = OxmlElement("w:r")
        properties = OxmlElement("w:rPr")
        fonts = OxmlElement("w:rFonts")
        for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(attribute), font)
        properties.append(fonts)
        for tag in ("w:sz", "w:szCs"):
            measure = OxmlElement(tag)
            measure.set(qn("w:val"), str(round(size * 2)))
            properties.append(measure)
        run.append(properties)
        body = OxmlElement("w:delText" if deleted else "w:t")
        body.set(qn("xml:space"), "preserve")
        run.append(body)
        return run

    def paragraph(self, element: etree._Element, para: Para, *, font: str = BODY_FONT) -> None:
        from docx.oxml import OxmlElement  # noqa: PLC0415

        if para.mark:
            properties = cast("Any", element).get_or_add_pPr()
            marks = OxmlElement("w:rPr")
            marks.append(self.revision(para.mark))
            properties.append(marks)
        for text, mark in para.segments:
            if text:
                element.append(self.run(text, mark, font=font))

    def heading(self, document: Document, text: str, *, size: float) -> None:
        from docx.shared import Pt  # noqa: PLC0415

        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_before = Pt(12)
        paragraph.paragraph_format.space_after = Pt(6)
        paragraph.paragraph_format.keep_with_next = True
        cast("Any", paragraph)._p.append(self.run(text, "", font=HEADING_FONT, size=size))  # noqa: SLF001

    def _add_row(self, table: Table, *, span: bool = False) -> list[Any]:
        """Append a row to ``table`` and return its ``w:tc`` elements (one when ``span``).

        The row is appended to the table element directly: python-docx's ``add_row`` and
        ``merge`` look through every row already there, which makes a long table quadratic.
        """
        tbl = cast("Any", table)._tbl  # noqa: SLF001 - python-docx has no API for tracked rows
        widths = self.widths.get(id(tbl))
        if widths is None:  # read once: finding w:tblGrid costs more as the table grows
            widths = self.widths[id(tbl)] = [column.w for column in tbl.tblGrid.gridCol_lst]
        tr = tbl._new_tr()  # noqa: SLF001
        tbl.append(tr)
        if span:
            tc = tr.add_tc()
            if all(width is not None for width in widths):
                tc.width = sum(widths)
            tc.grid_span = len(widths)
            return [tc]
        cells = []
        for width in widths:
            tc = tr.add_tc()
            if width is not None:
                tc.width = width
            cells.append(tc)
        return cells

    def _fill(self, tc: Any, paras: Cell, font: str) -> None:  # noqa: ANN401 - python-docx
        from docx.oxml import OxmlElement  # noqa: PLC0415

        for index, para in enumerate(paras):
            paragraph = tc.p_lst[0] if index == 0 else OxmlElement("w:p")
            if index:
                tc.append(paragraph)
            self.paragraph(paragraph, para, font=font)

    def row(self, table: Table, cells: list[Cell], *, mark: str = "", header: bool = False) -> None:
        from docx.oxml import OxmlElement  # noqa: PLC0415

        tcs = self._add_row(table)
        tr = tcs[0].getparent()
        if header or mark:
            properties = tr.get_or_add_trPr()
            if header:
                properties.append(OxmlElement("w:tblHeader"))
            if mark:
                properties.append(self.revision(mark))
        font = HEADING_FONT if header else BODY_FONT
        for tc, paras in zip(tcs, cells, strict=True):
            self._fill(tc, paras or [Para((("", ""),))], font)

    def heading_row(self, table: Table, cell: Cell) -> None:
        (tc,) = self._add_row(table, span=True)
        self._fill(tc, cell, HEADING_FONT)


def _widths(table: Table, kind: PartKind) -> None:
    from docx.shared import Cm  # noqa: PLC0415

    table.autofit = False
    for column, width in zip(table.columns, _WIDTHS_CM[kind], strict=True):
        column.width = Cm(width)
