"""Read plain .docx tables in libxslt: the fast path of :mod:`dutylist.io.docx.read`.

Walking a table element by element in Python costs several times what lxml needs to
parse the document. Most tables are plain: rows of cells of paragraphs of runs, with
merged cells but none of the markup the reader has to look through (content controls,
hyperlinks, tracked changes, nested tables …). For those, one XSLT stylesheet, run by
libxslt in C, writes the table out as a flat string (rows, cells and paragraph lines
separated by private-use characters) and Python only splits it into
:class:`dutylist.parse.rows.Row` blocks. Other tables take the element walk of
:class:`dutylist.io.docx.read._BodyReader`; both give the same rows.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from dutylist.io.docx.numbering import W_NS, w
from dutylist.location import Location
from dutylist.parse.rows import Cell, Row

if TYPE_CHECKING:
    from lxml import etree

PLAIN_TABLE_EXCEPTIONS = (
    *(w(tag) for tag in ("sdt", "customXml", "hyperlink", "smartTag", "fldSimple", "dir")),
    *(w(tag) for tag in ("bdo", "ins", "del", "moveFrom", "moveTo", "tbl", "gridBefore")),
    "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent",
)
"""Tags whose presence anywhere inside a table sends it to the element walk."""

# Separators: private-use characters, which the document is checked not to contain.
_ROW = "\ue001"
_CELL = "\ue002"
_END = "\ue003"  # ends the merge properties of a cell
_FIELD = "\ue004"  # ends one property value
_SEPARATOR_BYTES = b"\xee\x80"
"""The UTF-8 lead bytes of U+E000–U+E03F, which hold the separators."""
_CHARACTER_REFERENCE = re.compile(rb"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));")

# A cell is written as _CELL, its w:gridSpan ("S" + value) and w:vMerge ("V" + value,
# or "v" without one) each ended by _FIELD, then _END and a newline before each
# paragraph. Runs give the text of w:t (as lxml's .text: its first child node when that
# is text), a newline for w:br and w:cr, a tab for w:tab and "-" for w:noBreakHyphen.
_STYLESHEET = f"""\
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:w="{W_NS}">
<xsl:output method="text" encoding="utf-8"/>
<xsl:template match="/">
  <xsl:for-each select="*/w:tr">
    <xsl:text>{_ROW}</xsl:text>
    <xsl:for-each select="w:tc">
      <xsl:text>{_CELL}</xsl:text>
      <xsl:apply-templates select="w:tcPr/w:gridSpan|w:tcPr/w:vMerge" mode="merge"/>
      <xsl:text>{_END}</xsl:text>
      <xsl:for-each select="w:p">
        <xsl:text>&#10;</xsl:text><xsl:apply-templates select="w:r/*" mode="run"/>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:for-each>
</xsl:template>
<xsl:template match="w:gridSpan" mode="merge">
  <xsl:text>S</xsl:text><xsl:value-of select="@w:val"/><xsl:text>{_FIELD}</xsl:text>
</xsl:template>
<xsl:template match="w:vMerge[@w:val]" mode="merge">
  <xsl:text>V</xsl:text><xsl:value-of select="@w:val"/><xsl:text>{_FIELD}</xsl:text>
