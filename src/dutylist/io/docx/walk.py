"""Walk a document body element by element into neutral blocks.

The walk yields the body's paragraphs and table rows in order, as
:mod:`dutylist.parse.rows` blocks. Plain tables (when the document allows it) go to the
XSLT stylesheet of :mod:`dutylist.io.docx.body`, which gives the same rows faster; both
share :func:`~dutylist.io.docx.body.int_val` and the ``w:vMerge`` bookkeeping of
:class:`~dutylist.io.docx.body.MergedCells`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from dutylist.io.docx.body import (
    PLAIN_TABLE_EXCEPTIONS,
    MergedCells,
    int_val,
    plain_table_rows,
)
from dutylist.io.docx.numbering import VAL, Numbering, w
from dutylist.location import Location
from dutylist.parse.rows import Block, Cell, Paragraph, Row

if TYPE_CHECKING:
    from lxml import etree

_P = w("p")
_R = w("r")
_T = w("t")
_BR = w("br")
_CR = w("cr")
_TAB = w("tab")
_NO_BREAK_HYPHEN = w("noBreakHyphen")
_PPR = w("pPr")
_TBL = w("tbl")
_TR = w("tr")
_TC = w("tc")
_TRPR = w("trPr")
_TCPR = w("tcPr")
_GRID_SPAN = w("gridSpan")
_GRID_BEFORE = w("gridBefore")
_VMERGE = w("vMerge")
_INS = w("ins")
_DEL = w("del")
_MOVE_FROM = w("moveFrom")
_MOVE_TO = w("moveTo")
_SDT = w("sdt")
_SDT_CONTENT = w("sdtContent")
_CUSTOM_XML = w("customXml")
_BODY = w("body")
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_MC_ALTERNATE = f"{_MC}AlternateContent"
_MC_FALLBACK = f"{_MC}Fallback"
_REVISIONS = frozenset([_INS, _DEL, _MOVE_FROM, _MOVE_TO])
# Inline containers whose runs are part of the paragraph text.
_INLINE_CONTAINERS = frozenset(
    [w("hyperlink"), w("smartTag"), w("fldSimple"), w("dir"), w("bdo"), _CUSTOM_XML]
)
# The text of a run's children other than w:t.
_RUN_TEXT = {_BR: "\n", _CR: "\n", _TAB: "\t", _NO_BREAK_HYPHEN: "-"}


class BodyReader:
    """Walk a document body and yield its paragraphs and table rows."""

    def __init__(self, name: str, numbering: Numbering, *, plain: bool = False) -> None:
        """Read the body of ``name``; ``plain`` lets plain tables go to the stylesheet."""
        self.name = name
        self.numbering = numbering
        self.numbered = numbering.enabled
        # Plain tables go to libxslt; the caller checks that none of their paragraphs is
        # numbered automatically (see _may_number).
        self.plain = plain
        self.here = Location(file=name)
        self.tables = 0
        self.tracked = False

    # -- paragraphs ----------------------------------------------------------------------

    def _inline(self, parent: etree._Element, out: list[str]) -> None:
        for child in parent:
            tag = child.tag
            if tag == _R:
                for piece in child:
                    kind = piece.tag
                    if kind == _T:
                        out.append(piece.text or "")
                    elif kind in _RUN_TEXT:
                        out.append(_RUN_TEXT[kind])
                    # drawings, pictures (text boxes), field codes, deleted text: not text
            elif tag in _INLINE_CONTAINERS:
                self._inline(child, out)
            elif tag in _REVISIONS:
                self.tracked = True
                if tag in (_INS, _MOVE_TO):
                    self._inline(child, out)
            elif tag == _SDT:
                for content in child.iterchildren(_SDT_CONTENT):
                    self._inline(content, out)
            elif tag == _MC_ALTERNATE:  # newer markup and its plain fallback: read the latter
                for fallback in child.iterchildren(_MC_FALLBACK):
                    self._inline(fallback, out)

    def paragraph(self, p: etree._Element) -> list[str]:
        """Return the lines of a paragraph (``w:br`` starts a new line), number first."""
        out: list[str] = []
        self._inline(p, out)
        lines = "".join(out).split("\n")
        if self.numbered:
            label = self.numbering.label(next(p.iterchildren(_PPR), None))
            if label and lines[0].strip():
                lines[0] = label + lines[0]
        return lines

    # -- tables --------------------------------------------------------------------------

    def _children(self, parent: etree._Element, tag: str) -> Iterator[etree._Element]:
        """Yield the ``tag`` children of ``parent``, looking through content controls."""
        for child in parent:
            if child.tag == tag:
                yield child
            elif child.tag == _SDT:
                for content in child.iterchildren(_SDT_CONTENT):
                    yield from self._children(content, tag)
            elif child.tag == _CUSTOM_XML:
                yield from self._children(child, tag)

    def cell(self, parent: etree._Element) -> list[str]:
        """Return the paragraphs of a cell; nested tables add their paragraphs in order."""
        out: list[str] = []
        for child in parent:
            tag = child.tag
            if tag == _P:
                out += self.paragraph(child)
            elif tag == _TBL:
                for tr in self._children(child, _TR):
                    for tc in self._children(tr, _TC):
                        out += self.cell(tc)
            elif tag == _SDT:
                for content in child.iterchildren(_SDT_CONTENT):
                    out += self.cell(content)
            elif tag == _CUSTOM_XML:
                out += self.cell(child)
        return out

    def table(self, tbl: etree._Element, index: int) -> Iterator[Row]:
        """Yield the rows of a body table; rows deleted as tracked changes are skipped."""
        if self.plain and next(tbl.iterdescendants(*PLAIN_TABLE_EXCEPTIONS), None) is None:
            yield from plain_table_rows(tbl, self.name, index)
            return
        merges = MergedCells()
        for row_index, tr in enumerate(self._children(tbl, _TR), start=1):
            column = 0
            for tr_pr in tr.iterchildren(_TRPR):
                for prop in tr_pr.iterchildren(_DEL, _INS, _GRID_BEFORE):
                    if prop.tag == _GRID_BEFORE:
                        column = int_val(prop.get(VAL), 0)
                    else:
                        self.tracked = True
                        if prop.tag == _DEL:
                            break
                else:
                    continue
                break  # a deleted row
            else:
                yield self._row(
                    tr, column, merges, Location(file=self.name, table=index, row=row_index)
                )

    def _row(self, tr: etree._Element, column: int, merges: MergedCells, where: Location) -> Row:
        cells: list[Cell] = []
        for tc in self._children(tr, _TC):
            span = 1
            vmerge: str | None = None
            for tc_pr in tc.iterchildren(_TCPR):
                for prop in tc_pr.iterchildren(_GRID_SPAN, _VMERGE):
                    if prop.tag == _GRID_SPAN:
                        span = max(1, int_val(prop.get(VAL), 1))
                    else:
                        vmerge = prop.get(VAL, "continue")
            if vmerge != "continue":
                cells.append(merges.take(column, vmerge, tuple(self.cell(tc))))
            else:
                if self.numbered:
                    self.cell(tc)  # keeps automatic numbering counters in step
                cells.append(merges.take(column, vmerge, None))
            column += span
        return Row(cells=tuple(cells), location=where)

    # -- body ----------------------------------------------------------------------------

    def blocks(self, parent: etree._Element) -> Iterator[Block]:
        """Yield the paragraphs and table rows of the body in order."""
        for child in parent:
            tag = child.tag
            if tag == _P:
                for line in self.paragraph(child):
                    yield Paragraph(text=line, location=self.here)
            elif tag == _TBL:
                self.tables += 1
                yield from self.table(child, self.tables)
            elif tag == _SDT:
                content = child.find(_SDT_CONTENT)
                if content is not None:
                    yield from self.blocks(content)
            elif tag == _CUSTOM_XML:
                yield from self.blocks(child)
