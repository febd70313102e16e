"""The XSLT stylesheets libxslt runs to read a .docx: the body, and the list instances.

The body stylesheet writes a document body out as a flat string (see
:mod:`dutylist.io.docx.body`, which splits it): body paragraphs and tables, rows, cells
and paragraph lines, separated by characters the document does not contain, and, when the
document may number paragraphs automatically, each paragraph's style and ``w:numPr``.
It recurses once per nesting level of the document, which the parser bounds (256
levels); libxslt stops anything deeper at 3,000 templates, with an error.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

import attrs

from dutylist.io.docx.wordml import W_NS
from dutylist.patterns import compile_on_use

if TYPE_CHECKING:
    from lxml import etree

# The separators, by offset from a base character; see _Separators.
BLOCK, ROW, CELL, END, FIELD, KEY, TRACKED, PARAGRAPH = range(8)
"""The separators, by their offset in :attr:`Separators.chars`."""

# A body block is BLOCK, "p" and a paragraph, or "t" and a table. A row is ROW, then
# "D" for a deleted row, or "G" and its w:gridBefore if any, END and its cells. A cell is
# CELL, its w:gridSpan ("S" + value) and w:vMerge ("V" + value, or "v" without one) each
# ended by FIELD, then END and its paragraphs, each starting with PARAGRAPH. A line
# break in a paragraph is a newline. With $numbered, each w:pPr writes the paragraph's
# numbering key: KEY, its style, FIELD, and, when it has w:numPr, "N", the numId,
# FIELD and "L" + ilvl when there is one, then END. Runs give the text of w:t as lxml's
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
  {{{BLOCK}}}<xsl:text>p</xsl:text>{{{PARAGRAPH}}}<xsl:apply-templates select="*" mode="inline"/>
</xsl:template>
<xsl:template match="w:tbl" mode="block">
  {{{BLOCK}}}<xsl:text>t</xsl:text><xsl:apply-templates select="*" mode="rows"/>
</xsl:template>
{_through("block", "w:sdtContent[1]/*")}

<xsl:template match="w:tr" mode="rows">
  {{{ROW}}}
  <xsl:choose>
    <xsl:when test="w:trPr/w:del">{{{TRACKED}}}<xsl:text>D</xsl:text></xsl:when>
    <xsl:otherwise>
      <xsl:if test="w:trPr/w:ins">{{{TRACKED}}}</xsl:if>
      <xsl:for-each select="(w:trPr/w:gridBefore)[last()]">
        <xsl:text>G</xsl:text><xsl:value-of select="@w:val"/>
      </xsl:for-each>
      {{{END}}}<xsl:apply-templates select="*" mode="cells"/>
    </xsl:otherwise>
  </xsl:choose>
</xsl:template>
{_through("rows")}

<xsl:template match="w:tc" mode="cells">
  {{{CELL}}}<xsl:apply-templates select="w:tcPr/*" mode="merge"/>
  {{{END}}}<xsl:apply-templates select="*" mode="cell"/>
</xsl:template>
{_through("cells")}
<xsl:template match="w:gridSpan" mode="merge">
  <xsl:text>S</xsl:text><xsl:value-of select="@w:val"/>{{{FIELD}}}
</xsl:template>
<xsl:template match="w:vMerge[@w:val]" mode="merge">
  <xsl:text>V</xsl:text><xsl:value-of select="@w:val"/>{{{FIELD}}}
</xsl:template>
<xsl:template match="w:vMerge" mode="merge"><xsl:text>v</xsl:text>{{{FIELD}}}</xsl:template>
<xsl:template match="*" mode="merge"/>

<xsl:template match="w:p" mode="cell">
  {{{PARAGRAPH}}}<xsl:apply-templates select="*" mode="inline"/>
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
    {{{KEY}}}<xsl:value-of select="w:pStyle[1]/@w:val"/>{{{FIELD}}}
    <xsl:for-each select="w:numPr[1]">
      <xsl:text>N</xsl:text><xsl:value-of select="w:numId[1]/@w:val"/>{{{FIELD}}}
      <xsl:for-each select="w:ilvl[1]/@w:val">
        <xsl:text>L</xsl:text><xsl:value-of select="."/>
      </xsl:for-each>
    </xsl:for-each>
    {{{END}}}
  </xsl:if>
</xsl:template>
<xsl:template match="w:r" mode="inline"><xsl:apply-templates select="*" mode="run"/></xsl:template>
<xsl:template match="w:hyperlink|w:smartTag|w:fldSimple|w:dir|w:bdo" mode="inline">
  <xsl:apply-templates select="*" mode="inline"/>
</xsl:template>
<xsl:template match="w:ins|w:moveTo" mode="inline">
  {{{TRACKED}}}<xsl:apply-templates select="*" mode="inline"/>
</xsl:template>
<xsl:template match="w:del|w:moveFrom" mode="inline">{{{TRACKED}}}</xsl:template>
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
_CHARACTER_REFERENCE = compile_on_use(rb"&#(?:[xX]([0-9a-fA-F]{1,6})|([0-9]{1,7}));")
_DECLARED_ENCODING = compile_on_use(rb"""encoding\s*=\s*["']([^"']*)["']""")


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
class Separators:
    """The eight separator characters of one compiled stylesheet, and what finds them."""

    chars: str
    all_numbered: re.Pattern[str]
    """The start of every paragraph, its numbering key if any, and its first line."""
    stray_keys: re.Pattern[str]
    has_text: Callable[[str], object]
    """Whether the line at the start of a string holds more than white space."""

    @classmethod
    def of(cls, chars: str) -> Separators:
        """Return the separators ``chars`` (in the order of :data:`BLOCK` …) and patterns."""
        end, key, paragraph = (re.escape(chars[index]) for index in (END, KEY, PARAGRAPH))
        start = f"({paragraph})"
        line = f"([^\n{re.escape(chars)}]*)"
        return cls(
            chars=chars,
            all_numbered=re.compile(f"{start}(?:{key}([^{end}]*){end})?{line}"),
            stray_keys=re.compile(f"{key}[^{end}]*{end}"),
            # White space but no line break, then anything but white space or a separator.
            has_text=re.compile(f"[^\\S\n]*[^\\s{re.escape(chars)}]").match,
        )


def body_transform(document: bytes) -> tuple[etree.XSLT, Separators]:
    """Return the body stylesheet for ``document`` (its bytes), and its separators."""
    return _transform(_base(document))


@functools.cache
def _transform(base: int | None) -> tuple[etree.XSLT, Separators]:
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
    return transform, Separators.of(chars)


# Each w:num (in document order, as lxml's iter finds them): _NUM, its numId, then, each
# after _NUM_FIELD, its abstractNumId and the ilvl and value of each start override.
_NUM, _NUM_FIELD = "\x01", "\x02"
_INSTANCES = f"""\
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:w="{W_NS}" xmlns:str="http://exslt.org/strings">
<xsl:output method="text" encoding="utf-8"/>
<xsl:variable name="num" select="str:decode-uri('%01')"/>
<xsl:variable name="field" select="str:decode-uri('%02')"/>
<xsl:template match="/">
  <xsl:for-each select="//w:num">
    <xsl:value-of select="$num"/><xsl:value-of select="@w:numId"/>
    <xsl:value-of select="$field"/><xsl:value-of select="w:abstractNumId[1]/@w:val"/>
    <xsl:for-each select=".//w:lvlOverride[w:startOverride[1]/@w:val]">
      <xsl:value-of select="$field"/><xsl:value-of select="@w:ilvl"/>
      <xsl:value-of select="$field"/><xsl:value-of select="w:startOverride[1]/@w:val"/>
    </xsl:for-each>
  </xsl:for-each>
</xsl:template>
</xsl:stylesheet>
"""


@functools.cache
def _instances() -> etree.XSLT:
    from lxml import etree  # noqa: PLC0415 - lxml takes long to import

    return etree.XSLT(etree.fromstring(_INSTANCES.encode("utf-8")), regexp=False)


def list_instances(numbering: etree._Element) -> dict[str, list[list[str]]]:
    """Return the ``w:num`` list instances of a numbering part, by numId.

    For each (several when a numId repeats): its abstractNumId, then the ilvl and the
    value of each ``w:startOverride``, as written. One stylesheet reads them all: a
    Word document that restarts its lists in every cell holds hundreds.
    """
    found: dict[str, list[list[str]]] = {}
    for num in bytes(_instances()(numbering)).decode("utf-8").split(_NUM)[1:]:
        num_id, *fields = num.split(_NUM_FIELD)
        found.setdefault(num_id, []).append(fields)
    return found
