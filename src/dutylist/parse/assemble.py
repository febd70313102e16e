"""Turn any reader's neutral blocks into a :class:`~dutylist.model.DutyList`.

This is the one place that understands how a list is laid out: the title and front
matter, part titles, header rows (recognised by column names, in any order), category
rows (merged rows or a 类别 column), and item rows. Readers for .docx, text and other
formats only produce :mod:`dutylist.parse.rows` blocks.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import attrs

from dutylist.departments.context import office_of_title
from dutylist.errors import FormatError
from dutylist.location import Location
from dutylist.messages import N_, _
from dutylist.model import (
    DutyList,
    Metadata,
    PartKind,
    UnplacedText,
)
from dutylist.parse.asides import (
    grouped_headers,
    is_column_numbers,
    is_notes_label,
    is_totals_row,
)
from dutylist.parse.columns import cells_by_column
from dutylist.parse.content import Column, place_columns
from dutylist.parse.drafts import (
    CategoryDraft,
    PartDraft,
    extra_header,
    finish_part,
    split_preamble,
)
from dutylist.parse.items import Cells, build_item, continues, merge_rows
from dutylist.parse.reading import Reading, TableReading, record
from dutylist.parse.rows import AnyBlock, Aside, Paragraph, Row
from dutylist.parse.vocabulary import (
    Heading,
    Role,
    header_role,
    is_header_row,
    is_page_marker,
    looks_like_header,
    parse_category_heading,
    part_kind_of_title,
    squash,
    usual_columns,
)


@cache
def _default_roles(kind: PartKind) -> tuple[Role, ...]:
    """Return the columns assumed for a part whose header row is missing: the usual ones."""
    return tuple(header_role(header) or Role.EXTRA for header in usual_columns(kind))


_SAMPLE_ROWS = 6
"""Item rows read before the columns of an unknown header are decided by their content."""


@attrs.define
class _Pending:
    """A header row whose unknown columns wait for item rows to show what they hold."""

    texts: tuple[str, ...]
    location: Location
    blocks: list[AnyBlock] = attrs.Factory(list)
    samples: list[tuple[tuple[str, ...], ...]] = attrs.Factory(list)


@attrs.define
class _Assembler:
    preamble: list[str] = attrs.Factory(list)
    parts: list[PartDraft] = attrs.Factory(list)
    unplaced: list[UnplacedText] = attrs.Factory(list)
    tables: list[TableReading] = attrs.Factory(list)
    headings: list[tuple[PartKind, str, Location | None]] = attrs.Factory(list)
    pending: _Pending | None = None
    notes: bool = False
    """True after a notes label (说明：) until the next part, header or item row."""
    numbered_notes: bool = False
    """True once a line of the notes was numbered like a heading (一、本清单…)."""
    item_rows: list[list[tuple[str, ...]]] = attrs.Factory(list)
    """The cells of the rows the last item was printed over."""

    @property
    def part(self) -> PartDraft | None:
        return self.parts[-1] if self.parts else None

    def feed(self, block: AnyBlock) -> None:
        if self.pending is not None and self._wait(self.pending, block):
            return
        if isinstance(block, Paragraph):
            self._paragraph(block)
        elif isinstance(block, Aside):
            self._unplace(block.text, block.reason, block.location)
        else:
            self._row(block)

    def _wait(self, pending: _Pending, block: AnyBlock) -> bool:
        """Buffer ``block`` while a header waits for samples; return False once decided."""
        if isinstance(block, Row) and not block.gridless:
            texts = block.texts()
            filled = [text for text in texts if text.strip()]
            merged = len({squash(text) for text in filled}) <= 1
            if looks_like_header(texts) or (merged and part_kind_of_title(filled[0])):
                self._decide(pending)  # the next table or part begins
                return False
            if len(filled) >= 2 and not merged:
                pending.samples.append(block.cells)
            pending.blocks.append(block)
            if len(pending.samples) >= _SAMPLE_ROWS:
                self._decide(pending)
            return True
        if isinstance(block, Paragraph) and part_kind_of_title(block.text) is None:
            pending.blocks.append(block)
            return True
        if isinstance(block, Aside):
            pending.blocks.append(block)
            return True
        self._decide(pending)
        return False

    def _decide(self, pending: _Pending) -> None:
        self.pending = None
        part = self.part
        hint = part.kind if part is not None and not part.has_items else None
        columns, kind = place_columns(pending.texts, pending.samples, hint)
        roles = tuple(column.role for column in columns)
        if Role.NAME not in roles:
            raise FormatError(
                _("无法读取该表格：没有事项名称列（表头：{header}）").format(
                    header=" | ".join(text.strip() for text in pending.texts)
                ),
                pending.location,
            )
        self._use_header(pending.texts, columns, hint or kind, pending.location)
        for block in pending.blocks:
            self.feed(block)

    def _paragraph(self, block: Paragraph) -> None:
        text = block.text.strip(" \u3000\t\r\n")
        if not text or is_page_marker(text):
            return
        kind = part_kind_of_title(text)
        if kind is not None:
            self._start_part(kind, text, block.location)
            return
        if self.part is None:
            self.preamble.append(text)
            return
        if self._note(block.text, block.location):
            return
        heading = parse_category_heading(text)
        if heading is not None:
            self._start_category(heading, block.text, block.location)
            return
        self._unplace(block.text, N_("不属于该部分任何事项的文字"), block.location)

    def _note(self, text: str, location: Location) -> bool:
        """Keep ``text`` as a note when it starts notes (说明：) or follows their start.

        A category heading with its count (notes have none), or with the next ordinal
        when the notes are not numbered alike, ends the notes.
        """
        if self.notes and self.part is not None:
            heading = parse_category_heading(text, loose=True)
            strict = parse_category_heading(text)
            counted = heading is not None and heading.declared_count is not None
            follows = strict is not None and not self.numbered_notes and self.part.follows(strict)
            self.numbered_notes |= strict is not None and strict.ordinal is not None
            self.notes = not (counted or follows)
        else:
            self.notes = is_notes_label(text)
            self.numbered_notes = False
        if self.notes:
            self._unplace(text, N_("说明文字：不是事项或类别"), location)
        return self.notes

    def _start_part(self, kind: PartKind, title: str, location: Location) -> None:
        self.notes, self.item_rows = False, []
        part = self.part
        if part is not None and part.kind is kind:
            if not part.title:
                part.title = title
            return  # a part title repeated before a continued table
        self.parts.append(PartDraft(kind=kind, title=title, source=location))

    def _start_category(
        self, heading: Heading, printed: str, location: Location, *, row: bool = True
    ) -> None:
        self.item_rows = []
        if self.part is not None:  # callers check; kept total for safety
            self.part.headed |= row
            self.part.categories.append(CategoryDraft(heading, printed, location))
            if printed:
                self.headings.append((self.part.kind, printed, location))

    def _unplace(self, text: str, reason: str, location: Location) -> None:
        self.unplaced.append(UnplacedText(text=text, reason=reason, location=location))

    def _row(self, row: Row) -> None:
        part = self.parts[-1] if self.parts else None
        if part is not None and not row.gridless and part.numbers(row.cells):
            if is_column_numbers(row.cells):  # 1 | 2 | 3 … under the header
                self._unplace(" | ".join(row.texts()), N_("列序号行：不是事项"), row.location)
            else:
                self._item_row(part, row)  # the common case, decided cheaply
            return
        texts = row.texts()
        filled = [text for text in texts if text.strip(" \u3000\t\n")]
        if not filled:
            return
        if (
            not row.gridless
            and len({squash(text) for text in filled}) == 1
            and (len(row.cells) == 1 or len(filled) == len(texts))
        ):
            self._merged_row(filled[0], row.location)
            return
        if (
            not row.gridless
            and len(filled) == 1
            and (
                self.part is None  # a title before the list, in one cell of a wider row
                or self.notes
                or is_notes_label(filled[0])
                or part_kind_of_title(filled[0]) is not None
                or parse_category_heading(filled[0]) is not None
                or self.part.lone_heading(filled[0], texts)
            )
        ):
            self._merged_row(filled[0], row.location)  # a heading or a note in one cell
            return
        if not row.gridless and is_totals_row(texts):
            self._unplace(" | ".join(filled), N_("合计行：不是事项"), row.location)
            return
        heading = (
            None if row.gridless or len(filled) != 2 or part is None else part.heading_over(texts)
        )
        if heading is not None:
            self._merged_row(heading, row.location)  # 一 | 党的建设（3项）
            return
        if not row.gridless and self._is_header(part, texts, row):
            self._header_row(texts, row.location)
            return
        part = self.part
        if part is None:
            self._unplace(" | ".join(texts), N_("第一部分之前的表格行"), row.location)
            return
        if not part.roles:
            part.set_columns(part.columns, _default_roles(part.kind))
        self._item_row(part, row)

    def _is_header(self, part: PartDraft | None, texts: tuple[str, ...], row: Row) -> bool:
        if is_header_row(texts):
            return True
        if not looks_like_header(texts):
            return False
        if part is not None and part.roles and part.same_header(texts):
            return True
        return part is None or not part.roles or row.location.row == 1

    def _merged_row(self, text: str, location: Location) -> None:
        kind = part_kind_of_title(text)
        if kind is not None:
            self._start_part(kind, text.strip(), location)
            return
        if self.part is not None and self._note(text, location):
            return
        heading = parse_category_heading(
            text, loose=self.part is not None and bool(self.part.roles)
        )
        if heading is not None and self.part is not None:
            self._start_category(heading, text, location)
            return
        if is_page_marker(text):
            return
        if self.part is None:
            self.preamble.append(text.strip())
            return
        self._unplace(text, N_("既不是部分标题也不是类别的合并行"), location)

    def _header_row(self, texts: tuple[str, ...], location: Location) -> None:
        self.notes, self.item_rows = False, []
        part = self.part
        if part is not None and part.roles and not part.has_items:
            texts = grouped_headers(part.columns, texts)  # a two-row header's second row
        if part is not None and part.roles and part.same_header(texts):
            return  # a header row repeated on a new page or table
        if any(header_role(text) is None for text in texts if text.strip()):
            self.pending = _Pending(texts, location)
            return
        hint = part.kind if part is not None and not part.has_items else None
        columns, kind = place_columns(texts, (), hint)
        self._use_header(texts, columns, kind, location)

    def _use_header(
        self, texts: tuple[str, ...], columns: tuple[Column, ...], kind: PartKind, where: Location
    ) -> None:
        roles = tuple(column.role for column in columns)
        part = self.part
        if part is None or (part.has_items and part.kind is not kind):
            part = PartDraft(kind=kind, title="", source=where)
            self.parts.append(part)
        if not part.roles or not part.has_items:
            part.set_columns(tuple(text.strip() for text in texts), roles)
        self.tables.append(TableReading(where, part.kind, columns))

    def _item_row(self, part: PartDraft, row: Row) -> None:
        self.notes = False
        cells = cells_by_column(row, part.roles)
        column_of = part.column_of
        category = column_of.get(Role.CATEGORY)
        category_text = "\n".join(cells[category]).strip() if category is not None else ""
        if category_text and not part.headed:
            current = part.categories[-1] if part.categories else None
            if current is None or squash(current.printed) != squash(category_text):
                heading = parse_category_heading(category_text, loose=True) or Heading(
                    ordinal=None, title=category_text, declared_count=None
                )
                self._start_category(heading, category_text, row.location, row=False)
        if not part.categories:
            empty = Heading(ordinal=None, title="", declared_count=None)
            self._start_category(empty, "", row.location, row=False)
        items = part.categories[-1].items
        rows = self.item_rows
        if not (rows and not row.gridless and continues(rows[-1], cells, column_of)):
            rows.clear()  # a new item, else one printed over several rows (a row each department)
        rows.append(cells)
        cells = merge_rows(rows, column_of) if len(rows) > 1 else cells
        extra = {header: "\n".join(cells[index]) for index, header in part.extra_columns}
        if category is not None and category_text and part.headed:  # a 类型 column
            extra[part.columns[category]] = "\n".join(cells[category])
        for index in range(len(part.roles), len(cells)):
            extra[extra_header(part.columns, index)] = "\n".join(cells[index])
        where = (items.pop().source or row.location) if len(rows) > 1 else row.location
        items.append(build_item(part.kind, Cells(cells, column_of), extra, where))

    def finish(self, metadata: Metadata) -> DutyList:
        if self.pending is not None:
            self._decide(self.pending)
        if not self.parts:
            raise FormatError(_("没有找到事项清单：未识别出任何部分标题、表头行或事项行"))
        title, front_matter = split_preamble(self.preamble)
        return DutyList(
            title=title,
            office=office_of_title(title),
            metadata=metadata,
            front_matter=front_matter,
            parts=tuple(finish_part(part) for part in self.parts),
            unplaced=tuple(self.unplaced),
        )


def assemble(blocks: Iterable[AnyBlock], *, metadata: Metadata | None = None) -> DutyList:
    """Return the duty list made of a reader's blocks.

    Raises:
        FormatError: nothing in the blocks looks like a duty list, or a table has no
            column of item names (the message names the table and row).
    """
    return assemble_reading(blocks, metadata=metadata)[0]


def assemble_reading(
    blocks: Iterable[AnyBlock], *, metadata: Metadata | None = None
) -> tuple[DutyList, Reading]:
    """Return the duty list made of a reader's blocks and how its tables were understood.

    Raises:
        FormatError: as :func:`assemble`.
    """
    assembler = _Assembler()
    for block in blocks:
        assembler.feed(block)
    duty_list = assembler.finish(metadata or Metadata())
    reading = Reading(tuple(assembler.tables), tuple(assembler.headings))
    record(reading)
    return duty_list, reading
