"""One PDF page: its ruled tables (cells of lines) and the loose lines around them."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from dutylist.errors import FormatError
from dutylist.io.pdf.alignment import Columns, aligned_table
from dutylist.io.pdf.cells import Cell, TableRow
from dutylist.io.pdf.layout import NO_LINE_START, Box, Char, Line, char_lines, lines
from dutylist.io.pdf.overlay import overlay_runs, split_overlay
from dutylist.patterns import compile_on_use

if TYPE_CHECKING:
    from pdfplumber.page import Page

_MARGIN_ZONE = 0.12
"""The top and bottom share of a page where headers, footers and page numbers sit."""
_PAGE_NUMBER = compile_on_use(
    r"^[\s\-—–_·•]*(?:第\s*)?[0-9０-９]{1,4}\s*页?(?:\s*[/／]\s*[0-9]{1,4}|\s*共\s*[0-9]{1,4}\s*页)?"
    r"[\s\-—–_·•]*$"
)
_SNAP = 1.5
"""Points within which two ruling lines count as one."""


@attrs.define(eq=False)
class PageContent:
    """What one page holds, in reading order."""

    number: int
    blocks: list[TableRow | Line]
    """Table rows and loose lines, top to bottom."""
    margin: list[Line]
    """Loose lines in the top or bottom margin (headers, footers), page numbers left out."""
    overlay: list[str]
    """Runs of text laid over the page (watermarks, seals), kept out of tables and flow."""
    box: Box
    """The page's text area."""
    chars: int
    """How many characters the page holds."""
    unreadable: int
    """How many of them came out as ``(cid:N)`` codes (no ToUnicode map)."""
    images: int
    tables: int
    """How many ruled tables the page holds."""
    aligned: bool
    """True when the page holds a table without ruling lines, read by alignment."""
    ambiguous: FormatError | None
    """Why the page's text, laid out in columns, could not be read as a table."""
    columns: Columns | None
    """The columns of the table without ruling lines read on the page, if any."""


def _snap(values: Iterable[float]) -> list[float]:
    snapped: list[float] = []
    for value in sorted(values):
        if not snapped or value - snapped[-1] > _SNAP:
            snapped.append(value)
    return snapped


def _index(edges: Sequence[float], value: float) -> int:
    """Return the slot of ``value`` between ``edges`` (-1 or len-1 when outside)."""
    return bisect.bisect_right(edges, value) - 1


@attrs.define(eq=False)
class _Grid:
    """A ruled table: its cells and a lookup from a point to the cell holding it."""

    xs: list[float]
    ys: list[float]
    bbox: tuple[float, float, float, float]
    slots: dict[tuple[int, int], int]
    spans: list[tuple[int, int, int, int]]
    chars: list[list[Char]]

    @classmethod
    def of(cls, boxes: Sequence[tuple[float, float, float, float]]) -> _Grid:
        xs = _snap([value for box in boxes for value in (box[0], box[2])])
        ys = _snap([value for box in boxes for value in (box[1], box[3])])
        slots: dict[tuple[int, int], int] = {}
        spans = []
        for number, (x0, top, x1, bottom) in enumerate(boxes):
            c0, c1 = _index(xs, x0 + _SNAP), _index(xs, x1 - _SNAP) + 1
            r0, r1 = _index(ys, top + _SNAP), _index(ys, bottom - _SNAP) + 1
            spans.append((r0, r1, c0, c1))
            for row in range(r0, r1):
                for column in range(c0, c1):
                    slots.setdefault((row, column), number)
        bbox = (xs[0], ys[0], xs[-1], ys[-1])
        return cls(xs, ys, bbox, slots, spans, [[] for _ in boxes])

    def take(self, char: Char) -> bool:
        """Put ``char`` into its cell; return False when it lies outside every cell.

        A character belongs to the cell holding its middle, except punctuation that may
        hang past the end of a line (``。`` ``，`` ``、``): it belongs to the cell where it
        starts, even when most of it hangs over the cell's right border.
        """
        x = (char["x0"] + char["x1"]) / 2
        if char["text"] in NO_LINE_START:
            x = min(x, char["x0"] + _SNAP)
        y = (char["top"] + char["bottom"]) / 2
        if not (self.bbox[0] < x < self.bbox[2] and self.bbox[1] < y < self.bbox[3]):
            return False
        cell = self.slots.get((_index(self.ys, y), _index(self.xs, x)))
        if cell is None:
            return False
        self.chars[cell].append(char)
        return True


