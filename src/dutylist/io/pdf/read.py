"""Read duty lists published as PDF (needs the ``pdf`` extra: ``pip install dutylist[pdf]``).

The reader finds tables by their ruling lines (pdfplumber), puts each character into its
cell, rebuilds the cell's paragraphs from the geometry of its lines
(:mod:`dutylist.io.pdf.layout`) and yields neutral :mod:`dutylist.parse.rows` blocks to
the one assembler. It knows nothing of duty lists, only of pages:

- a row cut by a page break is joined to the row it continues (the first row on the new
  page, or the last on the old one, has an empty first column), line by line, so a
  paragraph cut in two reads as one; a header row repeated at the top of a page is skipped;
- text outside the tables becomes paragraphs; page numbers are dropped, and running
  headers and footers (the same text in the page margin of several pages) are reported in
  :attr:`~dutylist.model.DutyList.unplaced`;
- text laid over the page — a watermark, the text of a seal (:mod:`dutylist.io.pdf.overlay`)
  — is kept out of the tables and reported in :attr:`~dutylist.model.DutyList.unplaced`;
- tables drawn without ruling lines are read by the alignment of their text
  (:mod:`dutylist.io.pdf.alignment`) when their columns are unambiguous.

Scanned pages (images without text), fonts whose text cannot be decoded (no ToUnicode
map), password-protected and damaged files are refused with a :class:`ReadError` or
:class:`FormatError` saying so.
"""

from __future__ import annotations

import contextlib
import io
import itertools
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

import attrs

from dutylist.errors import FormatError, ReadError
from dutylist.io.files import Source, read_source, source_name
from dutylist.io.pdf.cells import TableRow
from dutylist.io.pdf.layout import Box, Line, breaks_paragraph, paragraphs, pitch_of
from dutylist.io.pdf.page import PageContent, read_page
from dutylist.location import Location
from dutylist.messages import _
from dutylist.model import DutyList, Metadata, UnplacedText
from dutylist.parse.assemble import assemble
from dutylist.parse.rows import Block, Paragraph, Row, set_aside_once

if TYPE_CHECKING:
    from types import ModuleType

    from pdfplumber.pdf import PDF

EXTRA_HINT = "pip install 'dutylist[pdf]'"
"""How to install what the PDF reader needs."""
_UNREADABLE_SHARE = 0.05
"""Above this share of ``(cid:N)`` characters a PDF is refused rather than read as garbage."""
_HEADER_ROWS = 3
"""How many rows at the start of a table may be repeated on each page (title, header)."""
_HEADER_PAGES = 2
"""A margin text on at least this many pages is a running header or footer."""


_DAMAGE = (ValueError, KeyError, TypeError, AttributeError, AssertionError, IndexError)
"""What pdfminer raises, besides its own errors, on a damaged file."""


def _pdfplumber(where: Location) -> tuple[ModuleType, tuple[type[Exception], ...]]:
    """Return pdfplumber and the errors it raises on bad files, or say how to install it."""
    try:
        import pdfplumber  # noqa: PLC0415
        from pdfplumber.utils.exceptions import (  # noqa: PLC0415
            MalformedPDFException,
            PdfminerException,
        )
    except ImportError:
        message = _("读取 PDF 需要可选组件 dutylist[pdf]，请先安装：{hint}")
        raise ReadError(message.format(hint=EXTRA_HINT), where) from None
    import logging  # noqa: PLC0415 - about 10 ms at start-up; only PDF reading needs it

    # pdfminer logs what it repairs; a library must not print it (no handler: no output).
    logging.getLogger("pdfminer").addHandler(logging.NullHandler())
    return pdfplumber, (PdfminerException, MalformedPDFException, *_DAMAGE)


def _error(exc: Exception, where: Location) -> ReadError:
    """Return the error to raise for what pdfplumber or pdfminer raised."""
    cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
    kind = type(cause).__name__
    if "Password" in kind or "Encryption" in kind:
        message = _("PDF 文件设有打开密码，dutylist 无法读取；请提供未加密的文件")
        return ReadError(message, Location(file=where.file))
    return ReadError(_("PDF 文件已损坏，无法读取（{kind}）").format(kind=kind), where)


