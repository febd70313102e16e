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

import itertools
import re
from typing import TYPE_CHECKING

import attrs

from dutylist.errors import ReadError
from dutylist.io.docx.numbering import NumberingRef
from dutylist.io.docx.stylesheet import (
    BLOCK,
    CELL,
    END,
    FIELD,
    KEY,
    PARAGRAPH,
    ROW,
    TRACKED,
    Separators,
    body_transform,
)
from dutylist.location import Location
from dutylist.messages import _
from dutylist.parse.rows import Block, Cell, Paragraph, Row

if TYPE_CHECKING:
    from lxml import etree

    from dutylist.io.docx.numbering import Counters, Numbering, Plan


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

    def __bool__(self) -> bool:
        """Return True while a merge is open in some column."""
        return bool(self._open)

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

    transform, separators = body_transform(data)
    try:
        if numbering.enabled:
            result = transform(document, numbered="true()")
        else:
            result = transform(document)
    except etree.XSLTApplyError:
        raise ReadError(_("无法读取文档正文：元素嵌套过深"), Location(file=name)) from None
    text = bytes(result).decode("utf-8")
    chars = separators.chars
    tracked = chars[TRACKED] in text
    if tracked:
        text = text.replace(chars[TRACKED], "")
    if numbering.enabled:
        text = _number(text, separators, numbering)
    return _split(text.replace(chars[PARAGRAPH], "\n"), chars, name, tracked=tracked)


def _number(text: str, separators: Separators, numbering: Numbering) -> str:
    """Return ``text`` with the numbering keys replaced by the numbers Word prints."""
    if numbering.resolve(None, None) is not None:
        return _number_every(text, separators, numbering)
    chars = separators.chars
    pieces = text.split(chars[KEY])
    if len(pieces) == 1:
        return text
    end, paragraph, field = chars[END], chars[PARAGRAPH], chars[FIELD]
    has_text = separators.has_text
    plans: dict[str, tuple[Plan, Counters] | None] = {}
    number = numbering.number
    out = [pieces[0]]
    # A key right after the paragraph's start numbers it; any other is a w:pPr that is
    # not the paragraph's first child, and is dropped.
    first = pieces[0][-1:] == paragraph
    for piece in itertools.islice(pieces, 1, None):
        key, _, rest = piece.partition(end)
        if first:
            if key in plans:
                plan = plans[key]
            else:
                style, own = _parse_key(key, field)
                plan = plans[key] = numbering.plan(style, own)
            if plan is not None:
                label = number(*plan)  # advances the counters: once per paragraph
                if label and has_text(rest):
                    out.append(label)
        out.append(rest)
        first = rest[-1:] == paragraph
    return "".join(out)


def _number_every(text: str, separators: Separators, numbering: Numbering) -> str:
    """Number ``text`` when every paragraph is numbered, through its default style."""
    plans: dict[str | None, tuple[Plan, Counters] | None] = {}
    field = separators.chars[FIELD]

    def number(match: re.Match[str]) -> str:
        start, key, line = match.groups()
        if key in plans:
            plan = plans[key]
        else:
            style, own = _parse_key(key or "", field)
            plan = plans[key] = numbering.plan(style, own)
        if plan is None:
            return start + line
        label = numbering.number(*plan)  # advances the counters: once per paragraph
        return start + label + line if label and line.strip() else start + line

    text = separators.all_numbered.sub(number, text)
    if separators.chars[KEY] in text:  # a w:pPr that is not the paragraph's first child
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
    for block in text.split(chars[BLOCK])[1:]:
        if block[0] == "p":  # "p" and a paragraph, which starts with a newline
            blocks += (Paragraph(text=line, location=here) for line in block[2:].split("\n"))
        else:
            tables += 1
            blocks += _table(block[1:], chars, name, tables)
    return Body(blocks=blocks, tables=tables, tracked=tracked)


def _table(text: str, chars: str, name: str, index: int) -> list[Row]:
    row_mark, cell_mark, end, field = chars[ROW], chars[CELL], chars[END], chars[FIELD]
    rows: list[Row] = []
    merges = MergedCells()
    for row_index, row in enumerate(text.split(row_mark)[1:], start=1):
        properties, ended, content = row.partition(end)
        if not ended:  # a deleted row
            continue
        where = Location(file=name, table=index, row=row_index)
        if not merges and field not in content:  # no merge open or starting: the common case
            # Each cell is END and its paragraphs, each after a newline.
            cells = tuple([tuple(tc.split("\n")[1:]) for tc in content.split(cell_mark)[1:]])
            rows.append(Row(cells=cells, location=where))
            continue
        column = int_val(properties[1:], 0) if properties else 0
        merged: list[Cell] = []
        for tc in content.split(cell_mark)[1:]:
            if tc[0] == end:  # no merge: the common case
                merged.append(merges.take(column, None, tuple(tc.split("\n")[1:])))
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
            merged.append(merges.take(column, vmerge, lines))
            column += span
        rows.append(Row(cells=tuple(merged), location=where))
    return rows
