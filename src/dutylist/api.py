"""The top-level functions: load and dump duty lists in any supported format."""

from __future__ import annotations

import os

from dutylist import io
from dutylist.io.files import Source, source_name
from dutylist.model import DutyList


def load(source: Source, format: str | None = None, **options: object) -> DutyList:  # noqa: A002
    """Return the duty list read from ``source`` (a path or a binary stream).

    Args:
        source: the file to read.
        format: ``"json"``, ``"text"``, ``"docx"`` …; by default taken from the suffix.
        options: passed to the format's reader, e.g. ``rendering="attachment"`` for text.

    Raises:
        dutylist.errors.DutylistError: the file cannot be read or is not a duty list.
    """
    path = source if isinstance(source, str | os.PathLike) else source_name(source)
    return io.read(source, io.format_for(path, format), **options)


def dump(duty_list: DutyList, path: str | os.PathLike[str], format: str | None = None) -> None:  # noqa: A002
    """Write ``duty_list`` to ``path`` atomically, in ``format`` or the one its suffix names.

    Raises:
        dutylist.errors.DutylistError: the format cannot be written or the file not created.
    """
    io.write(duty_list, path, io.format_for(path, format))