def _pages(data: bytes, name: str) -> list[PageContent]:
    where = Location(file=name)
    pdfplumber, errors = _pdfplumber(where)
    if b"%PDF-" not in data[:1024]:
        raise ReadError(_("不是 PDF 文件（缺少 %PDF 文件头）"), where)
    contents: list[PageContent] = []
    pdf: PDF | None = None
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        for number, page in enumerate(pdf.pages, start=1):
            before = contents[-1].columns if contents else None
            contents.append(read_page(page, number, name, before))
            page.close()
    except errors as exc:
        page_number = len(contents) + 1 if pdf is not None else None
        raise _error(exc, Location(file=name, page=page_number)) from None
    finally:
        if pdf is not None:
            # Closing a damaged file may raise again what reading it raised.
            with contextlib.suppress(*errors):
                pdf.close()
    return contents


def _refuse_unreadable(pages: Sequence[PageContent], name: str) -> None:
    """Raise when the PDF holds no text, or text that cannot be decoded."""
    total = sum(page.chars for page in pages)
    if total == 0:
        if any(page.images for page in pages):
            message = _("PDF 只有图片，没有文字层（扫描件）；dutylist 不支持文字识别（OCR）")
        else:
            message = _("PDF 中没有文字")
        raise FormatError(message, Location(file=name))
    unreadable = sum(page.unreadable for page in pages)
    if unreadable > _UNREADABLE_SHARE * total:
        first = next(page.number for page in pages if page.unreadable)
        raise FormatError(
            _(
                "PDF 的中文字体缺少 ToUnicode 映射，文字只能提取为 (cid:N) 编码，无法读取；"
                "请使用由原文档重新导出的 PDF"
            ),
            Location(file=name, page=first),
        )


@attrs.define
class _Stitcher:
    """Turn pages into blocks, joining rows cut by page breaks."""

    name: str
    pending: TableRow | None = None
    header: list[tuple[str, ...]] = attrs.Factory(list)
    """The first rows of the current table: rows a new page may repeat."""
    pitch: float | None = None
    filled: dict[int, list[int]] = attrs.Factory(dict)
    """Per number of cells: how many rows had text in each column."""

    def _row(self, row: TableRow) -> Row:
        cells = tuple(paragraphs(cell.lines, cell.box, self.pitch) for cell in row.cells)
        return Row(cells=cells, location=Location(file=self.name, page=row.page, row=row.index))

    def flush(self) -> Iterator[Block]:
        if self.pending is not None:
            yield self._row(self.pending)
            self.pending = None

    def _key_column(self, width: int) -> int:
        """Return the leftmost column that has text in most rows of this width."""
        counts = self.filled.get(width, [])
        most = max(counts, default=0)
        return next((i for i, count in enumerate(counts) if count >= 0.8 * most), 0)

    def _count(self, row: TableRow) -> None:
        counts = self.filled.setdefault(len(row.cells), [0] * len(row.cells))
        for index, cell in enumerate(row.cells):
            counts[index] += bool(cell.lines)

    def _continues(self, row: TableRow) -> bool:
        before = self.pending
        if before is None or before.page == row.page or not before.same_columns(row):
            return False
        key = self._key_column(len(row.cells))
        return not row.cells[key].lines or not before.cells[key].lines

    def page(self, page: PageContent) -> Iterator[Block]:
        """Yield the blocks of ``page``; the last table row is kept back (it may go on)."""
        rows = [block for block in page.blocks if isinstance(block, TableRow)]
        pitch = pitch_of([cell.lines for row in rows for cell in row.cells])
        self.pitch = pitch or self.pitch
        top = True  # nothing but table rows seen yet on this page
        loose: list[Line] = []
        last_table = -1
        for block in page.blocks:
            if isinstance(block, Line):
                loose.append(block)
                top = False
                continue
            if loose:
                yield from self.flush()
                yield from self._paragraphs(loose, page.box)
                loose = []
            texts = block.texts()
            first_of_table, last_table = block.table != last_table, block.table
            continuing = top and self.pending is not None  # the table goes on from a page before
            if continuing and texts in self.header:
                continue  # a header row repeated on the new page
            if continuing and self._continues(block):
                assert self.pending is not None  # noqa: S101 - checked by _continues
                for mine, more in zip(self.pending.cells, block.cells, strict=True):
                    if not more.repeated:
                        mine.lines += more.lines
                top = False
                continue
            top = False
            yield from self.flush()
            if first_of_table and not continuing:
                self.header = [texts]
            elif len(self.header) < _HEADER_ROWS:
                self.header.append(texts)
            self._count(block)
            self.pending = block
        if loose:
            yield from self.flush()
            yield from self._paragraphs(loose, page.box)

    def _paragraphs(self, found: list[Line], box: Box) -> Iterator[Paragraph]:
        text = found[0].text
        start = found[0]
        for before, after in itertools.pairwise(found):
            gap = after.top - before.bottom > before.size
            resized = abs(after.size - before.size) > 0.5
            if gap or resized or breaks_paragraph(before, after, box, None):
                yield Paragraph(text=text, location=Location(file=self.name, page=start.page))
                text, start = after.text, after
            else:
                text += after.text
        yield Paragraph(text=text, location=Location(file=self.name, page=start.page))


