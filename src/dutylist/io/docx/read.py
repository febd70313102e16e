"""Read duty lists from Word .docx documents.

The reader opens the zip package itself and walks ``word/document.xml`` with lxml: it
yields the body's paragraphs and table rows, in order, as neutral
:mod:`dutylist.parse.rows` blocks and lets :func:`dutylist.parse.assemble.assemble` make the list.
It knows nothing of duty lists, only of WordprocessingML:

- a cell merged across columns (``w:gridSpan``) is yielded once; a cell merged down
  (``w:vMerge``) repeats the text of the cell that starts the merge;
- ``w:br`` inside a paragraph breaks it in two; empty paragraphs are kept;
- numbers of automatic numbering (``w:numPr``) are rebuilt and put before the text;
- tracked changes are read as if all were accepted;
- text boxes, headers and footers are not read; nested tables, content controls,
  hyperlinks and smart tags are read through.

Plain tables (most of them) are read in C by :mod:`dutylist.io.docx.body`, with the same
result as the element walk here, which reads the rest.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Iterator

import attrs
from lxml import etree

from dutylist.errors import FormatError, ReadError
from dutylist.io.archive import Package, open_package
from dutylist.io.docx.body import PLAIN_TABLE_EXCEPTIONS, can_transform, plain_table_rows
from dutylist.io.docx.numbering import VAL, Numbering, w
from dutylist.io.files import Source, read_source, source_name
from dutylist.location import Location
from dutylist.messages import _
from dutylist.model import DutyList, Metadata
from dutylist.parse.assemble import assemble
from dutylist.parse.rows import Block, Cell, Paragraph, Row

CONVERT_HINT = "libreoffice --headless --convert-to docx FILE"
"""The command that turns a .doc, .wps or .rtf file into a .docx."""
OLE2_MAGIC = b"\xd0\xcf\x11\xe0"
TRACKED_CHANGES_WARNING = "tracked changes accepted: inserted text kept, deleted text dropped"

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

_DOCUMENT_PART = "word/document.xml"
MAX_ELEMENTS = 2_000_000
"""The most XML tags a part may hold (a 30,000-row table has about 600,000)."""
# No entities, no network, and huge_tree off: libxml2 then refuses elements nested more
# than 256 deep, which also bounds the recursive walks below.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def _convert_hint(name: str) -> str:
    return CONVERT_HINT.replace("FILE", name)


_OFFICE_DOCUMENT = re.compile(
    rb'<Relationship\b[^>]*?Type="[^"]*/officeDocument"[^>]*?Target="/?([^"]+)"'
    rb'|<Relationship\b[^>]*?Target="/?([^"]+)"[^>]*?Type="[^"]*/officeDocument"'
)


def _main_part(package: Package) -> str:
    """Return the name of the main document part (``word/document.xml`` almost always)."""
    with contextlib.suppress(ReadError):
        match = _OFFICE_DOCUMENT.search(package.read("_rels/.rels") or b"")
        if match is not None:
            target = (match.group(1) or match.group(2)).decode("utf-8", "replace")
            if target in package:
                return target
    return _DOCUMENT_PART


def _open_package(data: bytes, name: str) -> Package:
    where = Location(file=name)
    if data.startswith(OLE2_MAGIC):
        raise ReadError(
            "an old binary Word or WPS document (.doc/.wps), not .docx; convert it with "
            f"`{_convert_hint(name)}`",
            where,
        )
    if not data.startswith(b"PK"):
        raise ReadError(
            "not a .docx document (not a zip package); if it is a Word file saved in another "
            f"format, convert it with `{_convert_hint(name)}`",
            where,
        )
    package = open_package(data, name, ".docx")
    if _main_part(package) not in package:
        package.archive.close()
        raise ReadError(
            f"not a Word document: the zip package has no {_DOCUMENT_PART}; convert it with "
            f"`{_convert_hint(name)}`",
            where,
        )
    return package


def _read_part(package: Package, part: str, name: str) -> bytes | None:  # noqa: ARG001
    """Return the bytes of ``part``, or None when the package lacks it."""
    return package.read(part)


def _parse_part(data: bytes | None, part: str, name: str) -> etree._Element | None:
    """Return the root element of a part read by :func:`_read_part`."""
    if data is None:
        return None
    where = Location(file=name)
    if data.count(b"<") > MAX_ELEMENTS:  # each element costs lxml about 120 bytes
        raise ReadError(
            _("{part} 中的 XML 元素超过 {count} 个，拒绝读取").format(
                part=part, count=MAX_ELEMENTS
            ),
            where,
        )
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise FormatError(f"damaged .docx document: invalid XML in {part} ({exc})", where) from None


class _BodyReader:
    """Walk a document body and yield its paragraphs and table rows."""

    def __init__(self, name: str, numbering: Numbering, *, plain: bool = False) -> None:
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
        merged: dict[int, Cell] = {}
        for row_index, tr in enumerate(self._children(tbl, _TR), start=1):
            column = 0
            for tr_pr in tr.iterchildren(_TRPR):
                for prop in tr_pr.iterchildren(_DEL, _INS, _GRID_BEFORE):
                    if prop.tag == _GRID_BEFORE:
                        column = _int_val(prop, 0)
                    else:
                        self.tracked = True
                        if prop.tag == _DEL:
                            break
                else:
                    continue
                break  # a deleted row
            else:
                yield self._row(
                    tr, column, merged, Location(file=self.name, table=index, row=row_index)
                )

    def _row(
        self, tr: etree._Element, column: int, merged: dict[int, Cell], where: Location
    ) -> Row:
        cells: list[Cell] = []
        for tc in self._children(tr, _TC):
            span = 1
            vmerge: str | None = None
            for tc_pr in tc.iterchildren(_TCPR):
                for prop in tc_pr.iterchildren(_GRID_SPAN, _VMERGE):
                    if prop.tag == _GRID_SPAN:
                        span = max(1, _int_val(prop, 1))
                    else:
                        vmerge = prop.get(VAL, "continue")
            if vmerge == "continue":
                cell = merged.get(column, ())
                if self.numbered:
                    self.cell(tc)  # keeps automatic numbering counters in step
            else:
                cell = tuple(self.cell(tc))
                if vmerge is not None:
                    merged[column] = cell
                else:
                    merged.pop(column, None)
            cells.append(cell)
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


def _int_val(element: etree._Element | None, default: int) -> int:
    value = None if element is None else element.get(VAL)
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


_CUSTOM_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"


def _metadata(custom: etree._Element | None, name: str) -> Metadata:
    """Return the list's metadata: the file name and the ``dutylist.*`` custom properties."""
    values = {}
    for prop in () if custom is None else custom.iter(f"{_CUSTOM_NS}property"):
        values[prop.get("name")] = prop[0].text or "" if len(prop) else ""
    published = None
    with contextlib.suppress(ValueError):
        published = dt.date.fromisoformat(values.get("dutylist.published", ""))
    return Metadata(
        source_file=_base_name(name), version=values.get("dutylist.version"), published=published
    )


