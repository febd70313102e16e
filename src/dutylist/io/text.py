"""Read duty lists captured as plain text, where the table grid is lost.

Two layouts are understood, both found in the reference capture of the Mingzhu list:

``web``
    Text copied from a government web page: every cell paragraph on its own line, blank
    lines between them. A cell with several paragraphs spans several lines.
``attachment``
    Text extracted from the attached .docx, page by page with ``第 N 页`` markers; a cell
    cut by a page break is stitched back together.

A file may hold both, the attachment after a line starting with ``文档附件``. The reader
groups lines into neutral rows (an item row starts at a line holding only its number)
and hands them to the one assembler; column boundaries inside a row are inferred there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Literal

import attrs

from dutylist.assemble import assemble
from dutylist.errors import FormatError
from dutylist.io.files import Source, read_source, source_name
from dutylist.location import Location
from dutylist.model import DutyList, Metadata, UnplacedText
from dutylist.rows import Block, Paragraph, Row
from dutylist.vocabulary import (
    header_role,
    is_page_marker,
    is_toc_line,
    parse_category_heading,
    part_kind_of_title,
)

Rendering = Literal["auto", "web", "attachment"]
"""Which rendering of a text capture to read; ``auto`` takes the first one present."""

ATTACHMENT_MARK = "文档附件"
_NUMBER_LINE = re.compile(r"^[ \u3000]*[0-9]{1,4}[ \u3000]*$")


def decode(raw: bytes, name: str) -> str:
    """Return the text of a capture, UTF-8 or GB18030.

    Raises:
        FormatError: the bytes are empty or binary, not text.
    """
    if not raw.strip():
        raise FormatError("file is empty", Location(file=name))
    if b"\x00" in raw[:4096]:
        raise FormatError("not a text file (binary content)", Location(file=name))
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise FormatError("not a text file (neither UTF-8 nor GB18030)", Location(file=name))


@attrs.frozen
class _Line:
    number: int
    text: str
    blank_paragraph: bool


def _lines(text: str, first: int, last: int) -> list[_Line]:
    """Return lines ``first``..``last`` (1-based, inclusive) without the trailing space."""
    lines = []
    for number, raw in enumerate(text.splitlines()[first - 1 : last], start=first):
        if raw == "":
            continue  # separator between paragraphs
        content = raw.removesuffix(" ")
        lines.append(_Line(number, content, not content.strip(" \u3000\t")))
    return lines


def renderings(text: str) -> list[tuple[int, int]]:
    """Return the 1-based line ranges of the renderings in a capture, in file order."""
    all_lines = text.splitlines()
    for index, line in enumerate(all_lines):
        if line.lstrip().startswith(ATTACHMENT_MARK):
            ranges = [(1, index), (index + 2, len(all_lines))]
            return [(first, last) for first, last in ranges if first <= last]
    return [(1, len(all_lines))]


def _is_structural(text: str, *, in_row: bool) -> bool:
    if part_kind_of_title(text) is not None or is_toc_line(text):
        return True
    heading = parse_category_heading(text)
    if heading is not None and (not in_row or heading.declared_count is not None):
        return True
    return header_role(text) is not None and not in_row


def blocks(lines: Sequence[_Line], file: str) -> Iterator[Block]:
    """Group a rendering's lines into paragraphs and rows for the assembler."""
    row: list[str] = []
    row_start: _Line | None = None
    header: list[_Line] = []
    page_break = False

    def flush_row() -> Iterator[Block]:
        nonlocal row, row_start
        if row_start is not None:
            where = Location(file=file, line=row_start.number)
            yield Row(cells=((row_start.text.strip(),), tuple(row)), location=where, gridless=True)
        row, row_start = [], None

    def flush_header() -> Iterator[Block]:
        nonlocal header
        if header:
            where = Location(file=file, line=header[0].number)
            yield Row(cells=tuple((line.text.strip(),) for line in header), location=where)
        header = []

    for line in lines:
        text = line.text
        if is_page_marker(text):
            page_break = True
            continue
        if line.blank_paragraph:
            if row_start is not None:
                row.append("")
            continue
        if _NUMBER_LINE.match(text) and not header:
            yield from flush_row()
            row_start = line
        elif _is_structural(text, in_row=row_start is not None):
            yield from flush_row()
            if header_role(text) is not None and not is_toc_line(text):
                header.append(line)
                continue
            yield from flush_header()
            yield Paragraph(text=text, location=Location(file=file, line=line.number))
        elif row_start is not None:
            if page_break and row and row[-1]:
                row[-1] += text  # a cell cut in two by a page break
            else:
                row.append(text)
        else:
            yield from flush_header()
            yield Paragraph(text=text, location=Location(file=file, line=line.number))
        page_break = False
    yield from flush_row()
    yield from flush_header()


def read_text(source: Source, *, rendering: Rendering = "auto") -> DutyList:
    """Return the duty list captured as text in ``source`` (a path or a binary stream).

    Args:
        source: the file to read.
        rendering: ``web`` or ``attachment`` to choose one rendering of a capture that
            holds both; ``auto`` reads the first. A rendering left unread is reported in
            :attr:`~dutylist.model.DutyList.unplaced`.

    Raises:
        ReadError: the file cannot be read.
        FormatError: the file is not text, or no duty list is found in it.
    """
    name = source_name(source)
    text = decode(read_source(source), name)
    ranges = renderings(text)
    index = 1 if rendering == "attachment" and len(ranges) > 1 else 0
    if rendering == "attachment" and len(ranges) == 1:
        raise FormatError(f"no line starting with {ATTACHMENT_MARK} found", Location(file=name))
    first, last = ranges[index]
    try:
        duty_list = assemble(
            blocks(_lines(text, first, last), name),
            metadata=Metadata(source_file=_base_name(name)),
        )
    except FormatError as exc:
        raise FormatError(exc.message, Location(file=name)) from None
    skipped = [
        UnplacedText(
            text=text.splitlines()[other_first - 1].strip(),
            reason=(
                f"another rendering of the list (lines {other_first}–{other_last}) was not "
                f"read; choose it with --rendering "
                f"{'attachment' if other_index else 'web'}"
            ),
            location=Location(file=name, line=other_first),
        )
        for other_index, (other_first, other_last) in enumerate(ranges)
        if other_index != index
    ]
    return attrs.evolve(duty_list, unplaced=(*duty_list.unplaced, *skipped))


def _base_name(name: str) -> str:
    return name.replace("\\", "/").rsplit("/", 1)[-1]
