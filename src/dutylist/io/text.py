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

import math
from collections.abc import Iterator, Mapping, Sequence
from typing import Literal

import attrs

from dutylist.errors import FormatError
from dutylist.io.files import Source, read_source, source_name
from dutylist.location import Location
from dutylist.messages import _
from dutylist.model import DutyList, Metadata
from dutylist.numerals import parse_int
from dutylist.parse.assemble import assemble
from dutylist.parse.rows import Block, Paragraph, Row, set_aside_once
from dutylist.parse.vocabulary import (
    Role,
    header_role,
    is_page_marker,
    is_toc_line,
    parse_category_heading,
    part_kind_of_title,
)
from dutylist.patterns import compile_on_use

Rendering = Literal["auto", "web", "attachment"]
"""Which rendering of a text capture to read; ``auto`` takes the first one present."""

ATTACHMENT_MARK = "文档附件"
_NUMBER_LINE = compile_on_use(
    r"^[ \u3000]*(?:[（(][ \u3000]*(?P<bracketed>[0-9０-９]{1,4})[ \u3000]*[)）]"
    r"|(?P<digits>[0-9０-９]{1,4})[.、．]?)[ \u3000]*$"
)
"""A line holding only an item's number (``12``, ``12.``, ``（12）``): the row starts."""
_RUNNING_MARKERS = 2
"""A running header or footer stands next to at least this many page markers…"""
_RUNNING_SHARE = 0.8
"""…and next to at least this share of them."""


def decode(raw: bytes, name: str) -> str:
    """Return the text of a capture, UTF-8 or GB18030.

    Raises:
        FormatError: the bytes are empty or binary, not text.
    """
    if not raw or raw.isspace():  # not raw.strip(): that copies the whole file
        raise FormatError(_("文件为空"), Location(file=name))
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise FormatError(_("不是有效的 UTF-16 文本"), Location(file=name)) from None
    if b"\x00" in raw[:4096]:
        raise FormatError(_("不是文本文件（内容为二进制）"), Location(file=name))
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise FormatError(_("不是文本文件（既非 UTF-8 也非 GB18030 编码）"), Location(file=name))


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
        # A no-break space (``&nbsp;`` copied from a web page) is a space, as in HTML.
        content = raw.replace("\u00a0", " ").removesuffix(" ")
        lines.append(_Line(number, content, not content.strip(" \u3000\t")))
    return lines


def renderings(text: str) -> dict[str, tuple[int, int]]:
    """Return the 1-based line ranges of the renderings in a capture, in file order.

    Keys are ``web`` (before the ``文档附件`` line) and ``attachment`` (after it); a
    rendering without lines is left out.
    """
    all_lines = text.splitlines()
    for index, line in enumerate(all_lines):
        if line.lstrip().startswith(ATTACHMENT_MARK):
            ranges = {"web": (1, index), "attachment": (index + 2, len(all_lines))}
            return {name: (first, last) for name, (first, last) in ranges.items() if first <= last}
    return {"web": (1, len(all_lines))}


