"""Zip packages (.docx, .xlsx) opened with their members checked before inflating.

A zip package is a list of members each declaring its compression method, its sizes
and whether it is encrypted; a hostile or damaged package may lie in any of them. Every
zip-based reader opens its package with :func:`open_package` and reads members with
:meth:`Package.read`, which refuses, with a :class:`~dutylist.errors.ReadError` naming
the file and the member:

- encrypted members (Office encrypts whole documents differently; a flagged member is
  damage or a trick);
- compression methods other than stored and deflated;
- members declaring more than the input limit (:func:`dutylist.io.files.max_input_bytes`)
  or, when larger than :data:`RATIO_FLOOR`, a compression ratio above :data:`MAX_RATIO`
  (a zip bomb);
- members whose inflated data turns out larger than declared: inflation stops there;
- packages whose members together would exceed the limit, or with more than
  :data:`MAX_MEMBERS` members.

Any other damage (a flipped bit in a header, a bad checksum, a truncated file) is a
ReadError too, never a ``zipfile`` traceback.
"""

from __future__ import annotations

import io
import struct
import zlib
from typing import TYPE_CHECKING, Self

from dutylist.errors import ReadError
from dutylist.io.files import max_input_bytes
from dutylist.location import Location
from dutylist.messages import _

if TYPE_CHECKING:
    import zipfile

MAX_RATIO = 1100
"""The highest inflated/compressed size ratio accepted for members above the floor.

Deflate cannot compress better than about 1,030 : 1, so a higher ratio is a lie told by
the header (the size actually inflated is bounded by the limit anyway)."""
RATIO_FLOOR = 1 << 20
"""Members declaring at most this many bytes (1 MiB) are not held to :data:`MAX_RATIO`."""
MAX_MEMBERS = 10_000
"""The most members a package may list."""

_ENCRYPTED = 0x1
_METHODS = frozenset([0, 8])
"""The compression methods read: stored and deflated (``zipfile.ZIP_STORED``, ``ZIP_DEFLATED``)."""
_OTHER_DAMAGE: tuple[type[Exception], ...] = (
    OSError,
    EOFError,
    ValueError,
    NotImplementedError,
    RuntimeError,
    zlib.error,
    struct.error,
    UnicodeDecodeError,
    IndexError,
    KeyError,
)
_CHUNK = 1 << 16


def _damage() -> tuple[type[Exception], ...]:
    """Return the errors a damaged package raises (evaluated only when one is raised)."""
    import zipfile  # noqa: PLC0415 - slow to import, needed only for packages

    return (zipfile.BadZipFile, zipfile.LargeZipFile, *_OTHER_DAMAGE)


class Package:
    """An open zip package whose members are read within the limits above."""

    def __init__(self, archive: zipfile.ZipFile, name: str, kind: str, limit: int) -> None:
        """Wrap ``archive`` read from the file ``name`` (a ``kind`` such as ``.docx``)."""
        self.archive = archive
        self.name = name
        self.kind = kind
        self.limit = limit
        self.budget = limit
        self.members = {info.filename: info for info in archive.infolist()}
        """The members by name."""

    def __enter__(self) -> Self:
        """Return the package itself."""
        return self

    def __exit__(self, *_exc: object) -> None:
        """Close the package."""
        self.archive.close()

    def __contains__(self, member: object) -> bool:
        """Return True when the package has a member of that name."""
        return member in self.members

    def _error(self, reason: str, member: str) -> ReadError:
        return ReadError(
            _("{kind} 文件已损坏或不安全：{member}：{reason}").format(
                kind=self.kind, member=member, reason=reason
            ),
            Location(file=self.name),
        )

    def read(self, member: str) -> bytes | None:
        """Return the inflated bytes of ``member``, or None when the package lacks it.

        Raises:
            ReadError: the member is encrypted, uses another compression method, is too
                large or too highly compressed, or is damaged.
        """
        info = self.members.get(member)
        if info is None:
            return None
        if info.flag_bits & _ENCRYPTED:
            raise self._error(_("已加密"), member)
        if info.compress_type not in _METHODS:
            raise self._error(
                _("不支持的压缩方式 {method}").format(method=info.compress_type), member
            )
        declared = info.file_size
        if declared > self.budget:
            raise self._error(
                _("解压后 {size} 字节，超过输入大小上限 {limit} 字节").format(
                    size=declared, limit=self.limit
                ),
                member,
            )
        if declared > RATIO_FLOOR and declared > MAX_RATIO * max(info.compress_size, 1):
            raise self._error(
                _("压缩比 {ratio}:1 过高（疑似压缩炸弹）").format(
                    ratio=declared // max(info.compress_size, 1)
                ),
                member,
            )
        data = self._inflate(info, declared)
        self.budget -= len(data)
        return data

    def _inflate(self, info: zipfile.ZipInfo, declared: int) -> bytes:
        out = io.BytesIO()
        try:
            with self.archive.open(info) as stream:
                while True:
                    chunk = stream.read(min(_CHUNK, declared + 1 - out.tell()))
                    if not chunk:
                        break
                    out.write(chunk)
                    if out.tell() > declared:
                        raise self._error(_("解压后的数据多于声明的大小"), info.filename)
        except ReadError:
            raise
        except _damage() as exc:
            raise self._error(_("无法解压（{reason}）").format(reason=exc), info.filename) from None
        if out.tell() != declared:
            raise self._error(_("解压后的数据少于声明的大小"), info.filename)
        return out.getvalue()


def open_package(data: bytes, name: str, kind: str, limit: int | None = None) -> Package:
    """Return the zip package in ``data`` (read from ``name``, a ``kind`` such as ``.docx``).

    Args:
        data: the bytes of the file.
        name: the file name, for messages.
        kind: the kind of document, for messages (``.docx``, ``.xlsx``).
        limit: the most bytes all members together may inflate to; by default the input
            limit (:func:`dutylist.io.files.max_input_bytes`).

    Raises:
        ReadError: the zip directory cannot be read or lists too many members.
    """
    where = Location(file=name)
    try:
        import zipfile  # noqa: PLC0415 - slow to import, needed only for packages

        archive = zipfile.ZipFile(io.BytesIO(data))
    except _damage() as exc:
        raise ReadError(
            _("{kind} 文件已损坏：无法打开 zip 包（{reason}）").format(kind=kind, reason=exc),
            where,
        ) from None
    if len(archive.infolist()) > MAX_MEMBERS:
        archive.close()
        raise ReadError(
            _("{kind} 文件不安全：zip 包内成员超过 {count} 个").format(
                kind=kind, count=MAX_MEMBERS
            ),
            where,
        )
    return Package(archive, name, kind, max_input_bytes() if limit is None else limit)
