"""Readers and writers, one module per format, chosen by name or file suffix."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

import attrs

from dutylist.errors import UsageError
from dutylist.location import Location
from dutylist.messages import _

if TYPE_CHECKING:
    from dutylist.io.files import Source
    from dutylist.model import DutyList

Writer = Callable[["DutyList", "str | os.PathLike[str]"], None]


@attrs.frozen
class Format:
    """A file format dutylist can read and perhaps write."""

    name: str
    """The name used by ``--from``/``--to`` and ``format=``."""
    suffixes: tuple[str, ...]
    """File suffixes that select this format, lower case with the dot."""
    reader: str
    """``module:function`` of the reader, imported only when used (keeps start-up fast)."""
    writer: str | None = None
    """``module:function`` of the writer, or None when the format is read-only."""


FORMATS: dict[str, Format] = {
    "json": Format("json", (".json",), "dutylist.io.json:read_json", "dutylist.io.json:write_json"),
    "text": Format("text", (".txt", ".text"), "dutylist.io.text:read_text"),
    "docx": Format(
        "docx", (".docx",), "dutylist.io.docx.read:read_docx", "dutylist.io.docx.write:write_docx"
    ),
    # Needs the optional extra dutylist[pdf] (pdfplumber); says so when it is missing.
    "pdf": Format("pdf", (".pdf",), "dutylist.io.pdf.read:read_pdf"),
    "xlsx": Format(
        "xlsx", (".xlsx",), "dutylist.io.xlsx.read:read_xlsx", "dutylist.io.xlsx.write:write_xlsx"
    ),
    "html": Format("html", (".html", ".htm", ".shtml"), "dutylist.io.html:read_html"),
    # Word 97-2003 / WPS files: the docx reader refuses them with a conversion hint
    # (and reads a .docx that was merely renamed).
    "doc": Format("doc", (".doc", ".wps"), "dutylist.io.docx.read:read_docx"),
    # Excel 97-2003 / WPS spreadsheets: likewise refused by the xlsx reader with a hint.
    "xls": Format("xls", (".xls", ".et"), "dutylist.io.xlsx.read:read_xlsx"),
    "ofd": Format("ofd", (".ofd",), "dutylist.io.unsupported:read_ofd"),
}
"""The formats known to this release, by name."""


def _resolve(target: str) -> Callable[..., object]:
    import importlib  # noqa: PLC0415

    module_name, _, function = target.partition(":")
    function_object: Callable[..., object] = getattr(importlib.import_module(module_name), function)
    return function_object


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


_HTML = re.compile(rb"<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE)


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
    reader = cast("Callable[..., DutyList]", _resolve(fmt.reader))
    if options:
        import inspect  # noqa: PLC0415

        accepted = inspect.signature(reader).parameters
        for option in options:
            if option not in accepted:
                raise UsageError(
                    _("{format} 读取器没有选项“{option}”").format(format=fmt.name, option=option)
                )
    return reader(source, **options)


def write(duty_list: DutyList, path: str | os.PathLike[str], fmt: Format) -> None:
    """Write ``duty_list`` to ``path`` with the writer of ``fmt``.

    Raises:
        UsageError: the format cannot be written.
    """
    if fmt.writer is None:
        raise UsageError(
            _("dutylist 不能写出 {format} 格式").format(format=fmt.name), Location(file=str(path))
        )
    writer = cast("Writer", _resolve(fmt.writer))
    writer(duty_list, path)
