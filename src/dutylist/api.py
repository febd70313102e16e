"""The top-level functions: load and dump duty lists in any supported format."""

from __future__ import annotations

import os
from io import BytesIO
from pathlib import PurePath
from typing import TextIO

from dutylist import io
from dutylist.errors import UsageError
from dutylist.io.files import Source
from dutylist.location import Location
from dutylist.messages import _
from dutylist.model import DutyList


def load(
    source: Source | TextIO,
    format: str | None = None,  # noqa: A002
    **options: object,
) -> DutyList:
    """Return the duty list read from ``source``: a path, a binary stream or a text stream.

    A text stream (``io.StringIO(json_text)``, ``open(path, encoding="utf-8")``) is read
    as UTF-8. The format of a stream whose name has no known suffix is told from its
    first bytes (JSON, .docx, Chinese text), as ``dutylist check -`` tells it.

    Args:
        source: the file to read.
        format: ``"json"``, ``"text"``, ``"docx"`` …; by default taken from the suffix.
        options: passed to the format's reader, e.g. ``rendering="attachment"`` for text.

    Raises:
        dutylist.errors.DutylistError: the file cannot be read or is not a duty list;
            a :class:`~dutylist.errors.UsageError` when the format of a stream cannot
            be told (name it with ``format=``).
    """
    if isinstance(source, str | os.PathLike):
        return io.read(source, io.format_for(source, format), **options)
    name = str(getattr(source, "name", "<stream>"))
    data = source.read()
    stream = _NamedBytes(data.encode("utf-8") if isinstance(data, str) else data)
    stream.name = name
    if format is None and not _known_suffix(name):
        format = io.sniff_format(stream.getvalue())  # noqa: A001
        if format is None:
            raise UsageError(
                _("无法判断数据流的格式，请用 format= 指定"),
                Location(file=name),
            )
    return io.read(stream, io.format_for(name, format), **options)


class _NamedBytes(BytesIO):
    """A stream's bytes, with the stream's name for messages."""

    name = "<stream>"


def _known_suffix(name: str) -> bool:
    suffix = PurePath(name).suffix.lower()
    return any(suffix in fmt.suffixes for fmt in io.FORMATS.values())


def dump(duty_list: DutyList, path: str | os.PathLike[str], format: str | None = None) -> None:  # noqa: A002
    """Write ``duty_list`` to ``path`` atomically, in ``format`` or the one its suffix names.

    Raises:
        dutylist.errors.DutylistError: the format cannot be written or the file not created.
    """
    io.write(duty_list, path, io.format_for(path, format))
