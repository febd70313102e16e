"""Formats dutylist recognises but cannot read yet: a clear one-line error instead."""

from __future__ import annotations

from typing import NoReturn

from dutylist.errors import ReadError
from dutylist.io.files import Source, source_name
from dutylist.location import Location


def read_ofd(source: Source) -> NoReturn:
    """Refuse an OFD document (the Chinese fixed-layout format): not supported yet.

    Raises:
        ReadError: always, naming what to do instead.
    """
    name = source_name(source)
    raise ReadError(
        "OFD documents are not supported yet; export the list as .docx or .pdf from the OFD "
        "reader, or ask the publisher for the .docx or .xlsx attachment",
        Location(file=name),
    )
