"""Build realistic duty-list .docx fixtures in the many ways offices lay them out in Word.

`build_docx(spec, path, layout)` writes `spec` as a Word document; `Layout` picks the
table arrangement, category rows, brackets, column order, clause numbering, tracked
changes, front matter and decorations. `LAYOUT_VARIANTS` names a representative set.

Clause modes (`Layout.clauses`):

- "paragraphs": one `w:p` per cell paragraph, as given;
- "line_breaks": a cell's paragraphs in one `w:p`, separated by `w:br`;
- "one_paragraph": a cell's paragraphs joined in one `w:p`, nothing between;
- "autonumber": typed "N." removed, the paragraph numbered by `w:numPr` (style
  "List Paragraph"), a fresh `w:num` with `w:startOverride` for each clause list,
  i.e. each cell and each department block inside a cell;
- "autonumber_style": the same, the numbering on the "DutyClause" paragraph style.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from .numbering import ClauseNumbering, split_typed_number
from .plan import Layout, PlanParagraph, PlanRow, PlanSection, PlanTable, Role, plan
from .spec import CategorySpec, DocSpec, PartSpec
from .wordml import Revisions, add_page_field, add_text_box, mark_header_row, set_a4

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from pathlib import Path

    from docx.document import Document as DocumentObject
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph

__all__ = [
    "DELETED_TEXT",
    "LAYOUT_VARIANTS",
    "TEXT_BOX_TEXT",
    "CategorySpec",
    "DocSpec",
    "Layout",
    "PartSpec",
    "build_docx",
]

DELETED_TEXT = "【已删除】按季度报送"
"""Text written as a tracked deletion inside cells: never part of the spec."""
TEXT_BOX_TEXT = "草稿"
"""Text inside the text boxes of decorated documents: a reader must ignore it."""
HEADER_TEXT = "内部资料"
"""The page header text of decorated documents."""


class _Renderer:
    """Render a plan into a python-docx document, keeping per-document state."""

    def __init__(self, document: DocumentObject, layout: Layout) -> None:
        """Prepare numbering, revisions and counters for `layout`."""
        self.document = document
        self.layout = layout
        self.numbering: ClauseNumbering | None = None
        if layout.clauses in ("autonumber", "autonumber_style"):
            on_style = layout.clauses == "autonumber_style"
            self.numbering = ClauseNumbering(document, on_style=on_style)
        self.revisions = Revisions() if layout.tracked_changes else None
        self.duty_cells = 0
        self.written = 0
        self.cell_box_pending = layout.decorations

    def section(self, block: PlanSection) -> None:
        """Start the first section, or break to a new page section."""
        if block.first:
            section = self.document.sections[0]
        else:
            section = self.document.add_section(WD_SECTION.NEW_PAGE)
        set_a4(section, landscape=block.landscape)

    def paragraph(self, block: PlanParagraph) -> None:
        """Write a paragraph outside the tables."""
        if block.role == "part_title" and self.layout.part_titles == "heading":
            self.document.add_heading(block.text, level=1)
            return
        paragraph = self.document.add_paragraph()
        if block.role == "text_box":
            add_text_box(paragraph, block.text)
            return
        if block.role in ("title", "toc_heading", "part_title", "page"):
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if block.text:
            run = paragraph.add_run(block.text)
            run.bold = block.role in ("title", "toc_heading", "part_title")
            if block.role == "title":
                run.font.size = Pt(22)

    def table(self, block: PlanTable) -> None:
        """Write a table, then merge its 类别 column vertically by group."""
        table = self.document.add_table(rows=0, cols=block.width)
        table.style = self.document.styles["Table Grid"]
        leading = True
        for row in block.rows:
            # Word repeats only the rows at the top of a table, so only those are marked.
            leading = leading and row.kind in ("title", "header")
            self.row(table, row, block.width, header=leading)
        if self.layout.categories == "vmerge_column":
            self.merge_groups(table, block.rows)

    def row(self, table: Table, row: PlanRow, width: int, *, header: bool) -> None:
        """Write one table row: merged title/category rows, header rows, item rows.

        `header` marks the row with `w:tblHeader` (repeated on each page).
        """
        new_row = table.add_row()  # type: ignore[no-untyped-call]  # unannotated in python-docx 1.2
        cells = new_row.cells
        if row.kind in ("title", "category"):
            cell = cells[0].merge(cells[-1]) if width > 1 else cells[0]
            paragraph = cell.paragraphs[0]
            if row.kind == "title":
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            self.write(paragraph, row.cells[0][0], bold=True, tracked=row.kind == "category")
            if header:
                mark_header_row(new_row)
            return
        if len(row.cells) < width:
            cells[len(row.cells) - 1].merge(cells[-1])
            cells = new_row.cells
        if row.kind == "header":
            if header:
                mark_header_row(new_row)
            for cell, (text,) in zip(cells, row.cells, strict=False):
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
                cell.paragraphs[0].add_run(text).bold = True
            return
        tracked = not row.revision
        for cell, content, role in zip(cells, row.cells, row.roles, strict=False):
            self.fill(cell, content, role, tracked=tracked)
        if row.revision and self.revisions is not None:
            self.revisions.mark_row(new_row, row.revision)

    def merge_groups(self, table: Table, rows: Sequence[PlanRow]) -> None:
        """Merge the 类别 cells of consecutive item rows of one group (`w:vMerge`)."""
        start = 0
        for index in range(1, len(rows) + 1):
            same = (
                index < len(rows)
                and rows[index].kind == "item"
                and rows[start].kind == "item"
                and rows[index].group == rows[start].group
            )
            if same:
                continue
            if rows[start].kind == "item" and index - 1 > start:
                table.cell(start, 0).merge(table.cell(index - 1, 0))
            start = index

    def fill(self, cell: _Cell, content: tuple[str, ...], role: Role, *, tracked: bool) -> None:
        """Write the paragraphs of an item cell as the layout's clause mode says."""
        if not content:
            return
        paragraphs: list[Paragraph] = [cell.paragraphs[0]]
        if role == "duty":
            self.duty_cells += 1
            if self.layout.empty_paragraphs and self.duty_cells % 2 == 1:
                paragraphs = [cell.add_paragraph()]

        def next_paragraph() -> Paragraph:
            return paragraphs.pop() if paragraphs else cell.add_paragraph()

        mode = self.layout.clauses
        if mode in ("line_breaks", "one_paragraph"):
            paragraph = next_paragraph()
            for k, text in enumerate(content):
                if k and mode == "line_breaks":
                    paragraph.add_run().add_break()
                self.write(paragraph, text, tracked=tracked)
        elif self.numbering is not None:
            previous: int | None = None
            num_id: int | None = None
            for text in content:
                number, rest = split_typed_number(text)
                paragraph = next_paragraph()
                if number is None:
                    self.write(paragraph, text, tracked=tracked)
                else:
                    if previous is None or number != previous + 1:
                        num_id = self.numbering.start_list(number)
                    self.numbering.number(paragraph, num_id)
                    self.write(paragraph, rest, tracked=tracked)
                previous = number
        else:
            for text in content:
                self.write(next_paragraph(), text, tracked=tracked)
        if role == "name" and self.cell_box_pending:
            self.cell_box_pending = False
            add_text_box(cell.paragraphs[-1], TEXT_BOX_TEXT, vml_only=True)

    def write(self, paragraph: Paragraph, text: str, *, bold: bool = False, tracked: bool) -> None:
        """Append `text`; every third text becomes plain + tracked deletion + insertion."""
        self.written += 1
        if self.revisions is None or not tracked or len(text) < 2 or self.written % 3:
            _add_run(paragraph, text, bold=bold)
            return
        cut = len(text) // 2
        _add_run(paragraph, text[:cut], bold=bold)
        self.revisions.delete(paragraph, DELETED_TEXT)
        self.revisions.insert(paragraph, text[cut:])


