"""Render a change set as the 新旧对照表 (old/new comparison table) of a revision request.

One landscape A4 document in official-document typography: the title and part headings in
黑体, body and table text in 仿宋_GB2312. Per part, one table with the columns
原序号 / 原事项 / 调整后序号 / 调整后事项 / 调整类型 / 涉及部门; its header row repeats on every
page. Each row is one change; the 原事项 and 调整后事项 cells hold the whole item (name,
departments, duties), with deleted text struck through in red and inserted text
underlined in blue. A closing note lists category changes and renumbering.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any, cast

from dutylist.diff.changes import Change, ChangeKind, ChangeSet, EditOp, FieldChange, FieldOp
from dutylist.diff.content import clause_text, department_names, departments_of
from dutylist.fields import clause_fields, field_label
from dutylist.io.docx.styling import (
    BODY_FONT,
    HEADING_FONT,
    REPORT_MARGINS_MM,
    page_setup,
    set_fonts,
)
from dutylist.io.sanitize import xml_text
from dutylist.messages import N_, _, ngettext
from dutylist.model import Item, RecalledItem
from dutylist.parse.cells import DISCONTINUED_MARK
from dutylist.reports.changes.common import (
    category_lines,
    changes_by_part,
    headline,
    kind_label,
    lead_names,
    number_text,
    systemic_groups,
    version_lines,
)
from dutylist.reports.changes.renumbering import renumber_runs
from dutylist.wording import part_title

if TYPE_CHECKING:
    from collections.abc import Sequence

    from docx.document import Document
    from docx.table import Table, _Cell, _Row
    from docx.text.paragraph import Paragraph

DELETED_COLOR = "C00000"
"""Struck-through deletions: dark red."""
INSERTED_COLOR = "0070C0"
"""Underlined insertions: blue."""
COLUMNS = (
    N_("原序号"),
    N_("原事项"),
    N_("调整后序号"),
    N_("调整后事项"),
    N_("调整类型"),
    N_("涉及部门"),
)
"""The table's columns (untranslated)."""
_PART_HEADINGS = (N_("一、{part}"), N_("二、{part}"), N_("三、{part}"))
WIDTHS_CM = (1.6, 8.9, 2.1, 8.9, 2.1, 2.1)
"""Column widths on landscape A4 with 2 cm margins (25.7 cm of text width)."""

Segment = tuple[str, str]
"""Text and its mark: ``""``, ``"del"`` or ``"ins"``."""

Line = list[Segment]


def render_docx(changeset: ChangeSet) -> bytes:
    """Return the comparison table as the bytes of a .docx file."""
    import docx  # noqa: PLC0415

    document = docx.Document()
    setup_page(document)
    setup_styles(document)
    title = (changeset.new.title or changeset.old.title).removesuffix("履行职责事项清单")
    heading = _("{title}履行职责事项清单调整新旧对照表").format(title=title)
    _heading(document, heading, size=18, center=True)
    for label, line in version_lines(changeset):
        text = _("{label}：{text}").format(label=label, text=line)
        _paragraph(document, [(text, "")], size=12)
    _paragraph(document, [(headline(changeset), "")], size=12)
    if changeset.systemic:
        _heading(document, _("系统性变更"), size=16)
        for line, items in systemic_groups(changeset):
            _paragraph(document, [(line, "")], size=12)
            numbers = _("、").join(text for _index, text in items)
            _paragraph(document, [(_("涉及：{items}").format(items=numbers), "")], size=10.5)
    # every item keeps its row: the comparison table is what an office files
    for number, (kind, changes) in enumerate(changes_by_part(changeset, grouped=False)):
        _heading(document, _(_PART_HEADINGS[number]).format(part=part_title(kind)), size=16)
        table = document.add_table(rows=1, cols=len(COLUMNS))
        table.style = "Table Grid"
        _header(table.rows[0])
        widths = grid_widths(table)
        for _index, change in changes:
            _row(append_row(table, widths), change)
        _widths(table)
    if changeset.categories or changeset.renumbered:
        _heading(document, _("说明"), size=16)
        for line in category_lines(changeset):
            _paragraph(document, [(line, "")], size=12)
        if changeset.renumbered:
            runs = _("；").join(
                _("{part} {text}").format(part=part_title(run.part), text=run.text)
                for run in renumber_runs(changeset.renumbered)
            )
            text = ngettext(
                "因事项增减，{count} 项事项仅序号调整，内容未变：{runs}。",
                "因事项增减，{count} 项事项仅序号调整，内容未变：{runs}。",
                len(changeset.renumbered),
            ).format(count=len(changeset.renumbered), runs=runs)
            _paragraph(document, [(text, "")], size=12)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# -- content of the cells -------------------------------------------------------------------


