"""Read a document body into neutral blocks: one XSLT stylesheet, then string splitting.

Walking the body element by element in Python costs several times what lxml needs to
parse the document. Instead one XSLT stylesheet, run by libxslt in C, writes the body out
as a flat string: body paragraphs and tables, rows, cells and paragraph lines, separated
by characters the document does not contain, and, when the document may number
paragraphs automatically, the style and ``w:numPr`` of each paragraph. Python then puts
in the numbers (:class:`~dutylist.io.docx.numbering.Numbering`, in document order) with one
regular expression and splits the string into :mod:`dutylist.parse.rows` blocks.

What is read, and how:

- body paragraphs (one block per line), and tables row by row; content controls
  (``w:sdt``) and custom XML are looked through around paragraphs, tables, rows and cells;
- a cell merged across columns (``w:gridSpan``) is yielded once; a cell merged down
  (``w:vMerge``) repeats the text of the cell that starts the merge; ``w:gridBefore``
  shifts the columns of its row;
- a cell's paragraphs, those of tables nested in it included, in order;
- paragraph text from runs (``w:t``; a new line for ``w:br`` and ``w:cr``, a tab for
  ``w:tab``, ``-`` for ``w:noBreakHyphen``), through hyperlinks, smart tags, simple
  fields, bidirectional runs, content controls, custom XML and the plain fallback of
  ``mc:AlternateContent``; drawings, text boxes, field codes and deleted text are not text;
- tracked changes read as if accepted: insertions and moves kept, deletions and moved-away
  text dropped, deleted rows skipped (they still count in row numbers).

The stylesheet recurses once per nesting level of the document, which the parser bounds
(libxml2 refuses elements nested more than 256 deep without ``huge_tree``); libxslt's own
limit on template depth turns anything deeper into a :class:`~dutylist.errors.ReadError`.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

import attrs

from dutylist.errors import ReadError
from dutylist.io.docx.numbering import W_NS, NumberingRef
from dutylist.location import Location
from dutylist.messages import _
from dutylist.parse.rows import Block, Cell, Paragraph, Row

if TYPE_CHECKING:
    from lxml import etree

    from dutylist.io.docx.numbering import Numbering, Plan

# The separators, by offset from a base character; see _Separators.
_BLOCK, _ROW, _CELL, _END, _FIELD, _KEY, _TRACKED, _PARAGRAPH = range(8)

# A body block is _BLOCK and "p" and a paragraph, or "t" and a table. A row is _ROW, then
# "D" for a deleted row, or "G" and its w:gridBefore if any, _END and its cells. A cell is
# _CELL, its w:gridSpan ("S" + value) and w:vMerge ("V" + value, or "v" without one) each
# ended by _FIELD, then _END and its paragraphs, each starting with _PARAGRAPH. A line
# break in a paragraph is a newline. With $numbered, each w:pPr writes the paragraph's
# numbering key: _KEY, its style, _FIELD, and, when it has w:numPr, "N", the numId,
# _FIELD and "L" + ilvl when there is one, then _END. Runs give the text of w:t as lxml's
# .text does (its first child node when that is text). {n} stands for separator n.


def _through(mode: str, content: str = "w:sdtContent/*") -> str:
    """Return the templates of ``mode`` that look through content controls and custom XML."""
    return f"""
<xsl:template match="w:sdt" mode="{mode}"><xsl:apply-templates select="{content}" mode="{mode}"/>
</xsl:template>
<xsl:template match="w:customXml" mode="{mode}"><xsl:apply-templates select="*" mode="{mode}"/>
</xsl:template>
<xsl:template match="*" mode="{mode}"/>"""


_STYLESHEET = f"""\
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:w="{W_NS}" xmlns:str="http://exslt.org/strings"
    xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">
<xsl:output method="text" encoding="utf-8"/>
<xsl:param name="numbered" select="false()"/>
{{variables}}
<xsl:template match="/"><xsl:apply-templates select="*/w:body[1]/*" mode="block"/></xsl:template>

<xsl:template match="w:p" mode="block">
  {{{_BLOCK}}}<xsl:text>p</xsl:text><xsl:apply-templates select="*" mode="inline"/>
</xsl:template>
<xsl:template match="w:tbl" mode="block">
  {{{_BLOCK}}}<xsl:text>t</xsl:text><xsl:apply-templates select="*" mode="rows"/>
</xsl:template>
{_through("block", "w:sdtContent[1]/*")}