def _add_run(paragraph: Paragraph, text: str, *, bold: bool) -> None:
    """Append a run of `text`, bold if asked (no empty `w:rPr` otherwise)."""
    run = paragraph.add_run(text)
    if bold:
        run.bold = True


def _set_fonts(document: DocumentObject) -> None:
    """Give the Normal style the fonts of government documents (仿宋, 12pt)."""
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(12)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), "仿宋_GB2312")


def _decorate(document: DocumentObject) -> None:
    """Add a "内部资料" header and a "第 {PAGE} 页" footer to the first section."""
    section = document.sections[0]
    header = section.header.paragraphs[0]
    header.text = HEADER_TEXT
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_page_field(footer)


def build_docx(spec: DocSpec, path: Path, layout: Layout | None = None) -> Path:
    """Write `spec` to `path` as a .docx laid out as `layout`, and return `path`.

    Args:
        spec: What the list contains.
        path: Where to write the document.
        layout: How it is laid out; the default is one table per part, bold part
            titles, merged category rows and one paragraph per clause.
    """
    layout = layout or Layout()
    document = Document()
    document.core_properties.title = spec.title
    _set_fonts(document)
    renderer = _Renderer(document, layout)
    for block in plan(spec, layout):
        if isinstance(block, PlanSection):
            renderer.section(block)
        elif isinstance(block, PlanParagraph):
            renderer.paragraph(block)
        else:
            renderer.table(block)
    if layout.decorations:
        _decorate(document)
    document.save(str(path))
    return path


_EVERYTHING = Layout(
    tables="split",
    split_every=3,
    part_titles="in_table",
    categories="vmerge_column",
    brackets="spaced",
    column_order=("上级部门职责", "对应上级部门"),
    extra_columns=("备注",),
    clauses="autonumber",
    empty_paragraphs=True,
    tracked_changes=True,
    front_matter=True,
    decorations=True,
)

LAYOUT_VARIANTS: Mapping[str, Layout] = MappingProxyType(
    {
        "default": Layout(),
        "split": Layout(tables="split", split_every=2),
        "single": Layout(tables="single"),
        "heading_titles": Layout(part_titles="heading"),
        "in_table_titles": Layout(part_titles="in_table"),
        "vmerge_column": Layout(categories="vmerge_column"),
        "vmerge_split": Layout(categories="vmerge_column", tables="split", split_every=3),
        "half_brackets": Layout(brackets="half"),
        "spaced_brackets": Layout(brackets="spaced"),
        "reordered_columns": Layout(
            column_order=("事项名称", "序号", "上级部门职责", "对应上级部门"),
            extra_columns=("备注",),
        ),
        "line_breaks": Layout(clauses="line_breaks"),
        "one_paragraph": Layout(clauses="one_paragraph"),
        "autonumber": Layout(clauses="autonumber"),
        "autonumber_style": Layout(clauses="autonumber_style"),
        "empty_paragraphs": Layout(empty_paragraphs=True),
        "tracked_changes": Layout(tracked_changes=True),
        "front_matter": Layout(front_matter=True),
        "decorations": Layout(decorations=True),
        "single_vmerge_style_numbering": Layout(
            tables="single",
            categories="vmerge_column",
            clauses="autonumber_style",
            tracked_changes=True,
            brackets="half",
        ),
        "everything": _EVERYTHING,
    }
)
"""Representative layouts by name: each option alone, and some combinations."""
