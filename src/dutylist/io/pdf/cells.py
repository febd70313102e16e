"""Table rows of one PDF page, before their cells become paragraphs."""

from __future__ import annotations

import attrs

from dutylist.io.pdf.layout import Box, Line

_SAME_EDGE = 6.0
"""Points within which two column edges on different pages count as the same."""


@attrs.define(eq=False)
class Cell:
    """A table cell on one page: its lines and inner text area."""

    lines: list[Line]
    box: Box
    x0: float
    x1: float
    repeated: bool = False
    """True when the cell repeats a vertically merged cell that started on a row above."""


@attrs.define(eq=False)
class TableRow:
    """A row of a ruled table on one page."""

    cells: list[Cell]
    page: int
    index: int
    """The 1-based index of the row among the table rows of its page."""
    top: float
    table: int
    """The index of the table on its page (0-based)."""

    @property
    def bottom(self) -> float:
        """Return the bottom of the row's lowest line (its top when it has none)."""
        return max((cell.lines[-1].bottom for cell in self.cells if cell.lines), default=self.top)

    def texts(self) -> tuple[str, ...]:
        """Return each cell's lines joined, without breaks (for comparing rows)."""
        return tuple("".join(line.text for line in cell.lines) for cell in self.cells)

    def same_columns(self, other: TableRow) -> bool:
        """Return True when ``other`` has the same column boundaries."""
        return len(self.cells) == len(other.cells) and all(
            abs(mine.x0 - theirs.x0) < _SAME_EDGE and abs(mine.x1 - theirs.x1) < _SAME_EDGE
            for mine, theirs in zip(self.cells, other.cells, strict=True)
        )