def item_lines(item: Item, fields: tuple[FieldChange, ...], side: str) -> list[Line]:
    """Return an item as marked lines: name, departments, clauses (``side`` old or new)."""
    old_side = side == "old"
    by_field: dict[str, FieldChange] = {}
    by_clause: dict[tuple[str, int], FieldChange] = {}
    for change in fields:
        place = change.old_clause if old_side else change.new_clause
        if place is not None:
            by_clause[change.field, place] = change
        elif change.op is not FieldOp.REORDERED:
            by_field[change.field] = change
    lines: list[Line] = [_marked("", item.name, by_field.get("name"), old_side=old_side)]
    departments = departments_of(item)
    if departments:
        label = _("{label}：").format(label=field_label("departments", item.kind))
        text = lead_names(departments)
        lines.append(_marked(label, text, by_field.get("departments"), old_side=old_side))
    for field, clauses in clause_fields(item):
        if clauses:
            lines.append([(_("{label}：").format(label=field_label(field, item.kind)), "")])
        for index, clause in enumerate(clauses, start=1):
            prefix = f"{clause.number}." if clause.number is not None else ""
            edit = by_clause.get((field, index))
            lines.append(_marked(prefix, clause_text(clause), edit, old_side=old_side))
    stated = any(
        DISCONTINUED_MARK in clause.text for _field, cs in clause_fields(item) for clause in cs
    )
    if isinstance(item, RecalledItem) and item.discontinued and not stated:
        lines.append([("不再开展此项工作", "")])
    for field in ("remarks", "basis"):
        text = getattr(item, field)
        if text:
            lines.append(
                _marked(field_label(field) + "：", text, by_field.get(field), old_side=old_side)
            )
    lines.extend([(f"{key}：{value}", "")] for key, value in item.extra.items() if value)
    return lines


def _marked(prefix: str, text: str, change: FieldChange | None, *, old_side: bool) -> Line:
    line: Line = [(prefix, "")] if prefix else []
    if change is None or change.op is FieldOp.REORDERED:
        return [*line, (text, "")]
    if change.op in {FieldOp.ADDED, FieldOp.REMOVED}:
        return [*line, (text, "del" if old_side else "ins")]
    if not change.edits:
        return [*line, (text, "del" if old_side else "ins")]
    skip = EditOp.INSERT if old_side else EditOp.DELETE
    mark = "del" if old_side else "ins"
    return [
        *line,
        *(
            (edit.text, "" if edit.op is EditOp.EQUAL else mark)
            for edit in change.edits
            if edit.op is not skip
        ),
    ]


def _whole(item: Item, mark: str) -> list[Line]:
    return [[(text, mark) for text, _mark in line] for line in item_lines(item, (), "new")]


def cell_lines(change: Change, side: str) -> list[Line]:
    """Return the lines of the 原事项 (``old``) or 调整后事项 (``new``) cell of a change."""
    items = change.old_items if side == "old" else change.new_items
    if change.kind in {ChangeKind.ADDED, ChangeKind.REMOVED}:
        return _whole(items[0], "ins" if side == "new" else "del") if items else []
    if change.kind in {ChangeKind.MODIFIED, ChangeKind.MOVED}:
        lines = item_lines(items[0], change.fields, side)
        if change.kind is ChangeKind.MOVED:
            ref = (change.old if side == "old" else change.new)[0]
            where = _("（{part}·{category}）").format(
                part=part_title(ref.part), category=ref.category
            )
            lines.insert(0, [(where, "")])
        return lines
    result: list[Line] = []
    for item in items:
        if result:
            result.append([("", "")])
        result.extend(item_lines(item, (), side))
    return result


def departments_text(change: Change) -> str:
    """Return the departments a change concerns, old and new, each once."""
    names = [
        name for item in (*change.old_items, *change.new_items) for name in department_names(item)
    ]
    return _("、").join(dict.fromkeys(names))


def numbers_text(change: Change, side: str) -> str:
    """Return the item numbers of one side of a change (``18、19`` for a split)."""
    refs = change.old if side == "old" else change.new
    return _("、").join(number_text(ref.number) for ref in refs)


# -- python-docx plumbing ------------------------------------------------------------------


def setup_page(document: Document) -> None:
    """Make the document's page landscape A4 with 2 cm margins."""
    page_setup(document.sections[0], landscape=True, margins_mm=REPORT_MARGINS_MM)


