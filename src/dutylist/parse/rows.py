"""Neutral blocks that every reader yields and the assembler consumes.

A reader turns its format into a stream of :class:`Paragraph` (text outside tables) and
:class:`Row` (a table row: cells of paragraphs). It knows nothing about duty lists;
:func:`dutylist.parse.assemble.assemble` does.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypeAlias

import attrs

from dutylist.location import Location
from dutylist.model import UnplacedText

Cell: TypeAlias = tuple[str, ...]
"""The paragraphs of one table cell, in order."""


@attrs.frozen(kw_only=True)
class Paragraph:
    """A paragraph outside any table (title, heading, note, page number)."""

    text: str
    """The paragraph text."""
    location: Location
    """Where it was read."""


@attrs.frozen(kw_only=True)
class Row:
    """A table row.

    When ``gridless`` is true the reader could not see the column grid (text copied from
    a web page): ``cells`` then holds the number cell followed by one cell with all the
    remaining paragraphs in reading order, and the assembler infers the columns.
    """

    cells: tuple[Cell, ...]
    """The row's cells; a cell merged across columns appears once."""
    location: Location
    """Where the row starts."""
    gridless: bool = False
    """True when column boundaries inside the row are unknown."""

    def texts(self) -> tuple[str, ...]:
        """Return each cell's paragraphs joined by newlines."""
        return tuple("\n".join(cell) for cell in self.cells)


Block: TypeAlias = Paragraph | Row
"""Anything a reader yields."""


@attrs.frozen(kw_only=True)
class Aside:
    """Text a reader knows is not part of the list (a contacts table, page layout).

    The assembler keeps it in :attr:`~dutylist.model.DutyList.unplaced` with ``reason``.
    """

    text: str
    """The text, cells joined by `` | `` and rows by newlines."""
    reason: str
    """Why the reader set it aside."""
    location: Location
    """Where it was read."""


AnyBlock: TypeAlias = Paragraph | Row | Aside
"""Anything a reader yields, set-aside text included (``Block`` plus :class:`Aside`)."""


def set_aside_once(places: Mapping[str, Sequence[Location]], reason: str) -> list[UnplacedText]:
    """Return text a reader found repeated (page headers, watermarks) once per distinct text.

    ``places`` maps each text to where it stood, in order; each is kept at its first place,
    with ``reason`` formatted with how many places (``{count}``).
    """
    return [
        UnplacedText(text=text, reason=reason.format(count=len(where)), location=where[0])
        for text, where in places.items()
        if where
    ]