def _running_texts(pages: Sequence[PageContent], name: str) -> list[UnplacedText]:
    """Return the page headers and footers; margin text on one page only stays in the flow."""
    seen: dict[str, list[int]] = {}
    for page in pages:
        for line in page.margin:
            seen.setdefault(line.text, []).append(page.number)
    running = {
        text: [Location(file=name, page=number) for number in numbers]
        for text, numbers in seen.items()
        if len(numbers) >= _HEADER_PAGES
    }
    for page in pages:
        keep = [line for line in page.margin if line.text not in running]
        page.blocks = sorted([*page.blocks, *keep], key=lambda block: block.top)
    return set_aside_once(running, _("页眉或页脚（出现在 {count} 页上）"))


def _overlaid_texts(pages: Sequence[PageContent], name: str) -> list[UnplacedText]:
    """Return the text laid over the pages (watermarks, seals), once per distinct text."""
    seen: dict[str, list[Location]] = {}
    for page in pages:
        if page.overlay:
            seen.setdefault(" ".join(page.overlay), []).append(
                Location(file=name, page=page.number)
            )
    return set_aside_once(
        seen, _("叠加在页面上的文字（水印或印章，出现在 {count} 页上），未读入表格")
    )


def blocks(pages: Sequence[PageContent], name: str) -> Iterator[Block]:
    """Yield the neutral blocks of read pages, rows cut by page breaks joined."""
    stitcher = _Stitcher(name)
    for page in pages:
        yield from stitcher.page(page)
    yield from stitcher.flush()


def read_pdf(source: Source) -> DutyList:
    """Return the duty list in a PDF document (a path or a binary stream).

    Raises:
        ReadError: pdfplumber is not installed (``pip install dutylist[pdf]``), the file
            is missing, is not a PDF, is damaged or needs a password to open.
        FormatError: the PDF holds no text (scanned pages: OCR is not supported), its
            fonts cannot be decoded, it holds no tables, or no duty list is found in them.
    """
    name = source_name(source)
    pages = _pages(read_source(source), name)
    _refuse_unreadable(pages, name)
    running = [*_running_texts(pages, name), *_overlaid_texts(pages, name)]
    where = Location(file=name)
    if not any(page.tables for page in pages):
        # Without ruled tables, columns of text that cannot be told apart mean a table lost.
        ambiguous = next((page.ambiguous for page in pages if page.ambiguous), None)
        if ambiguous is not None:
            raise ambiguous
        if not any(page.aligned for page in pages):
            raise FormatError(_("PDF 中没有找到表格：dutylist 读取以表格排版的清单"), where)
    try:
        duty_list = assemble(blocks(pages, name), metadata=Metadata(source_file=_base(name)))
    except FormatError as exc:
        raise FormatError(exc.message, exc.location or where) from None
    if not duty_list.items:
        raise FormatError(_("PDF 的表格中没有找到清单事项"), where)
    notes = [
        _("第 {page} 页只有图片、没有文字（扫描页？），未读取").format(page=page.number)
        for page in pages
        if page.chars == 0 and page.images
    ]
    undecoded = [str(page.number) for page in pages if page.unreadable]
    if undecoded:
        notes.append(
            _("第 {pages} 页有字符因字体缺少 ToUnicode 映射无法解码，读作 (cid:N)").format(
                pages="、".join(undecoded)
            )
        )
    return attrs.evolve(
        duty_list,
        unplaced=(*running, *duty_list.unplaced),
        notes=(*duty_list.notes, *notes),
    )


def _base(name: str) -> str:
    return name.replace("\\", "/").rsplit("/", 1)[-1]
