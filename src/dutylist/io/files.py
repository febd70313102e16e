"""Reading sources (a path or a binary stream) and writing outputs atomically.

Every input dutylist reads (lists, configuration, department registries, baselines) goes
through :func:`read_bounded`: it refuses devices, pipes and sockets (which may never end),
and stops at a size limit, :data:`DEFAULT_MAX_INPUT_BYTES` unless raised by
:func:`input_limit`, the ``DUTYLIST_MAX_INPUT`` environment variable or the ``limit``
argument. Every output goes through :func:`write_atomically`.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
from collections.abc import Iterator
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO, TypeAlias

from dutylist.errors import FormatError, ReadError, UsageError, WriteError
from dutylist.location import Location
from dutylist.messages import _

Source: TypeAlias = str | os.PathLike[str] | BinaryIO
"""What readers accept: a file path or an open binary stream."""

DEFAULT_MAX_INPUT_BYTES = 50 * 1024 * 1024
"""The largest input read by default: 50 MiB, far above any real list."""
MAX_INPUT_ENV = "DUTYLIST_MAX_INPUT"
"""The environment variable that sets the input limit in bytes (``K``/``M``/``G`` allowed)."""
STDIN = "-"
"""The path that means standard input (the one non-regular file dutylist reads)."""

_chosen_limit: ContextVar[int | None] = ContextVar("dutylist_max_input", default=None)
_CHUNK = 1 << 20
_UNITS = {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30}


def source_name(source: Source) -> str:
    """Return a name for ``source`` to use in messages and metadata."""
    if isinstance(source, str | os.PathLike):
        return os.fspath(source)
    return str(getattr(source, "name", "<stream>"))


def parse_size(text: str, *, setting: str = MAX_INPUT_ENV) -> int:
    """Return the byte count written as ``text``: ``52428800``, ``50M``, ``1G``.

    Raises:
        UsageError: the text is not a positive whole number with an optional unit.
    """
    value = text.strip().upper().removesuffix("B")
    unit = value[-1:] if value[-1:] in _UNITS else ""
    digits = value[: len(value) - len(unit)]
    if not digits.isdigit() or not digits.isascii() or len(digits) > 15 or int(digits) == 0:
        raise UsageError(
            _("{setting} 应为正整数字节数（可带 K、M、G），而不是 {value!r}").format(
                setting=setting, value=text[:40]
            )
        )
    return int(digits) * _UNITS[unit]


def max_input_bytes() -> int:
    """Return the input size limit in force: :func:`input_limit`, the environment, the default.

    Raises:
        UsageError: ``DUTYLIST_MAX_INPUT`` is set but is not a size.
    """
    chosen = _chosen_limit.get()
    if chosen is not None:
        return chosen
    from_environment = os.environ.get(MAX_INPUT_ENV, "").strip()
    return parse_size(from_environment) if from_environment else DEFAULT_MAX_INPUT_BYTES


@contextlib.contextmanager
def input_limit(limit: int | None) -> Iterator[None]:
    """Read inputs of up to ``limit`` bytes within the ``with`` block (None: no change).

    Raises:
        UsageError: ``limit`` is not a positive number.
    """
    if limit is None:
        yield
        return
    if isinstance(limit, bool) or limit <= 0:
        raise UsageError(_("输入大小上限应为正整数字节数，而不是 {value!r}").format(value=limit))
    token = _chosen_limit.set(limit)
    try:
        yield
    finally:
        _chosen_limit.reset(token)


def _too_large(limit: int, where: Location) -> ReadError:
    return ReadError(
        _(
            "文件超过输入大小上限 {limit} 字节；如确需读取，请用环境变量 {env} 或配置项 "
            "max_input_bytes 调高上限"
        ).format(limit=limit, env=MAX_INPUT_ENV),
        where,
    )


def _read_stream(stream: BinaryIO, limit: int, where: Location) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = stream.read(min(_CHUNK, limit + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > limit:
        raise _too_large(limit, where)
    return b"".join(chunks)


def _path_reasons() -> dict[int, str]:
    """Return why a path cannot be opened, by error number, for reading and writing alike."""
    return {
        errno.EISDIR: _("是文件夹，不是文件"),
        errno.ELOOP: _("符号链接循环"),
        errno.ENAMETOOLONG: _("路径过长"),
        errno.ENOTDIR: _("路径中有一段不是文件夹"),
    }


def _os_error(exc: OSError, where: Location) -> ReadError:
    reasons = {
        **_path_reasons(),
        errno.ENOENT: _("文件不存在"),
        errno.EACCES: _("没有读取权限"),
        errno.EPERM: _("没有读取权限"),
    }
    reason = reasons.get(exc.errno or 0) or _("无法读取文件：{reason}").format(
        reason=exc.strerror or exc
    )
    return ReadError(reason, where)


def read_bounded(source: Source, limit: int | None = None) -> bytes:
    """Return all bytes of ``source``, refusing what is not a bounded regular file.

    Args:
        source: a path (``"-"`` is standard input) or an open binary stream.
        limit: the largest size accepted, in bytes; by default :func:`max_input_bytes`.

    Raises:
        ReadError: the file is missing, a folder, a device, pipe or socket, unreadable,
            or larger than the limit.
        UsageError: the limit set in ``DUTYLIST_MAX_INPUT`` is not a size.
    """
    limit = max_input_bytes() if limit is None else limit
    name = source_name(source)
    where = Location(file=name)
    if not isinstance(source, str | os.PathLike):
        try:
            return _read_stream(source, limit, where)
        except OSError as exc:
            raise _os_error(exc, where) from None
    if name == STDIN:
        return _read_stream(sys.stdin.buffer, limit, where)
    try:
        # os.stat first: opening a FIFO would block until a writer comes.
        info = os.stat(name)  # noqa: PTH116
        if stat.S_ISDIR(info.st_mode):
            raise ReadError(_("是文件夹，不是文件"), where)
        if not stat.S_ISREG(info.st_mode):
            raise ReadError(_("不是普通文件（设备、管道或套接字），拒绝读取"), where)
        if info.st_size > limit:
            raise _too_large(limit, where)
        descriptor = os.open(name, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        with os.fdopen(descriptor, "rb") as stream:
            if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):  # replaced meanwhile
                raise ReadError(_("不是普通文件（设备、管道或套接字），拒绝读取"), where)
            return _read_stream(stream, limit, where)
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the name
        if isinstance(exc, OSError):
            raise _os_error(exc, where) from None
        raise ReadError(_("文件名无效：{reason}").format(reason=exc), where) from None


def read_source(source: Source) -> bytes:
    """Return all bytes of ``source`` within the input limit (see :func:`read_bounded`).

    Raises:
        ReadError: the file is missing, is a folder or device, cannot be read, or is
            larger than the limit.
    """
    return read_bounded(source)


def read_text_file(path: str | os.PathLike[str], what: str) -> str:
    """Return the UTF-8 text of a small input such as a configuration or registry file.

    ``what`` names the kind of file in the error message.

    Raises:
        ReadError: as :func:`read_bounded`, or the file is not UTF-8 text.
    """
    data = read_bounded(path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReadError(
            _("{what}不是 UTF-8 文本（第 {byte} 字节）").format(what=what, byte=exc.start),
            Location(file=os.fspath(path)),
        ) from None


def _write_error(exc: OSError, where: Location) -> WriteError:
    reasons = {
        **_path_reasons(),
        errno.ENOENT: _("文件夹不存在"),
        errno.EACCES: _("没有写入权限"),
        errno.EPERM: _("没有写入权限"),
        errno.EROFS: _("文件系统只读"),
        errno.ENOSPC: _("磁盘已满，原文件未改动"),
        errno.EDQUOT: _("磁盘配额已满，原文件未改动"),
    }
    reason = reasons.get(exc.errno or 0) or exc.strerror or str(exc)
    return WriteError(_("无法写入：{reason}").format(reason=reason), where)


def write_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    Readers of ``path`` see either the old content or the new, never half a file, even
    when the process is killed or the disk fills up. A symbolic link is written
    through; an existing file keeps its permissions. A device, pipe or anything under
    ``/dev`` or ``/proc`` (``/dev/stdout``, ``/dev/null``, ``/dev/fd/3``) is written
    directly, never replaced by a rename: ``/dev/stdout`` redirected to a file writes
    that file.

    Raises:
        WriteError: the folder does not exist, the target is read-only or a directory,
            the path is too long or loops, or the disk is full.
    """
    where = Location(file=os.fspath(path))
    if _is_device_path(path):
        _write_in_place(Path(path), data, where)
        return
    try:
        target = Path(os.path.realpath(path))
        mode = 0o666 & ~_umask()
        try:
            info = target.stat()
        except FileNotFoundError:
            info = None
        if info is not None:
            if stat.S_ISDIR(info.st_mode):
                raise WriteError(_("是文件夹，不是文件"), where)
            if not stat.S_ISREG(info.st_mode):
                _write_in_place(target, data, where)
                return
            mode = stat.S_IMODE(info.st_mode)
            if not mode & 0o222:
                raise WriteError(_("文件只读"), where)
        import tempfile  # noqa: PLC0415 - slow to import, needed only for writing

        handle, temp_name = tempfile.mkstemp(prefix=f".{target.name[:40]}.", dir=target.parent)
    except OSError as exc:
        raise _write_error(exc, where) from None
    except ValueError as exc:  # a NUL byte in the name
        raise WriteError(_("文件名无效：{reason}").format(reason=exc), where) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temp_name).chmod(mode)
        Path(temp_name).replace(target)
    except BaseException as exc:  # also KeyboardInterrupt: never leave the temporary file
        with contextlib.suppress(OSError):
            Path(temp_name).unlink()
        if isinstance(exc, OSError):
            raise _write_error(exc, where) from None
        raise


