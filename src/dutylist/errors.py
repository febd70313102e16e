"""Exceptions: things that stop dutylist from continuing.

Problems *in* a list (a wrong count, a misspelt department) are findings, not exceptions.

The public API (readers, :func:`dutylist.load`, :func:`dutylist.dump`, the checker, the
differ, configuration and registry loading, the writers) raises only these exceptions,
whatever the input holds: a :class:`ReadError` when a file cannot be read (missing, a
device or pipe, over the size limit, a damaged package), a :class:`FormatError` when it
is read but is not what it should be, a :class:`WriteError` when an output cannot be
written, and a :class:`UsageError` for a request that cannot be carried out (an output
that is an input, an invalid size limit). See "Limits and safety" in the documentation.
"""

from __future__ import annotations

from dutylist.location import Location


class DutylistError(Exception):
    """Base class of all dutylist errors; carries where the problem is."""

    def __init__(self, message: str, location: Location | None = None) -> None:
        """Create an error with a message and an optional location."""
        super().__init__(message)
        self.message = message
        self.location = location

    def __str__(self) -> str:
        """Return ``location: message``, or just the message."""
        where = self.location.describe() if self.location is not None else ""
        return f"{where}: {self.message}" if where else self.message


class ReadError(DutylistError):
    """A file cannot be read: missing, unreadable, not the format it claims."""


class FormatError(DutylistError):
    """A file was read but its content is not a valid duty list in the expected format."""


class WriteError(DutylistError):
    """An output cannot be written."""


class UsageError(DutylistError):
    """A request cannot be carried out as asked (unknown format, output equals input …)."""
