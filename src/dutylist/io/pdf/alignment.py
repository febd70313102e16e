"""Tables drawn without ruling lines: columns found from the alignment of their text.

Each line is cut into segments where a gap wider than most of a character separates its
glyphs. Lines of two or more segments are table rows; the x-extents of their segments,
merged, are the columns, and the white gaps between them the column boundaries. A line
whose single segment stays inside one column continues the row above; a line that
crosses a boundary (a category heading, a title) is text outside the table. A row starts
at a line of several segments, one of them in the first column.

The columns are unambiguous when the first row (the header) has one segment per column
and no row has two segments in one column; otherwise the page is refused. A page that
continues a table from the page before is read with that table's columns when they fit.
"""

from __future__ import annotations

from collections.abc import Sequence

from dutylist.errors import FormatError
from dutylist.io.pdf.cells import Cell, TableRow
from dutylist.io.pdf.layout import Box, Char, Line, make_line
from dutylist.location import Location
from dutylist.messages import _

_SEGMENT_GAP = 0.5
"""A gap wider than this many ems between two glyphs separates two columns."""


def _segments(group: list[Char], page: int) -> list[Line]:
    """Return the pieces of one line of text separated by wide gaps."""
    glyphs = sorted(group, key=lambda char: char["x0"])
    pieces: list[list[Char]] = []
    last_glyph: Char | None = None
    for char in glyphs:
        if not char["text"].strip():
            if pieces:
                pieces[-1].append(char)
            continue
        wide = last_glyph is not None and (
            char["x0"] - last_glyph["x1"] > _SEGMENT_GAP * float(last_glyph["size"])
        )
        if not pieces or wide:
            pieces.append([])
        pieces[-1].append(char)
        last_glyph = char
    made = [make_line(piece, page) for piece in pieces]
    return [line for line in made if line is not None]


def _columns(rows: Sequence[list[Line]]) -> list[tuple[float, float]]:
    """Return the merged x-extents of the segments of multi-segment lines, left to right."""
    extents = sorted((segment.x0, segment.x1) for row in rows for segment in row)
    columns: list[tuple[float, float]] = []
    for x0, x1 in extents:
        if columns and x0 <= columns[-1][1] + 1:
            columns[-1] = (columns[-1][0], max(columns[-1][1], x1))
        else:
            columns.append((x0, x1))
    return columns


def _column_of(segment: Line, columns: Sequence[tuple[float, float]]) -> int | None:
    """Return the column holding ``segment``, or None when it crosses a column boundary.

    A column reaches from the left edge of its text to the left edge of the next one.
    """
    for index, (x0, _x1) in enumerate(columns):
        end = columns[index + 1][0] if index + 1 < len(columns) else float("inf")
        if x0 - 1 <= segment.x0 and segment.x1 < end - 1:
            return index
    return None


def _usual_right(found: Sequence[Line], default: float) -> float:
    """Return where most lines of a column end: its full width (an overhanging comma aside)."""
    ends: dict[float, int] = {}
    for line in found:
        end = round(line.x1)
        ends[end] = ends.get(end, 0) + 1
    if not ends:
        return default
    return float(max(ends, key=lambda end: (ends[end], end)))


Columns = list[tuple[float, float]]
"""The x-extents of a table's columns, left to right."""


def _fits(multi: Sequence[list[Line]], columns: Columns) -> bool:
    """Return True when every segment of every line falls in a column of its own."""
    for segments in multi:
        placed = [_column_of(segment, columns) for segment in segments]
        if None in placed or len(set(placed)) != len(placed):
            return False
    return True


def aligned_table(
    groups: Sequence[list[Char]], page: int, name: str, before: Columns | None = None
) -> tuple[list[TableRow], list[Line], Columns] | None:
    """Return the rows of a table without ruling lines, the lines outside it, its columns.

    ``before`` are the columns of a table on the page before: a page that continues it
    (without a header row, perhaps with a single row) is read with them when they fit.
    Returns None when the text on the page is not laid out in columns.

    Raises:
        FormatError: the text is in columns but they cannot be told apart.
    """
    segmented = [_segments(group, page) for group in groups]
    segmented = [segments for segments in segmented if segments]
    multi = [segments for segments in segmented if len(segments) >= 2]
    if before is not None and multi and _fits(multi, before):
        columns = before
    elif len(multi) < 2:
        return None
    else:
        columns = _columns(multi)
        if len(columns) < 2 or len(multi[0]) != len(columns) or not _fits(multi, columns):
            raise FormatError(
                _("表格没有框线，且无法从文字对齐确定各列；请使用带框线的表格或原始 .docx 文件"),
                Location(file=name, page=page),
            )
    first, last = segmented.index(multi[0]), segmented.index(multi[-1])
    outside: list[Line] = []
    rows: list[TableRow] = []
    current: list[list[Line]] | None = None
    boxes = [Box(x0, x1) for x0, x1 in columns]
    bottom = 0.0
    for index, segments in enumerate(segmented):
        placed = [_column_of(segment, columns) for segment in segments]
        inside = first <= index and None not in placed
        if index > last:  # after the last row: only lines that continue it
            inside = inside and segments[0].top - bottom < segments[0].size
        if not inside:
            outside += segments
            current = None
            continue
        if current is None or (0 in placed and len(segments) > 1):
            current = [[] for _ in columns]
            cells = [
                Cell(lines, box, box.left, box.right)
                for lines, box in zip(current, boxes, strict=True)
            ]
            rows.append(TableRow(cells, page, len(rows) + 1, segments[0].top, 0))
        for segment, column in zip(segments, placed, strict=True):
            current[column or 0].append(segment)
        bottom = max(segment.bottom for segment in segments)
    rights = [
        _usual_right([line for row in rows for line in row.cells[i].lines], x1)
        for i, (_x0, x1) in enumerate(columns)
    ]
    for row in rows:
        for cell, right in zip(row.cells, rights, strict=True):
            cell.box = Box(cell.box.left, right)
            cell.x1 = right
    return rows, outside, columns