def _open_body(source: Source) -> tuple[str, etree._Element, Numbering, Metadata, bool]:
    """Return the name, ``w:body``, numbering and metadata of a .docx document.

    The last value is True when :mod:`dutylist.io.docx.body` may read its plain tables.
    """
    name = source_name(source)
    package = _open_package(read_source(source), name)
    with package:
        custom = _read_part(package, "docProps/custom.xml", name)
        metadata = _metadata(_parse_part(custom, "docProps/custom.xml", name), name)
        main = _main_part(package)
        document_data = _read_part(package, main, name)
        styles_data = _read_part(package, "word/styles.xml", name)
        numbering = Numbering()
        # Most lists are typed by hand: skip the list definitions unless something is numbered.
        if b"numPr" in (document_data or b"") or b"numPr" in (styles_data or b""):
            numbering_data = _read_part(package, "word/numbering.xml", name)
            numbering = Numbering.parse(
                _parse_part(numbering_data, "word/numbering.xml", name),
                _parse_part(styles_data, "word/styles.xml", name),
            )
        document = _parse_part(document_data, main, name)
    body = document.find(_BODY) if document is not None else None
    if body is None:  # e.g. "Strict Open XML", another vocabulary
        raise FormatError(
            f"not a Word document that dutylist can read: {main} has no w:body; re-save it "
            f"with `{_convert_hint(name)}`",
            Location(file=name),
        )
    plain = (
        document_data is not None
        and can_transform(document_data)
        and not _may_number(numbering, document_data)
    )
    return name, body, numbering, metadata, plain


