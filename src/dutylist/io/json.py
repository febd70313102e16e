"""Read and write duty lists as JSON (UTF-8, not escaped, ``schema_version`` first)."""

from __future__ import annotations

import json
import os

from dutylist.codec import from_data, to_data
from dutylist.collector import collector_paused
from dutylist.errors import FormatError, WriteError
from dutylist.io.files import Source, read_source, source_name, write_atomically
from dutylist.location import Location
from dutylist.messages import _
from dutylist.model import DutyList


def dumps(duty_list: DutyList) -> str:
    """Return ``duty_list`` as JSON text, indented, with a final newline.

    Raises:
        WriteError: a text holds a lone surrogate, which is not Unicode text (the reader
            would refuse the file); the message shows where.
    """
    text = json.dumps(to_data(duty_list), ensure_ascii=False, indent=2) + "\n"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        context = text[max(0, exc.start - 30) : exc.start].rsplit("\n", 1)[-1].strip()
        raise WriteError(
            _("文本含有孤立的代理字符（不是有效的 Unicode），无法写入 JSON：…{context}").format(
                context=context
            )
        ) from None
    return text


def loads(text: str, *, source: str | None = None) -> DutyList:
    """Return the duty list in JSON ``text``.

    Raises:
        FormatError: the text is not JSON, or not a duty list (the JSON path is named).
    """
    try:
        data = json.loads(text)
    except RecursionError:
        raise FormatError(_("JSON 嵌套层次过深"), Location(file=source)) from None
    except json.JSONDecodeError as exc:
        raise FormatError(
            _("不是有效的 JSON：{error}（第 {line} 行第 {column} 列）").format(
                error=exc.msg, line=exc.lineno, column=exc.colno
            ),
            Location(file=source, line=exc.lineno),
        ) from None
    except ValueError as exc:  # a number of more than 4,300 digits
        raise FormatError(
            _("JSON 中的数字过长：{reason}").format(reason=str(exc)[:80]), Location(file=source)
        ) from None
    return from_data(data, source=source)


def read_json(source: Source) -> DutyList:
    """Return the duty list stored as JSON in ``source`` (a path or a binary stream)."""
    name = source_name(source)
    raw = read_source(source)
    if not raw or raw.isspace():  # not raw.strip(): that copies the whole file
        raise FormatError(_("文件为空"), Location(file=name))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FormatError(
            _("不是 UTF-8 文本（第 {byte} 字节）：不是 JSON 文件").format(byte=exc.start),
            Location(file=name),
        ) from None
    with collector_paused():  # hundreds of thousands of objects without cycles
        return loads(text, source=name)


def write_json(duty_list: DutyList, path: str | os.PathLike[str]) -> None:
    """Write ``duty_list`` as JSON to ``path`` atomically.

    Raises:
        WriteError: as :func:`dumps`, or the file cannot be written.
    """
    try:
        text = dumps(duty_list)
    except WriteError as exc:
        raise WriteError(exc.message, Location(file=os.fspath(path))) from None
    write_atomically(path, text.encode("utf-8"))