</xsl:template>
<xsl:template match="w:vMerge" mode="merge"><xsl:text>v{_FIELD}</xsl:text></xsl:template>
<xsl:template match="w:t" mode="run"><xsl:value-of select="node()[1][self::text()]"/></xsl:template>
<xsl:template match="w:br|w:cr" mode="run"><xsl:text>&#10;</xsl:text></xsl:template>
<xsl:template match="w:tab" mode="run"><xsl:text>&#9;</xsl:text></xsl:template>
<xsl:template match="w:noBreakHyphen" mode="run"><xsl:text>-</xsl:text></xsl:template>
<xsl:template match="*" mode="run"/>
</xsl:stylesheet>
"""


@functools.cache
def _transform() -> etree.XSLT:
    from lxml import etree  # noqa: PLC0415 - lxml takes long to import

    # The stylesheet reads no other document and writes nothing; the input cannot make it.
    return etree.XSLT(etree.fromstring(_STYLESHEET.encode("utf-8")), regexp=False)


def can_transform(document: bytes) -> bool:
    """Return True when the stylesheet reads ``document`` exactly as the element walk.

    It does unless the document holds the separator characters, or comments, processing
    instructions or a document type (which could split the text of a ``w:t``).
    """
    # Each test looks for one byte first (memchr), the longer pattern only when it is found.
    start = _after_declaration(document)
    if start < 0:
        return False
    if document.find(b"!", start) >= 0 and document.find(b"<!", start) >= 0:
        return False
    if document.find(b"?", start) >= 0 and document.find(b"<?", start) >= 0:
        return False
    if b"\xee" in document and _SEPARATOR_BYTES in document:
        return False
    if b"&" in document and b"&#" in document:
        for match in _CHARACTER_REFERENCE.finditer(document):
            hexadecimal, decimal = match.groups()
            code = int(hexadecimal, 16) if hexadecimal is not None else int(decimal)
            if 0xE000 <= code <= 0xE03F:
                return False
    return True


_DECLARED_ENCODING = re.compile(rb"""encoding\s*=\s*["']([^"']*)["']""")


def _after_declaration(document: bytes) -> int:
    """Return the offset after the XML declaration (``<?xml …?>``), 0 without one.

    Returns -1 when the document is not in UTF-8, which the byte tests assume.
    """
    if document.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in document[:4]:
        return -1  # UTF-16 or UTF-32
    if not document.startswith((b"<?xml", b"\xef\xbb\xbf<?xml")):
        return 0
    end = document.find(b"?>")
    if end < 0:
        return 0
    encoding = _DECLARED_ENCODING.search(document, 0, end)
    if encoding is not None and encoding.group(1).lower() not in {b"utf-8", b"utf8"}:
        return -1
    return end + 2


def plain_table_rows(tbl: etree._Element, name: str, index: int) -> Iterator[Row]:
    """Yield the rows of a body table that holds none of :data:`PLAIN_TABLE_EXCEPTIONS`.

    The document must pass :func:`can_transform`. A cell merged across columns
    (``w:gridSpan``) is yielded once; a cell merged down (``w:vMerge``) repeats the text
    of the cell that starts the merge.
    """
    text = bytes(_transform()(tbl)).decode("utf-8")
    merges = MergedCells()
    for row_index, row in enumerate(text.split(_ROW)[1:], start=1):
        cells: list[Cell] = []
        column = 0
        for tc in row.split(_CELL)[1:]:
            if tc[0] == _END:  # no merge: the common case
                cells.append(merges.take(column, None, tuple(tc[1:].split("\n")[1:])))
                column += 1
                continue
            properties, _, content = tc.partition(_END)
            span = 1
            vmerge: str | None = None
            for field in properties.split(_FIELD)[:-1]:
                if field[0] == "S":
                    span = max(1, int_val(field[1:], 1))
                else:
                    vmerge = field[1:] if field[0] == "V" else "continue"
            lines = None if vmerge == "continue" else tuple(content.split("\n")[1:])
            cells.append(merges.take(column, vmerge, lines))
            column += span
        yield Row(cells=tuple(cells), location=Location(file=name, table=index, row=row_index))


def int_val(value: str | None, default: int) -> int:
    """Return a ``w:val`` as an integer: ``default`` when it is absent, empty or no number."""
    try:
        return int(value) if value else default
    except ValueError:
        return default


class MergedCells:
    """The ``w:vMerge`` bookkeeping of one table, for both ways of reading it.

    A cell that continues a vertical merge repeats the text of the cell that starts it;
    a cell without ``w:vMerge`` ends the merge of its column.
    """

    def __init__(self) -> None:
        """Start a table: no merge is open."""
        self._open: dict[int, Cell] = {}

    def take(self, column: int, vmerge: str | None, text: Cell | None) -> Cell:
        """Return the text of the cell at ``column``, given its ``w:vMerge`` value.

        Args:
            column: the grid column the cell starts at.
            vmerge: the cell's ``w:vMerge`` value (``continue`` when the element has
                none), or None without the element.
            text: the cell's own paragraphs; not needed when it continues a merge.
        """
        if vmerge == "continue":
            return self._open.get(column, ())
        cell = text or ()
        if vmerge is None:
            self._open.pop(column, None)
        else:
            self._open[column] = cell
        return cell
