"""Reading sources (a path or a binary stream) and writing outputs atomically."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import BinaryIO, TypeAlias

from dutylist.errors import ReadError, WriteError
from dutylist.location import Location

Source: TypeAlias = str | os.PathLike[str] | BinaryIO
"""What readers accept: a file path or an open binary stream."""


def source_name(source: Source) -> str:
    """Return a name for ``source`` to use in messages and metadata."""
    if isinstance(source, str | os.PathLike):
        return os.fspath(source)
    return str(getattr(source, "name", "<stream>"))


def read_source(source: Source) -> bytes:
    """Return all bytes of ``source``.

    Raises:
        ReadError: the file is missing, is a directory or cannot be read.
    """
    name = source_name(source)
    if not isinstance(source, str | os.PathLike):
        return source.read()
    path = Path(source)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ReadError("file not found", Location(file=name)) from None
    except IsADirectoryError:
        raise ReadError("is a directory, not a file", Location(file=name)) from None
    except OSError as exc:
        raise ReadError(f"cannot read file: {exc.strerror}", Location(file=name)) from None


def write_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    Readers of ``path`` see either the old content or the new, never half a file.

    Raises:
        WriteError: the folder does not exist or cannot be written.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path()
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", dir=folder)
    except OSError as exc:
        raise WriteError(f"cannot write: {exc.strerror}", Location(file=str(path))) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        Path(temp_name).chmod(0o666 & ~_umask())
        Path(temp_name).replace(target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            Path(temp_name).unlink()
        raise WriteError(f"cannot write: {exc.strerror}", Location(file=str(path))) from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