<xsl:template match="w:tr" mode="rows">
  {{{_ROW}}}
  <xsl:choose>
    <xsl:when test="w:trPr/w:del">{{{_TRACKED}}}<xsl:text>D</xsl:text></xsl:when>
    <xsl:otherwise>
      <xsl:if test="w:trPr/w:ins">{{{_TRACKED}}}</xsl:if>
      <xsl:for-each select="(w:trPr/w:gridBefore)[last()]">
        <xsl:text>G</xsl:text><xsl:value-of select="@w:val"/>
      </xsl:for-each>
      {{{_END}}}<xsl:apply-templates select="*" mode="cells"/>
    </xsl:otherwise>
  </xsl:choose>
</xsl:template>
{_through("rows")}

<xsl:template match="w:tc" mode="cells">
  {{{_CELL}}}<xsl:apply-templates select="w:tcPr/*" mode="merge"/>
  {{{_END}}}<xsl:apply-templates select="*" mode="cell"/>
</xsl:template>
{_through("cells")}
<xsl:template match="w:gridSpan" mode="merge">
  <xsl:text>S</xsl:text><xsl:value-of select="@w:val"/>{{{_FIELD}}}
</xsl:template>
<xsl:template match="w:vMerge[@w:val]" mode="merge">
  <xsl:text>V</xsl:text><xsl:value-of select="@w:val"/>{{{_FIELD}}}
</xsl:template>
<xsl:template match="w:vMerge" mode="merge"><xsl:text>v</xsl:text>{{{_FIELD}}}</xsl:template>
<xsl:template match="*" mode="merge"/>

<xsl:template match="w:p" mode="cell">
  {{{_PARAGRAPH}}}<xsl:apply-templates select="*" mode="inline"/>
</xsl:template>
<xsl:template match="w:tbl" mode="cell"><xsl:apply-templates select="*" mode="nested"/>
</xsl:template>
{_through("cell")}
<xsl:template match="w:tr|w:tc" mode="nested"><xsl:apply-templates select="*" mode="nested"/>
</xsl:template>
<xsl:template match="w:p|w:tbl" mode="nested"><xsl:apply-templates select="." mode="cell"/>
</xsl:template>
{_through("nested")}

<xsl:template match="w:pPr" mode="inline">
  <xsl:if test="$numbered">
    {{{_KEY}}}<xsl:value-of select="w:pStyle[1]/@w:val"/>{{{_FIELD}}}
    <xsl:for-each select="w:numPr[1]">
      <xsl:text>N</xsl:text><xsl:value-of select="w:numId[1]/@w:val"/>{{{_FIELD}}}
      <xsl:for-each select="w:ilvl[1]/@w:val">
        <xsl:text>L</xsl:text><xsl:value-of select="."/>
      </xsl:for-each>
    </xsl:for-each>
    {{{_END}}}
  </xsl:if>
</xsl:template>
<xsl:template match="w:r" mode="inline"><xsl:apply-templates select="*" mode="run"/></xsl:template>
<xsl:template match="w:hyperlink|w:smartTag|w:fldSimple|w:dir|w:bdo" mode="inline">
  <xsl:apply-templates select="*" mode="inline"/>
</xsl:template>
<xsl:template match="w:ins|w:moveTo" mode="inline">
  {{{_TRACKED}}}<xsl:apply-templates select="*" mode="inline"/>
</xsl:template>
<xsl:template match="w:del|w:moveFrom" mode="inline">{{{_TRACKED}}}</xsl:template>
<xsl:template match="mc:AlternateContent" mode="inline">
  <xsl:apply-templates select="mc:Fallback/*" mode="inline"/>
</xsl:template>
{_through("inline")}