def setup_styles(document: Document) -> None:
    """Make 仿宋_GB2312 10.5 pt the body text (East Asian font included)."""
    from docx.shared import Pt  # noqa: PLC0415

    normal: Any = document.styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = Pt(10.5)
    set_fonts(normal.element.get_or_add_rPr(), BODY_FONT)


def _run(  # noqa: PLR0913 - keyword-only styling options
    paragraph: Paragraph,
    text: str,
    mark: str,
    *,
    font: str = BODY_FONT,
    size: float = 10.5,
    bold: bool = False,
) -> None:
    from docx.enum.text import WD_UNDERLINE  # noqa: PLC0415
    from docx.shared import Pt, RGBColor  # noqa: PLC0415

    run = paragraph.add_run(xml_text(text))
    run.font.size = Pt(size)
    run.bold = bold or None
    set_fonts(run._element.get_or_add_rPr(), font)  # noqa: SLF001 - no API for eastAsia
    if mark == "del":
        run.font.strike = True
        run.font.color.rgb = RGBColor.from_string(DELETED_COLOR)
    elif mark == "ins":
        run.font.underline = WD_UNDERLINE.SINGLE
        run.font.color.rgb = RGBColor.from_string(INSERTED_COLOR)


def _heading(document: Document, text: str, *, size: float, center: bool = False) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: PLC0415
    from docx.shared import Pt  # noqa: PLC0415

    paragraph = document.add_paragraph()
    paragraph.paragraph_format.space_before = Pt(12)
    paragraph.paragraph_format.space_after = Pt(6)
    paragraph.paragraph_format.keep_with_next = True
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(paragraph, text, "", font=HEADING_FONT, size=size)


def _paragraph(document: Document, segments: Line, *, size: float) -> None:
    paragraph = document.add_paragraph()
    for text, mark in segments:
        _run(paragraph, text, mark, size=size)


def _header(row: _Row) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: PLC0415
    from docx.oxml.ns import qn  # noqa: PLC0415

    properties = row._tr.get_or_add_trPr()  # noqa: SLF001 - repeat the header row on each page
    properties.append(properties.makeelement(qn("w:tblHeader"), {}))
    for cell, title in zip(row.cells, COLUMNS, strict=True):
        paragraph = cell.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(paragraph, _(title), "", font=HEADING_FONT, size=10.5)


def _fill(cell: _Cell, lines: list[Line], *, center: bool = False) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: PLC0415

    paragraph = cell.paragraphs[0]
    for index, line in enumerate(lines or [[("", "")]]):
        if index:
            paragraph = cell.add_paragraph()
        if center:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for text, mark in line:
            if text:
                _run(paragraph, text, mark)


def _row(cells: Sequence[_Cell], change: Change) -> None:
    _fill(cells[0], [[(numbers_text(change, "old"), "")]], center=True)
    _fill(cells[1], cell_lines(change, "old"))
    _fill(cells[2], [[(numbers_text(change, "new"), "")]], center=True)
    _fill(cells[3], cell_lines(change, "new"))
    _fill(cells[4], [[(kind_label(change), "")]], center=True)
    _fill(cells[5], [[(departments_text(change), "")]])


def grid_widths(table: Table) -> list[Any]:
    """Return the widths of the columns of ``table`` (read once: the lookup is slow)."""
    return [column.w for column in cast("Any", table)._tbl.tblGrid.gridCol_lst]  # noqa: SLF001


def append_row(table: Table, widths: list[Any]) -> list[_Cell]:
    """Append a row of cells ``widths`` wide to ``table`` and return its cells.

    python-docx's ``add_row`` and ``_Row.cells`` look through the whole table each time,
    which makes a long table quadratic; this appends the row element directly.
    """
    from docx.table import _Cell  # noqa: PLC0415

    tbl = cast("Any", table)._tbl  # noqa: SLF001 - python-docx has no fast API
    tr = tbl._new_tr()  # noqa: SLF001
    tbl.append(tr)
    cells = []
    for width in widths:
        tc = tr.add_tc()
        if width is not None:
            tc.width = width
        cells.append(_Cell(tc, table))
    return cells


def _widths(table: Table) -> None:
    from docx.shared import Cm  # noqa: PLC0415

    table.autofit = False
    for column, width in zip(table.columns, WIDTHS_CM, strict=True):
        column.width = Cm(width)
    for tr in cast("Any", table)._tbl.tr_lst:  # noqa: SLF001 - row.cells is quadratic
        for tc, width in zip(tr.tc_lst, WIDTHS_CM, strict=True):
            tc.width = Cm(width)
