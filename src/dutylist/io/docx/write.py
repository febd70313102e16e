"""Write duty lists as publication-style Word .docx documents.

The layout is the one offices publish: the title in 黑体, then each part as a heading
and one table, the header row repeated on every page (``w:tblHeader``), categories as
rows merged across the table, one paragraph per clause with its number. Pages are A4,
landscape for tables of five columns or more. Body text is 仿宋_GB2312, headings 黑体,
set for East Asian and Latin text alike.

Everything written is read back by :func:`dutylist.io.docx.read.read_docx` to an equal model.
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from dutylist.errors import WriteError
from dutylist.io.docx.package import (
    PUBLISHED_PROPERTY,
    VERSION_PROPERTY,
    XML_SPACE,
    element,
    finish_package,
    page_number_footer,
    set_document_fonts,
)
from dutylist.io.docx.styling import LIST_MARGINS_MM, PAGE_MM, page_setup
from dutylist.io.docx.wordml import W_NS, w
from dutylist.io.files import write_atomically
from dutylist.io.layout import (
    category_headings,
    cell_paragraphs,
    column_roles,
    lines,
    overflow,
    part_columns,
)
from dutylist.io.sanitize import xml_text
from dutylist.location import Location
from dutylist.messages import _
from dutylist.model import (
    Category,
    DutyList,
    Item,
    Part,
)
from dutylist.parse.vocabulary import Role

if TYPE_CHECKING:
    from lxml import etree

# Relative column widths; the number column has a fixed width.
_WEIGHTS = {
    Role.NAME: 3.0,
    Role.CATEGORY: 2.0,
    Role.DEPARTMENTS: 2.2,
    Role.SUPERIOR_DUTIES: 5.5,
    Role.LOCAL_DUTIES: 4.5,
    Role.RECEIVING: 2.2,
    Role.WORKING_METHOD: 5.0,
    Role.RECEIVING_AND_METHOD: 6.0,
    Role.ASSISTING_DEPARTMENTS: 2.0,
    Role.REMARKS: 1.6,
    Role.BASIS: 2.4,
    Role.EXTRA: 1.6,
}
_TWIPS_PER_MM = 1440 / 25.4
_NUMBER_WIDTH_MM = 13.0
_LANDSCAPE_COLUMNS = 5

_BORDERS = "".join(
    f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)


def _paragraph(parent: etree._Element, text: str, style: str) -> etree._Element:
    p = element("p", parent)
    element("pStyle", element("pPr", p), val=style)
    if text:
        t = element("t", element("r", p))
        t.text = xml_text(text)
        if text != text.strip() or "  " in text:
            t.set(XML_SPACE, "preserve")
    return p


def _widths(roles: Sequence[Role], landscape: bool) -> list[int]:
    """Return column widths in twentieths of a point that fill the text width."""
    page = PAGE_MM[1] if landscape else PAGE_MM[0]
    text_width = page - 2 * LIST_MARGINS_MM[1]
    fixed = sum(_NUMBER_WIDTH_MM for role in roles if role is Role.NUMBER)
    weights = [_WEIGHTS.get(role, 1.6) for role in roles if role is not Role.NUMBER]
    unit = (text_width - fixed) / sum(weights) if weights else 0.0
    return [
        round((_NUMBER_WIDTH_MM if role is Role.NUMBER else _WEIGHTS.get(role, 1.6) * unit)
              * _TWIPS_PER_MM)
        for role in roles
    ]  # fmt: skip


class _TableWriter:
    """Build the ``w:tbl`` of one part."""

    def __init__(self, part: Part, columns: tuple[str, ...], landscape: bool) -> None:
        from lxml import etree  # noqa: PLC0415 - lxml takes long to import

        self.part = part
        self.columns = columns
        more = overflow(part, len(columns))
        self.roles = column_roles(part, columns) + (Role.EXTRA,) * more
        self.keys = [
            column.strip() or f"第{index + 1}列"
            for index, column in enumerate(columns + ("",) * more)
        ]
        self.widths = _widths(self.roles, landscape)
        self.tbl = element("tbl")
        tbl_pr = element("tblPr", self.tbl)
        element("tblW", tbl_pr, w=str(sum(self.widths)), type="dxa")
        element("jc", tbl_pr, val="center")
        tbl_pr.append(etree.fromstring(f'<w:tblBorders xmlns:w="{W_NS}">{_BORDERS}</w:tblBorders>'))
        element("tblLayout", tbl_pr, type="fixed")
        margins = element("tblCellMar", tbl_pr)
        element("left", margins, w="85", type="dxa")
        element("right", margins, w="85", type="dxa")
        grid = element("tblGrid", self.tbl)
        for width in self.widths:
            element("gridCol", grid, w=str(width))

    def _cell(
        self, tr: etree._Element, paragraphs: Sequence[str], columns: slice, style: str
    ) -> etree._Element:
        """Add a cell spanning ``columns`` and return its ``w:tcPr`` (before ``w:vAlign``)."""
        tc = element("tc", tr)
        tc_pr = element("tcPr", tc)
        element("tcW", tc_pr, w=str(sum(self.widths[columns])), type="dxa")
        span = len(self.widths[columns])
        if span > 1:
            element("gridSpan", tc_pr, val=str(span))
        for text in paragraphs or [""]:
            _paragraph(tc, text, style)
        return tc_pr

    def header(self) -> None:
        tr = element("tr", self.tbl)
        tr_pr = element("trPr", tr)
        if len(self.roles) > len(self.columns):  # cells beyond the header have no title
            element("gridAfter", tr_pr, val=str(len(self.roles) - len(self.columns)))
        element("cantSplit", tr_pr)
        element("tblHeader", tr_pr)
        for column, text in enumerate(self.columns):
            tc_pr = self._cell(tr, lines(text), slice(column, column + 1), "DutyListHeaderCell")
            element("shd", tc_pr, val="clear", color="auto", fill="E7E6E6")
            element("vAlign", tc_pr, val="center")

    def category(self, category: Category) -> None:
        tr = element("tr", self.tbl)
        element("cantSplit", element("trPr", tr))
        self._cell(tr, [category.heading], slice(None), "DutyListCategoryCell")

    def item(self, item: Item, heading: str, first_in_category: bool) -> None:
        tr = element("tr", self.tbl)
        for column, role in enumerate(self.roles):
            paragraphs = cell_paragraphs(item, role, self.keys[column], heading, self.roles)
            if role is Role.CATEGORY and not first_in_category:
                paragraphs = []
            centered = role in (Role.NUMBER, Role.CATEGORY)
            style = "DutyListCenteredCell" if centered else "DutyListCell"
            tc_pr = self._cell(tr, paragraphs, slice(column, column + 1), style)
            if role is Role.CATEGORY:
                element("vMerge", tc_pr, **({"val": "restart"} if first_in_category else {}))
            element("vAlign", tc_pr, val="center")

    def write(self) -> etree._Element:
        if self.part.columns:
            self.header()
        headings = category_headings(self.part, category_column=Role.CATEGORY in self.roles)
        for category, own_row in headings:
            if own_row:
                self.category(category)
            for index, item in enumerate(category.items):
                self.item(item, category.heading.strip(), index == 0)
        return self.tbl


def docx_bytes(duty_list: DutyList) -> bytes:
    """Return ``duty_list`` as the bytes of a publication-style .docx document.

    Characters XML cannot carry (control characters, lone surrogates) are made visible
    by :func:`dutylist.io.sanitize.xml_text`.
    """
    from docx import Document  # noqa: PLC0415
    from docx.enum.section import WD_SECTION  # noqa: PLC0415

    document = Document()
    document.core_properties.title = xml_text(duty_list.title)
    set_document_fonts(document)
    body = document.element.body
    end = body.find(w("sectPr"))
    assert end is not None  # noqa: S101 - the template always has one

    def add(block: etree._Element) -> None:
        end.addprevious(block)

    def paragraph(text: str, style: str) -> None:
        holder = element("body")
        add(_paragraph(holder, text, style))

    columns_of = [part_columns(part) for part in duty_list.parts]
    landscape = [len(columns) >= _LANDSCAPE_COLUMNS for columns in columns_of]
    page_setup(document.sections[0], landscape=landscape[0] if landscape else False)
    page_number_footer(document.sections[0])
    if duty_list.title:
        paragraph(duty_list.title, "DutyListTitle")
    for line in duty_list.front_matter:
        paragraph(line, "Normal")
    for index, part in enumerate(duty_list.parts):
        if index > 0:  # each part starts on a new page, in its own orientation
            page_setup(document.add_section(WD_SECTION.NEW_PAGE), landscape=landscape[index])
        if part.title:
            paragraph(part.title, "DutyListPartTitle")
        add(_TableWriter(part, columns_of[index], landscape[index]).write())
    stream = io.BytesIO()
    document.save(stream)
    properties = {}
    if duty_list.metadata.version is not None:
        properties[VERSION_PROPERTY] = xml_text(duty_list.metadata.version)
    if duty_list.metadata.published is not None:
        properties[PUBLISHED_PROPERTY] = duty_list.metadata.published.isoformat()
    return finish_package(stream.getvalue(), properties)


def write_docx(duty_list: DutyList, path: str | os.PathLike[str]) -> None:
    """Write ``duty_list`` to ``path`` as a publication-style .docx document, atomically.

    Raises:
        WriteError: a text cannot be stored in a .docx, or the file cannot be written.
    """
    try:
        data = docx_bytes(duty_list)
    except ValueError as exc:
        raise WriteError(
            _("无法写出 .docx：{error}").format(error=exc), Location(file=os.fspath(path))
        ) from None
    write_atomically(path, data)