@attrs.define
class _Grouper:
    """Groups lines into blocks; one instance per rendering."""

    file: str
    row: list[str] = attrs.Factory(list)
    row_start: _Line | None = None
    header: list[_Line] = attrs.Factory(list)
    last_ordinal: int = 0
    page_break: bool = False
    columns: int = 0
    """The number of columns of the last header (序号 | 事项名称: 2)."""

    def flush(self) -> Iterator[Block]:
        """Yield the row or header being collected, if any."""
        if self.row_start is not None:
            where = Location(file=self.file, line=self.row_start.number)
            number = (self.row_start.text.strip(" \u3000\t"),)
            yield Row(cells=(number, tuple(self.row)), location=where, gridless=True)
        if self.header:
            where = Location(file=self.file, line=self.header[0].number)
            yield Row(cells=tuple((line.text.strip(),) for line in self.header), location=where)
            self.columns = len(self.header)
        self.row, self.row_start, self.header = [], None, []

    def paragraph(self, line: _Line) -> Iterator[Block]:
        """Yield the pending blocks, then ``line`` as a paragraph."""
        yield from self.flush()
        yield Paragraph(text=line.text, location=Location(file=self.file, line=line.number))

    def feed(self, line: _Line, following: str = "") -> Iterator[Block]:
        """Yield the blocks that ``line`` completes; ``following`` is the next line's text."""
        text = line.text
        in_row = self.row_start is not None
        if is_page_marker(text):
            self.page_break = True
            return
        if line.blank_paragraph:
            if in_row:
                self.row.append("")
            return
        cells = [cell.strip(" \u3000") for cell in text.split("\t")]
        if len([cell for cell in cells if cell]) >= 2:
            yield from self.flush()
            where = Location(file=self.file, line=line.number)
            yield Row(cells=tuple((cell,) for cell in cells), location=where)
        elif _NUMBER_LINE.match(text):
            yield from self.flush()
            self.row_start = line
        elif self.header and not in_row and header_role(text) is not None:
            self.header.append(line)  # 收回事项, 基本履职事项: a header word, not a part title
        elif part_kind_of_title(text) is not None or is_toc_line(text):
            self.last_ordinal = 0
            yield from self.paragraph(line)
        elif self._is_category(text, in_row=in_row):
            yield from self.paragraph(line)
        elif self._is_loose_category(text, in_row=in_row, following=following):
            yield from self.flush()  # a heading merged across the lost table: a one-cell row
            yield Row(cells=((text,),), location=Location(file=self.file, line=line.number))
        elif header_role(text) is Role.NUMBER or (
            header_role(text) is not None and (self.header or not in_row)
        ):
            if header_role(text) is Role.NUMBER:
                yield from self.flush()
            self.header.append(line)
        elif self.header and not in_row and len(text) <= 20 and "。" not in text:
            self.header.append(line)  # a column name dutylist does not know yet
        elif in_row:
            if self.page_break and self.row and self.row[-1]:
                self.row[-1] += text  # a cell cut in two by a page break
            else:
                self.row.append(text)
        else:
            yield from self.paragraph(line)
        self.page_break = False

    def _is_category(self, text: str, *, in_row: bool) -> bool:
        heading = parse_category_heading(text)
        if heading is None:
            return False
        follows = heading.ordinal is not None and heading.ordinal == self.last_ordinal + 1
        if in_row and heading.declared_count is None and not follows:
            return False  # a clause such as "一、…" inside a cell
        self.last_ordinal = heading.ordinal or self.last_ordinal
        return True

    def _is_loose_category(self, text: str, *, in_row: bool, following: str) -> bool:
        """Return True for a heading numbered ``1.``, ``1、`` or unnumbered, just before an item.

        Such a heading looks like a clause, so more is asked of it: the next line starts
        an item, and it declares its count (``2.经济发展（5项）``), or its number follows the
        previous heading's and the item numbering restarts at 1, or no row is open, or the
        open row already holds the one name of a two-column table (序号 | 事项名称).
        """
        start = _item_start(following)
        if start is None or header_role(text) is not None:
            return False
        heading = parse_category_heading(text, loose=True)
        if heading is None:
            return False
        if heading.ordinal is None:
            accepted = heading.declared_count is not None
        else:
            accepted = heading.ordinal == self.last_ordinal + 1 and (
                heading.declared_count is not None
                or not in_row
                or start == 1
                or (self.columns == 2 and any(self.row))  # 序号 | 事项名称: one name per row
            )
        if accepted:
            self.last_ordinal = heading.ordinal or self.last_ordinal
        return accepted


def _item_start(text: str) -> int | None:
    """Return the number of the item a line starts (a number alone, or before a tab)."""
    first = text.split("\t", 1)[0] if "\t" in text else text
    match = _NUMBER_LINE.match(first)
    if match is None:
        return None
    return parse_int(match.group("digits") or match.group("bracketed"))