def _padding(grid: _Grid, cell_lines: Sequence[list[Line]]) -> float:
    """Return the inner padding of the table's cells: the smallest gap before text."""
    gaps = [
        min(line.x0 for line in found) - grid.xs[grid.spans[number][2]]
        for number, found in enumerate(cell_lines)
        if found
    ]
    return min([gap for gap in gaps if gap >= 0] or [0.0])


def _rows(grid: _Grid, page: int, table: int, first_index: int) -> list[TableRow]:
    cell_lines = [lines(chars, page) for chars in grid.chars]
    padding = _padding(grid, cell_lines)
    cells = []
    for number, found in enumerate(cell_lines):
        _r0, _r1, c0, c1 = grid.spans[number]
        x0, x1 = grid.xs[c0], grid.xs[c1]
        cells.append(Cell(found, Box(x0 + padding, x1 - padding), x0, x1))
    starts: dict[int, list[int]] = {}
    for number, (r0, _r1, _c0, _c1) in enumerate(grid.spans):
        starts.setdefault(r0, []).append(number)
    rows: list[TableRow] = []
    for row in sorted(starts):
        entries: dict[int, Cell] = {grid.spans[number][2]: cells[number] for number in starts[row]}
        for column in range(len(grid.xs) - 1):
            covering = grid.slots.get((row, column))
            if (
                covering is not None
                and grid.spans[covering][0] < row
                and grid.spans[covering][2] == column
            ):  # merged down: repeat its text
                above = cells[covering]
                entries[column] = Cell(
                    list(above.lines), above.box, above.x0, above.x1, repeated=True
                )
        ordered = [entries[column] for column in sorted(entries)]
        rows.append(TableRow(ordered, page, first_index + len(rows), grid.ys[row], table))
    return rows


def _text(group: Sequence[Char]) -> str:
    return "".join(str(char["text"]) for char in sorted(group, key=lambda char: char["x0"]))


def is_page_number(text: str) -> bool:
    """Return True when ``text`` is a page number (``12``, ``- 12 -``, ``第12页``, ``3/38``)."""
    return bool(_PAGE_NUMBER.match(text))


def read_page(page: Page, number: int, name: str, before: Columns | None = None) -> PageContent:
    """Return the tables and loose lines of ``page`` (1-based ``number``) of file ``name``.

    ``before`` are the columns of a table without ruling lines on the page before.
    """
    every: list[dict[str, Any]] = page.chars
    unreadable = sum(1 for char in every if char["text"].startswith("(cid:"))
    chars, overlaid = split_overlay(every)
    found = page.find_tables() if chars else []
    grids = [_Grid.of(table.cells) for table in found if table.cells]
    loose = [char for char in chars if not any(grid.take(char) for grid in grids)]
    blocks: list[TableRow | Line] = []
    for table, grid in enumerate(grids):
        blocks += _rows(grid, number, table, 1 + sum(isinstance(b, TableRow) for b in blocks))
    height = float(page.height)
    spans = [(grid.bbox[1], grid.bbox[3]) for grid in grids]
    aligned, ambiguous = None, None
    if not grids:  # perhaps a table without ruling lines
        groups = [group for group in char_lines(loose) if not is_page_number(_text(group))]
        try:
            aligned = aligned_table(groups, number, name, before)
        except FormatError as exc:
            ambiguous = exc
    outside = aligned[1] if aligned is not None else lines(loose, number)
    if aligned is not None and aligned[0]:
        blocks += aligned[0]
        spans.append((aligned[0][0].top, max(row.bottom for row in aligned[0])))
    margin: list[Line] = []
    for line in outside:
        in_margin = line.bottom < _MARGIN_ZONE * height or line.top > (1 - _MARGIN_ZONE) * height
        if in_margin and all(line.bottom <= top or line.top >= bottom for top, bottom in spans):
            if not is_page_number(line.text):
                margin.append(line)
        else:
            blocks.append(line)
    blocks.sort(key=lambda block: block.top)
    cells = [cell for block in blocks if isinstance(block, TableRow) for cell in block.cells]
    xs = [grid.bbox[0] for grid in grids] + [b.x0 for b in blocks if isinstance(b, Line)]
    xs += [cell.x0 for cell in cells]
    ends = [grid.bbox[2] for grid in grids] + [b.x1 for b in blocks if isinstance(b, Line)]
    ends += [cell.x1 for cell in cells]
    box = Box(min(xs, default=0.0), max(ends, default=float(page.width)))
    return PageContent(
        number=number,
        blocks=blocks,
        margin=margin,
        box=box,
        overlay=overlay_runs(overlaid),
        chars=len(every),
        unreadable=unreadable,
        images=len(page.images),
        tables=len(grids),
        aligned=aligned is not None,
        columns=aligned[2] if aligned is not None else None,
        ambiguous=ambiguous,
    )
