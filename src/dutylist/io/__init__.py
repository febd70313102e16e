"""Readers and writers, one module per format, chosen by name or file suffix.

:data:`FORMATS` is the one table of formats: each :class:`Format` holds its reader and
writer functions. Adding a format is one module (a reader yielding
:mod:`dutylist.parse.rows` blocks to the assembler, perhaps a writer) and one line here.
The readers import their heavy libraries (lxml …) inside, when they are called.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from io import BytesIO
from pathlib import Path, PurePath
from typing import TextIO

import attrs

from dutylist.errors import UsageError
from dutylist.io.docx.read import read_docx
from dutylist.io.docx.write import write_docx
from dutylist.io.files import Source
from dutylist.io.html import read_html
from dutylist.io.json import read_json, write_json
from dutylist.io.pdf.read import read_pdf
from dutylist.io.text import read_text
from dutylist.io.unsupported import read_ofd
from dutylist.io.xlsx.read import read_xlsx
from dutylist.io.xlsx.write import write_xlsx
from dutylist.location import Location
from dutylist.messages import _
from dutylist.model import DutyList
from dutylist.patterns import compile_on_use

Reader = Callable[..., DutyList]
"""``reader(source, **options)``: the list read from a path or a binary stream."""
Writer = Callable[[DutyList, "str | os.PathLike[str]"], None]
"""``writer(duty_list, path)``: write the list to ``path`` atomically."""


@attrs.frozen
class Format:
    """A file format dutylist can read and perhaps write."""

    name: str
    """The name used by ``--from``/``--to`` and ``format=``."""
    suffixes: tuple[str, ...]
    """File suffixes that select this format, lower case with the dot."""
    reader: Reader
    """The function that reads it."""
    writer: Writer | None = None
    """The function that writes it, or None when the format is read-only."""
    options: frozenset[str] = frozenset()
    """The keyword options the reader accepts (``rendering`` for text)."""


FORMATS: dict[str, Format] = {
    "json": Format("json", (".json",), read_json, write_json),
    "text": Format("text", (".txt", ".text"), read_text, options=frozenset({"rendering"})),
    "docx": Format("docx", (".docx",), read_docx, write_docx),
    # Needs the optional extra dutylist[pdf] (pdfplumber); says so when it is missing.
    "pdf": Format("pdf", (".pdf",), read_pdf),
    "xlsx": Format("xlsx", (".xlsx",), read_xlsx, write_xlsx),
    "html": Format("html", (".html", ".htm", ".shtml"), read_html),
    # Word 97-2003 / WPS files: the docx reader refuses them with a conversion hint
    # (and reads a .docx that was merely renamed).
    "doc": Format("doc", (".doc", ".wps"), read_docx),
    # Excel 97-2003 / WPS spreadsheets: likewise refused by the xlsx reader with a hint.
    "xls": Format("xls", (".xls", ".et"), read_xlsx),
    "ofd": Format("ofd", (".ofd",), read_ofd),
}
"""The formats known to this release, by name."""


def format_for(path: str | os.PathLike[str] | None, name: str | None) -> Format:
    """Return the format named ``name``, or the one matching the suffix of ``path``.

    Raises:
        UsageError: the name is unknown or the suffix is not recognised.
    """
    if name is not None:
        if name not in FORMATS:
            known = ", ".join(sorted(FORMATS))
            raise UsageError(_("未知格式“{name}”（可用：{known}）").format(name=name, known=known))
        return FORMATS[name]
    suffix = Path(os.fspath(path)).suffix.lower() if path is not None else ""
    for fmt in FORMATS.values():
        if suffix in fmt.suffixes:
            return fmt
    where = Location(file=os.fspath(path)) if path is not None else None
    known = ", ".join(sorted(s for fmt in FORMATS.values() for s in fmt.suffixes))
    raise UsageError(
        _("无法从后缀“{suffix}”判断格式；请使用 {known} 之一，或指明格式").format(
            suffix=suffix or _("（无）"), known=known
        ),
        where,
    )


_HTML = compile_on_use(rb"<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE)


def sniff_format(data: bytes) -> str | None:
    """Return the format ``data`` looks like (json, docx, xlsx, html, doc, pdf, text), or None."""
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:8]
    if head.startswith((b"{", b"[")):
        return "json"
    if head.startswith(b"PK\x03\x04"):
        return "xlsx" if b"xl/workbook.xml" in data else "docx"
    if _HTML.search(data[:2048]):
        return "html"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "doc"
    if b"%PDF-" in data[:1024]:
        return "pdf"
    try:
        text = data[:65536].decode("utf-8-sig", errors="strict")
    except UnicodeDecodeError as exc:
        if exc.start < len(data[:65536]) - 4:  # not just a character cut at the end
            return None
        text = data[: exc.start].decode("utf-8-sig")
    if "\x00" not in text and any("\u4e00" <= ch <= "\u9fff" for ch in text):
        return "text"
    return None


def read(source: Source, fmt: Format, **options: object) -> DutyList:
    """Read ``source`` with the reader of ``fmt``, passing it ``options``.

    Raises:
        UsageError: the reader does not take one of the options.
    """
    for option in options:
        if option not in fmt.options:
            raise UsageError(
                _("{format} 读取器没有选项“{option}”").format(format=fmt.name, option=option)
            )
    return fmt.reader(source, **options)


def write(duty_list: DutyList, path: str | os.PathLike[str], fmt: Format) -> None:
    """Write ``duty_list`` to ``path`` with the writer of ``fmt``.

    Raises:
        UsageError: the format cannot be written.
    """
    if fmt.writer is None:
        raise UsageError(
            _("dutylist 不能写出 {format} 格式").format(format=fmt.name), Location(file=str(path))
        )
    fmt.writer(duty_list, path)


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
        return read(source, format_for(source, format), **options)
    name = str(getattr(source, "name", "<stream>"))
    data = source.read()
    stream = _NamedBytes(data.encode("utf-8") if isinstance(data, str) else data)
    stream.name = name
    if format is None and not _known_suffix(name):
        format = sniff_format(stream.getvalue())  # noqa: A001
        if format is None:
            raise UsageError(
                _("无法判断数据流的格式，请用 format= 指定"),
                Location(file=name),
            )
    return read(stream, format_for(name, format), **options)


class _NamedBytes(BytesIO):
    """A stream's bytes, with the stream's name for messages."""

    name = "<stream>"


def _known_suffix(name: str) -> bool:
    suffix = PurePath(name).suffix.lower()
    return any(suffix in fmt.suffixes for fmt in FORMATS.values())


def dump(duty_list: DutyList, path: str | os.PathLike[str], format: str | None = None) -> None:  # noqa: A002
    """Write ``duty_list`` to ``path`` atomically, in ``format`` or the one its suffix names.

    Raises:
        dutylist.errors.DutylistError: the format cannot be written or the file not created.
    """
    write(duty_list, path, format_for(path, format))
