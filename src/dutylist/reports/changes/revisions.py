"""WordprocessingML with tracked changes: runs, paragraphs and rows marked w:ins / w:del.

:mod:`dutylist.reports.changes.redline` decides which rows and segments are inserted or
deleted; this module writes them with python-docx, numbering every revision and naming
:data:`AUTHOR` on it.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any, cast

import attrs

from dutylist.io.docx.styling import BODY_FONT, HEADING_FONT, set_fonts
from dutylist.io.sanitize import xml_text

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import Table, _Cell
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


class Writer:
    """Writes paragraphs and rows with tracked changes, numbering the revisions."""

    def __init__(self, stamp: str) -> None:
        """Stamp every revision with ``stamp`` (an ISO 8601 UTC time)."""
        self.stamp = stamp
        self.next_id = 1
        self._widths: dict[int, tuple[Any, list[Any]]] = {}  # per table: its column widths
        self._runs: dict[tuple[str, float, bool], etree._Element] = {}  # empty runs to copy

    def append_row(self, table: Table) -> list[_Cell]:
        """Append a row to ``table`` and return its cells (in constant time, unlike add_row)."""
        from dutylist.reports.changes.docx import append_row, grid_widths  # noqa: PLC0415

        tbl = cast("Any", table)._tbl  # noqa: SLF001
        known = self._widths.get(id(tbl))
        if known is None or known[0] is not tbl:
            known = self._widths[id(tbl)] = (tbl, grid_widths(table))
        return append_row(table, known[1])

    def revision(self, tag: str) -> etree._Element:
        """Return a new ``w:ins`` or ``w:del`` element with the next id, author and date."""
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
        """Return a run of ``text`` in ``font``, wrapped in a revision when ``mark`` is set."""
        key = (font, size, mark == "del")
        template = self._runs.get(key)
        if template is None:
            template = self._runs[key] = _run_template(font, size, deleted=mark == "del")
        run = copy.deepcopy(template)  # in C: far cheaper than building the run again
        run[-1].text = xml_text(text)
        if not mark:
            return run
        wrapper = self.revision(mark)
        wrapper.append(run)
        return wrapper

    def paragraph(self, element: etree._Element, para: Para, *, font: str = BODY_FONT) -> None:
        """Append the segments of ``para`` to the ``w:p`` ``element``."""
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
        """Add a heading paragraph in the heading font."""
        from docx.shared import Pt  # noqa: PLC0415

        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_before = Pt(12)
        paragraph.paragraph_format.space_after = Pt(6)
        paragraph.paragraph_format.keep_with_next = True
        cast("Any", paragraph)._p.append(self.run(text, "", font=HEADING_FONT, size=size))  # noqa: SLF001

    def row(self, table: Table, cells: list[Cell], *, mark: str = "", header: bool = False) -> None:
        """Add a row of ``cells``, the whole row tracked when ``mark`` is set."""
        from docx.oxml import OxmlElement  # noqa: PLC0415

        row_cells = self.append_row(table)
        tr = cast("Any", row_cells[0])._tc.getparent()  # noqa: SLF001 - no API for tracked rows
        if header or mark:
            properties = tr.get_or_add_trPr()
            if header:
                properties.append(OxmlElement("w:tblHeader"))
            if mark:
                properties.append(self.revision(mark))
        for cell, paras in zip(row_cells, cells, strict=True):
            font = HEADING_FONT if header else BODY_FONT
            for index, para in enumerate(paras or [Para((("", ""),))]):
                paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
                self.paragraph(cast("Any", paragraph)._p, para, font=font)  # noqa: SLF001

    def heading_row(self, table: Table, cell: Cell) -> None:
        """Add a row whose one cell, spanning the table, is a category heading."""
        from docx.table import _Cell  # noqa: PLC0415

        # What ``row.cells[0].merge(row.cells[-1])`` does to a fresh row, without its
        # search for the row's place in the table (one scan of every row per heading:
        # quadratic in the rows of a long list)
        first = cast("Any", self.append_row(table)[0])._tc  # noqa: SLF001
        first._span_to_width(len(first.getparent().tc_lst), first, None)  # noqa: SLF001
        merged = _Cell(first, table)
        for index, para in enumerate(cell):
            paragraph = merged.paragraphs[0] if index == 0 else merged.add_paragraph()
            self.paragraph(cast("Any", paragraph)._p, para, font=HEADING_FONT)  # noqa: SLF001


def _run_template(font: str, size: float, *, deleted: bool) -> etree._Element:
    """Return an empty run in ``font`` and ``size`` (points); ``deleted``: a ``w:delText``."""
    from docx.oxml import OxmlElement  # noqa: PLC0415
    from docx.oxml.ns import qn  # noqa: PLC0415

    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    set_fonts(properties, font)
    for tag in ("w:sz", "w:szCs"):
        measure = OxmlElement(tag)
        measure.set(qn("w:val"), str(round(size * 2)))
        properties.append(measure)
    run.append(properties)
    body = OxmlElement("w:delText" if deleted else "w:t")
    body.set(qn("xml:space"), "preserve")
    run.append(body)
    return run
