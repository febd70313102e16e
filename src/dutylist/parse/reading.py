"""How the assembler understood a document: header rows, column roles, category rows.

:func:`dutylist.parse.assemble.assemble_reading` returns a :class:`Reading` beside the list;
inside :func:`recording`, every list assembled (by any reader) leaves its reading behind,
which is how ``dutylist inspect`` shows any format.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator

import attrs

from dutylist.location import Location
from dutylist.model import PartKind
from dutylist.parse.content import Column


@attrs.frozen
class TableReading:
    """How the assembler understood one header row (for ``dutylist inspect``)."""

    location: Location | None
    """Where the header row was read."""
    kind: PartKind
    """The part its rows went to."""
    columns: tuple[Column, ...]
    """Each column's header, role and the word or content that decided it."""


@attrs.frozen
class Reading:
    """What the assembler saw besides the list itself."""

    tables: tuple[TableReading, ...]
    """Every header row, in order."""
    categories: tuple[tuple[PartKind, str, Location | None], ...]
    """Every category heading: its part, the heading as printed, where."""


_RECORDER: contextvars.ContextVar[list[Reading] | None] = contextvars.ContextVar(
    "dutylist_readings", default=None
)


@contextlib.contextmanager
def recording() -> Iterator[list[Reading]]:
    """Collect the :class:`Reading` of every list assembled inside the ``with`` block.

    This is how ``dutylist inspect`` learns how any reader's rows were understood.
    """
    readings: list[Reading] = []
    token = _RECORDER.set(readings)
    try:
        yield readings
    finally:
        _RECORDER.reset(token)


def record(reading: Reading) -> None:
    """Keep ``reading`` for the innermost :func:`recording` block, if any."""
    recorder = _RECORDER.get()
    if recorder is not None:
        recorder.append(reading)