def running_lines(lines: Sequence[_Line]) -> dict[str, list[int]]:
    """Return the page headers and footers of text copied from a paged document.

    A running header or footer is a line found right before or after a page marker
    (``第 3 页 共 12 页``), next to at least two markers and four in five of them, and
    not an item's number; the result maps its text to the line numbers where it stands
    there.
    """
    texts = [line for line in lines if not line.blank_paragraph]
    markers = [index for index, line in enumerate(texts) if is_page_marker(line.text)]
    found: dict[str, list[int]] = {}
    for index in markers:
        for near in (index - 1, index + 1):
            if not 0 <= near < len(texts):
                continue
            text = texts[near].text
            if not is_page_marker(text) and not _NUMBER_LINE.match(text):
                found.setdefault(text, []).append(texts[near].number)
    needed = max(_RUNNING_MARKERS, math.ceil(_RUNNING_SHARE * len(markers)))
    return {text: numbers for text, numbers in found.items() if len(numbers) >= needed}


def blocks(
    lines: Sequence[_Line], file: str, running: Mapping[str, list[int]] | None = None
) -> Iterator[Block]:
    """Group a rendering's lines into paragraphs and rows for the assembler.

    An item row starts at a line holding only its number; a line with tabs is a row
    whose cells the tabs separate (text copied from a Word or Excel table). Lines of
    ``running`` (:func:`running_lines`) at the places given are left out, as page
    markers are.
    """
    skipped = {number for numbers in (running or {}).values() for number in numbers}
    lines = [line for line in lines if line.number not in skipped]
    grouper = _Grouper(file)
    # What follows a line is the next line of text, page markers left out as running lines.
    texts = [line.text for line in lines if not line.blank_paragraph]
    following = [""] * len(texts)
    for index in range(len(texts) - 2, -1, -1):
        after = texts[index + 1]
        following[index] = following[index + 1] if is_page_marker(after) else after
    after_texts = iter(following)
    for line in lines:
        after = "" if line.blank_paragraph else next(after_texts)
        yield from grouper.feed(line, after)
    yield from grouper.flush()


def read_text(source: Source, *, rendering: Rendering = "auto") -> DutyList:
    """Return the duty list captured as text in ``source`` (a path or a binary stream).

    Args:
        source: the file to read.
        rendering: ``web`` or ``attachment`` to choose one rendering of a capture that
            holds both; ``auto`` reads the first. A rendering left unread is mentioned
            in :attr:`~dutylist.model.DutyList.notes`.

    Raises:
        ReadError: the file cannot be read.
        FormatError: the file is not text, or no duty list is found in it.
    """
    name = source_name(source)
    text = decode(read_source(source), name)
    ranges = renderings(text)
    chosen = next(iter(ranges)) if rendering == "auto" else rendering
    if chosen not in ranges:
        raise FormatError(
            _("该文本中没有找到“{rendering}”版本").format(rendering=chosen), Location(file=name)
        )
    first, last = ranges[chosen]
    lines = _lines(text, first, last)
    running = running_lines(lines)
    try:
        duty_list = assemble(
            blocks(lines, name, running), metadata=Metadata(source_file=_base_name(name))
        )
    except FormatError as exc:
        raise FormatError(exc.message, Location(file=name)) from None
    headers = set_aside_once(
        {
            header: [Location(file=name, line=number) for number in numbers]
            for header, numbers in running.items()
        },
        _("页眉或页脚（出现在 {count} 页上）"),
    )
    skipped = [
        _("第 {first}–{last} 行是清单的另一个版本，未读取；可用 --rendering {other} 选择它").format(
            first=other_first, last=other_last, other=other
        )
        for other, (other_first, other_last) in ranges.items()
        if other != chosen
    ]
    return attrs.evolve(
        duty_list,
        unplaced=(*headers, *duty_list.unplaced),
        notes=(*duty_list.notes, *skipped),
    )


def _base_name(name: str) -> str:
    return name.replace("\\", "/").rsplit("/", 1)[-1]