_DEVICE_FOLDERS = ("/dev/", "/proc/")


def _is_device_path(path: str | os.PathLike[str]) -> bool:
    """Return True for a path that must be opened, not replaced: a device, pipe or socket."""
    try:
        name = os.path.abspath(os.fspath(path))  # noqa: PTH100 - no symlinks resolved
        if name.startswith(_DEVICE_FOLDERS):
            return True
        mode = Path(path).stat().st_mode
    except (OSError, ValueError):
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _write_in_place(target: Path, data: bytes, where: Location) -> None:
    try:
        with target.open("wb") as stream:
            stream.write(data)
    except OSError as exc:
        raise _write_error(exc, where) from None


def same_file(first: str | os.PathLike[str], second: str | os.PathLike[str]) -> bool:
    """Return True when the two paths name the same file (after links), existing or not."""
    try:
        if os.path.samefile(first, second):  # noqa: PTH121 - takes str and PathLike alike
            return True
    except (OSError, ValueError):
        pass
    try:
        return os.path.realpath(first) == os.path.realpath(second)
    except (OSError, ValueError):
        return False


@cache
def _umask() -> int:
    """Return the process's umask (read once: reading it means setting it)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def parse_toml(text: str, name: str, what: str) -> dict[str, Any]:
    """Return the TOML document ``text`` read from ``name`` (a ``what``, for messages).

    Raises:
        FormatError: the text is not TOML, is nested too deeply, or holds a number of
            more than 4,300 digits.
    """
    import tomllib  # noqa: PLC0415

    where = Location(file=name)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        reason = str(exc)
    except RecursionError:
        reason = _("嵌套过深")
    except ValueError as exc:  # a number of more than 4,300 digits
        reason = str(exc)[:80]
    raise FormatError(_("{what}不是有效的 TOML：{reason}").format(what=what, reason=reason), where)


def read_toml(path: str | os.PathLike[str], what: str) -> dict[str, Any]:
    """Return the TOML file ``path``, read within the input limit (a ``what``, for messages).

    Raises:
        ReadError: as :func:`read_text_file`.
        FormatError: as :func:`parse_toml`.
    """
    return parse_toml(read_text_file(path, what), os.fspath(path), what)