<xsl:template match="w:t" mode="run"><xsl:value-of select="node()[1][self::text()]"/></xsl:template>
<xsl:template match="w:br|w:cr" mode="run"><xsl:text>&#10;</xsl:text></xsl:template>
<xsl:template match="w:tab" mode="run"><xsl:text>&#9;</xsl:text></xsl:template>
<xsl:template match="w:noBreakHyphen" mode="run"><xsl:text>-</xsl:text></xsl:template>
<xsl:template match="*" mode="run"/>
</xsl:stylesheet>
"""

_PRIVATE_USE = 0xE000
"""The first of the 64 bases tried: U+E000, U+E040 … U+EFC0, each 64 characters wide."""
_CHARACTER_REFERENCE = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,6})|([0-9]{1,7}));")
_DECLARED_ENCODING = re.compile(rb"""encoding\s*=\s*["']([^"']*)["']""")


def _base(document: bytes) -> int | None:
    """Return a base character whose 64 characters ``document`` does not contain.

    The stylesheet writes separators from the private use area, which a document may
    contain (Chinese documents use it for characters fonts lack); the base is the first
    block of 64 it does not use. None: every block is used, or the document is not in
    UTF-8 (which the byte tests assume); the stylesheet then takes control characters.
    """
    if document.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in document[:4]:
        return None  # UTF-16 or UTF-32
    if document.startswith((b"<?xml", b"\xef\xbb\xbf<?xml")):
        encoding = _DECLARED_ENCODING.search(document, 0, max(0, document.find(b"?>")))
        if encoding is not None and encoding.group(1).lower() not in {b"utf-8", b"utf8"}:
            return None
    references = b"&" in document and b"&#" in document  # memchr first: much faster
    if not references and b"\xee" not in document:
        return _PRIVATE_USE
    used: set[int] = set()
    if references:
        for match in _CHARACTER_REFERENCE.finditer(document):
            hexadecimal, decimal = match.groups()
            code = int(hexadecimal, 16) if hexadecimal is not None else int(decimal)
            used.add((code - _PRIVATE_USE) >> 6)
    for block in range(64):
        # U+E000 + 64 * block … + 63 are, in UTF-8, EE, 80 + block, then 80 … BF.
        if block not in used and bytes([0xEE, 0x80 + block]) not in document:
            return _PRIVATE_USE + 64 * block
    return None


@attrs.frozen
class _Separators:
    """The eight separator characters of one compiled stylesheet, and what finds them."""

    chars: str
    numbered: re.Pattern[str]
    """The start of a paragraph with its numbering key, and its first line."""
    all_numbered: re.Pattern[str]
    """The same for every paragraph, with a numbering key or without."""
    stray_keys: re.Pattern[str]

    @classmethod
    def of(cls, chars: str) -> _Separators:
        block, _row, _cell, end, _field, key, _tracked, paragraph = (re.escape(c) for c in chars)
        start = f"({paragraph}|{block}p)"
        line = f"([^\n{re.escape(chars)}]*)"
        return cls(
            chars=chars,
            numbered=re.compile(f"{start}{key}([^{end}]*){end}{line}"),
            all_numbered=re.compile(f"{start}(?:{key}([^{end}]*){end})?{line}"),
            stray_keys=re.compile(f"{key}[^{end}]*{end}"),
        )


@functools.cache
def _transform(base: int | None) -> tuple[etree.XSLT, _Separators]:
    """Return the stylesheet writing separators from ``base`` (None: control characters)."""
    from lxml import etree  # noqa: PLC0415 - lxml takes long to import

    if base is None:
        # No XML text holds control characters, not even the stylesheet's: EXSLT's
        # str:decode-uri makes them, once, into variables.
        chars = "".join(chr(1 + offset) for offset in range(8))
        variables = "".join(
            f'<xsl:variable name="s{offset}" select="str:decode-uri(\'%{ord(char):02X}\')"/>'
            for offset, char in enumerate(chars)
        )
        marks = [f'<xsl:value-of select="$s{offset}"/>' for offset in range(8)]
    else:
        chars = "".join(chr(base + offset) for offset in range(8))
        variables = ""
        marks = [f"<xsl:text>{char}</xsl:text>" for char in chars]
    text = _STYLESHEET.replace("{variables}", variables)
    for offset, mark in enumerate(marks):
        text = text.replace(f"{{{offset}}}", mark)
    # The stylesheet reads no other document and writes nothing; the input cannot make it.
    transform = etree.XSLT(etree.fromstring(text.encode("utf-8")), regexp=False)
    return transform, _Separators.of(chars)


def int_val(value: str | None, default: int) -> int:
    """Return a ``w:val`` as an integer: ``default`` when it is absent, empty or no number."""
    try:
        return int(value) if value else default
    except ValueError:
        return default


class MergedCells:
    """The ``w:vMerge`` bookkeeping of one table.

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


@attrs.frozen
class Body:
    """The blocks of a document body, and what reading them found."""

    blocks: list[Block]
    """The body's paragraphs (one block per line) and table rows, in order."""
    tables: int
    """How many tables the body holds (nested tables not counted)."""
    tracked: bool
    """True when tracked changes were read as accepted."""