_XML_SPECIAL = re.compile(rb"[<>&\"']")


def _may_number(numbering: Numbering, document: bytes) -> bool:
    """Return True when a paragraph of ``document`` may carry an automatic number.

    A paragraph is numbered by its own ``w:numPr`` or through its paragraph style; Word's
    default styles.xml defines numbered list styles, which a list seldom uses.
    """
    if not numbering.enabled:
        return False
    if b"numPr" in document or numbering.default_style in numbering.styles:
        return True
    for style_id in numbering.styles:
        name = style_id.encode("utf-8")
        if name in document or _XML_SPECIAL.search(name):
            return True  # the style may be used (escaped names are not looked for)
    return False


def read_docx_blocks(source: Source) -> list[Block]:
    """Return the neutral blocks of a .docx document, before the assembler sees them.

    Useful to see what the reader made of an unusual layout.

    Raises:
        ReadError: as :func:`read_docx_report`.
        FormatError: the document's XML is invalid.
    """
    name, body, numbering, _metadata, plain = _open_body(source)
    return list(_BodyReader(name, numbering, plain=plain).blocks(body))


_NO_TABLES = "no tables found: dutylist reads lists laid out as tables"


def read_docx_report(source: Source) -> tuple[DutyList, tuple[str, ...]]:
    """Return the duty list in a .docx document and warnings about how it was read.

    Warnings (one line each) say that tracked changes were accepted or that automatic
    numbering could not be rebuilt; the CLI prints them to stderr.

    Raises:
        ReadError: the file is missing, is an old binary Word/WPS document, is not a zip
            package, is damaged, or holds no Word document.
        FormatError: the document's XML is invalid, or it holds no duty list.
    """
    name, body, numbering, metadata, plain = _open_body(source)
    where = Location(file=name)
    reader = _BodyReader(name, numbering, plain=plain)
    try:
        duty_list = assemble(reader.blocks(body), metadata=metadata)
    except FormatError as exc:
        raise FormatError(
            _NO_TABLES if reader.tables == 0 else exc.message, exc.location or where
        ) from None
    if reader.tables == 0:
        raise FormatError(_NO_TABLES, where)
    if not duty_list.items:
        raise FormatError("no duty list items found in the document's tables", where)
    warnings: list[str] = []
    if reader.tracked:
        warnings.append(TRACKED_CHANGES_WARNING)
    if numbering.unresolved:
        warnings.append(
            f"automatic numbering of {numbering.unresolved} paragraph(s) could not be rebuilt; "
            "their clauses are kept unnumbered"
        )
    return duty_list, tuple(warnings)


def read_docx(source: Source) -> DutyList:
    """Return the duty list in a .docx document (a path or a binary stream).

    The warnings of :func:`read_docx_report` (tracked changes accepted, numbering not
    rebuilt) are kept in :attr:`~dutylist.model.DutyList.notes`, which the CLI prints.
    See :func:`read_docx_report` for the errors it raises.
    """
    duty_list, warnings = read_docx_report(source)
    return attrs.evolve(duty_list, notes=(*duty_list.notes, *warnings)) if warnings else duty_list


def _base_name(name: str) -> str:
    return name.replace("\\", "/").rsplit("/", 1)[-1]
