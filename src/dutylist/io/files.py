"""Reading sources (a path or a binary stream) and writing outputs atomically."""

from __future__ import annotations

import contextlib
import os
import stat
from functools import cache
from pathlib import Path
from typing import BinaryIO, TypeAlias

from dutylist.errors import ReadError, WriteError
from dutylist.location import Location
from dutylist.messages import _

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
        raise ReadError(_("文件不存在"), Location(file=name)) from None
    except IsADirectoryError:
        raise ReadError(_("是文件夹，不是文件"), Location(file=name)) from None
    except OSError as exc:
        raise ReadError(
            _("无法读取文件：{error}").format(error=exc.strerror), Location(file=name)
        ) from None


def write_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    Readers of ``path`` see either the old content or the new, never half a file. A
    symbolic link is written through; an existing file keeps its permissions. A device,
    pipe or anything under ``/dev`` or ``/proc`` (``/dev/stdout``, ``/dev/null``,
    ``/dev/fd/3``) is written directly, never replaced by a rename: ``/dev/stdout``
    redirected to a file writes that file.

    Raises:
        WriteError: the folder does not exist, the target is read-only or a directory.
    """
    where = Location(file=os.fspath(path))
    if _is_device_path(path):
        _write_in_place(Path(path), data, where)
        return
    target = Path(path).resolve() if Path(path).is_symlink() else Path(path)
    mode = 0o666 & ~_umask()
    if target.exists():
        if target.is_dir():
            raise WriteError(_("是文件夹"), where)
        if not target.is_file():
            _write_in_place(target, data, where)
            return
        mode = stat.S_IMODE(target.stat().st_mode)
        if not mode & 0o222:
            raise WriteError(_("文件是只读的"), where)
    import tempfile  # noqa: PLC0415 - slow to import, needed only when writing

    folder = target.parent
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", dir=folder)
    except OSError as exc:
        raise WriteError(_("无法写入：{error}").format(error=exc.strerror), where) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        Path(temp_name).chmod(mode)
        Path(temp_name).replace(target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            Path(temp_name).unlink()
        raise WriteError(_("无法写入：{error}").format(error=exc.strerror), where) from None


_DEVICE_FOLDERS = ("/dev/", "/proc/")


def _is_device_path(path: str | os.PathLike[str]) -> bool:
    """Return True for a path that must be opened, not replaced: a device, pipe or socket."""
    name = os.path.abspath(os.fspath(path))  # noqa: PTH100 - no symlinks resolved
    if name.startswith(_DEVICE_FOLDERS):
        return True
    try:
        mode = Path(path).stat().st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _write_in_place(target: Path, data: bytes, where: Location) -> None:
    try:
        with target.open("wb") as stream:
            stream.write(data)
    except OSError as exc:
        raise WriteError(_("无法写入：{error}").format(error=exc.strerror), where) from None


@cache
def _umask() -> int:
    """Return the process's umask (read once: reading it means setting it)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