def read_body(document: etree._Element, data: bytes, name: str, numbering: Numbering) -> Body:
    """Return the blocks of the ``w:body`` of ``document``, the root parsed from ``data``.

    ``numbering`` gives the numbers of automatically numbered paragraphs, in document order;
    when it is not :attr:`~dutylist.io.docx.numbering.Numbering.enabled`, nothing is numbered.

    Raises:
        ReadError: the body is nested too deeply for the stylesheet.
    """
    from lxml import etree  # noqa: PLC0415 - lxml takes long to import

    transform, separators = _transform(_base(data))
    try:
        if numbering.enabled:
            result = transform(document, numbered="true()")
        else:
            result = transform(document)
    except etree.XSLTApplyError:
        raise ReadError(_("无法读取文档正文：元素嵌套过深"), Location(file=name)) from None
    text = bytes(result).decode("utf-8")
    chars = separators.chars
    tracked = chars[_TRACKED] in text
    if tracked:
        text = text.replace(chars[_TRACKED], "")
    if numbering.enabled:
        text = _number(text, separators, numbering)
    return _split(text.replace(chars[_PARAGRAPH], "\n"), chars, name, tracked=tracked)


def _number(text: str, separators: _Separators, numbering: Numbering) -> str:
    """Return ``text`` with the numbering keys replaced by the numbers Word prints."""
    plans: dict[str | None, Plan | None] = {}
    field = separators.chars[_FIELD]

    def number(match: re.Match[str]) -> str:
        start, key, line = match.groups()
        if key in plans:
            plan = plans[key]
        else:
            style, own = _parse_key(key or "", field)
            plan = plans[key] = numbering.plan(style, own)
        if plan is None:
            return start + line
        label = numbering.number(plan)  # advances the counters: once per paragraph
        return start + label + line if label and line.strip() else start + line

    # Without a w:pPr, a paragraph is numbered only when its default style is.
    every = numbering.resolve(None, None) is not None
    text = (separators.all_numbered if every else separators.numbered).sub(number, text)
    if separators.chars[_KEY] in text:  # a w:pPr that is not the paragraph's first child
        text = separators.stray_keys.sub("", text)
    return text


def _parse_key(key: str, field: str) -> tuple[str, NumberingRef | None]:
    """Return the style and ``w:numPr`` written in a numbering key."""
    style, _, num_pr = key.partition(field)
    if not num_pr:
        return style, None
    num_id, _, ilvl = num_pr[1:].partition(field)
    return style, NumberingRef.of(num_id, ilvl[1:] if ilvl else None)


def _split(text: str, chars: str, name: str, *, tracked: bool) -> Body:
    """Split the stylesheet's output (numbers put in) into blocks."""
    here = Location(file=name)
    blocks: list[Block] = []
    tables = 0
    for block in text.split(chars[_BLOCK])[1:]:
        if block[0] == "p":
            blocks += (Paragraph(text=line, location=here) for line in block[1:].split("\n"))
        else:
            tables += 1
            blocks += _table(block[1:], chars, name, tables)
    return Body(blocks=blocks, tables=tables, tracked=tracked)


def _table(text: str, chars: str, name: str, index: int) -> list[Row]:
    row_mark, cell_mark, end, field = chars[_ROW], chars[_CELL], chars[_END], chars[_FIELD]
    rows: list[Row] = []
    merges = MergedCells()
    for row_index, row in enumerate(text.split(row_mark)[1:], start=1):
        properties, ended, content = row.partition(end)
        if not ended:  # a deleted row
            continue
        column = int_val(properties[1:], 0) if properties else 0
        cells: list[Cell] = []
        for tc in content.split(cell_mark)[1:]:
            if tc[0] == end:  # no merge: the common case
                cells.append(merges.take(column, None, tuple(tc[1:].split("\n")[1:])))
                column += 1
                continue
            merge, _, paragraphs = tc.partition(end)
            span = 1
            vmerge: str | None = None
            for value in merge.split(field)[:-1]:
                if value[0] == "S":
                    span = max(1, int_val(value[1:], 1))
                else:
                    vmerge = value[1:] if value[0] == "V" else "continue"
            lines = None if vmerge == "continue" else tuple(paragraphs.split("\n")[1:])
            cells.append(merges.take(column, vmerge, lines))
            column += span
        where = Location(file=name, table=index, row=row_index)
        rows.append(Row(cells=tuple(cells), location=where))
    return rows
