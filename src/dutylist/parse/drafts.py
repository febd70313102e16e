"""The drafts the assembler fills while it reads: parts and categories, still mutable.

:func:`finish_part` freezes a draft into the model's :class:`~dutylist.model.Part`;
:func:`split_preamble` tells the list's title from the rest of the text before the first part.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from dutylist.location import Location
from dutylist.model import Category, Item, Part, PartKind
from dutylist.parse.asides import is_notes_label, split_heading
from dutylist.parse.vocabulary import (
    Heading,
    Role,
    is_toc_line,
    parse_category_heading,
    squash,
)
from dutylist.patterns import compile_on_use


@attrs.define
class CategoryDraft:
    """A category being filled: its heading and the items read so far."""

    heading: Heading
    printed: str
    source: Location | None
    items: list[Item] = attrs.Factory(list)


@attrs.define
class PartDraft:
    """A part being filled: its columns, what each column holds, its categories."""

    kind: PartKind
    title: str
    source: Location | None
    columns: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    categories: list[CategoryDraft] = attrs.Factory(list)
    extra_columns: tuple[tuple[int, str], ...] = ()
    """Index and header of the columns this kind of part has no field for (kept in ``extra``)."""
    column_of: dict[Role, int] = attrs.Factory(dict)
    """The column of each role (the first one; a repeated role's other columns go to extra)."""
    number_column: int | None = None
    """The first column of sequence numbers."""
    headed: bool = False
    """True once a heading row started one of its categories: a 类别 column beside such
    rows (类型 公共服务) is an attribute of the items, kept in their ``extra``."""

    def set_columns(self, columns: tuple[str, ...], roles: tuple[Role, ...]) -> None:
        """Take ``columns`` (header texts) and ``roles`` (what each holds) as the part's."""
        if Role.ASSISTING_DEPARTMENTS in roles and Role.DEPARTMENTS not in roles:
            roles = tuple(
                Role.DEPARTMENTS if role is Role.ASSISTING_DEPARTMENTS else role for role in roles
            )
        self.columns, self.roles = columns, roles
        fields = ROLES_OF[self.kind]
        self.column_of = {}
        for index, role in enumerate(roles):
            if role in fields:
                self.column_of.setdefault(role, index)
        self.extra_columns = tuple(
            (i, extra_header(columns, i))
            for i, role in enumerate(roles)
            if self.column_of.get(role) != i
        )
        self.number_column = self.column_of.get(Role.NUMBER)

    def numbers(self, cells: Sequence[tuple[str, ...]]) -> bool:
        """Return True when a row's number cell holds a plain number (an item row)."""
        column = self.number_column
        if column is None or len(cells) < len(self.roles):
            return False
        cell = cells[column]
        return len(cell) == 1 and cell[0].strip().isdigit()

    def same_header(self, texts: Sequence[str]) -> bool:
        """Return True when ``texts`` repeat the part's header row (a continued table)."""
        return [squash(text) for text in texts] == [squash(column) for column in self.columns]

    def lone_heading(self, text: str, texts: Sequence[str]) -> bool:
        """Return True when ``text``, a row's one filled cell, is a loose category heading.

        Some offices type the heading into one cell (序号 or 事项名称) and leave the others
        empty instead of merging them. A loose heading (``1.党的建设``, ``党的建设（3项）``)
        needs its ordinal or count, unless it stands in the 序号 column: an item without a
        number is not a heading.
        """
        heading = parse_category_heading(text, loose=True) if self.roles else None
        if heading is None:
            return False
        column = self.number_column
        in_number_column = column is not None and column < len(texts) and texts[column] == text
        return in_number_column or heading.ordinal is not None or heading.declared_count is not None

    def follows(self, heading: Heading) -> bool:
        """Return True when ``heading``'s ordinal follows the last category's."""
        last = self.categories[-1].heading.ordinal if self.categories else None
        return last is not None and heading.ordinal == last + 1

    def heading_over(self, texts: Sequence[str]) -> str | None:
        """Return the heading of a row holding only an ordinal (序号) and a title (名称)."""
        number, name = self.number_column, self.column_of.get(Role.NAME)
        if number is None or name is None or max(number, name) >= len(texts):
            return None
        return split_heading(texts[number], texts[name])

    @property
    def has_items(self) -> bool:
        """Return True once an item has been read into the part."""
        return any(category.items for category in self.categories)


_COMMON_ROLES = (Role.NUMBER, Role.NAME, Role.CATEGORY, Role.REMARKS, Role.BASIS)
ROLES_OF: dict[PartKind, frozenset[Role]] = {
    PartKind.BASIC: frozenset(_COMMON_ROLES),
    PartKind.COOPERATIVE: frozenset(
        [
            *_COMMON_ROLES,
            Role.DEPARTMENTS,
            Role.ASSISTING_DEPARTMENTS,
            Role.SUPERIOR_DUTIES,
            Role.LOCAL_DUTIES,
        ]
    ),
    PartKind.RECALLED: frozenset(
        [*_COMMON_ROLES, Role.RECEIVING, Role.WORKING_METHOD, Role.RECEIVING_AND_METHOD]
    ),
}


def extra_header(columns: tuple[str, ...], index: int) -> str:
    """Return the header of column ``index`` kept in ``extra`` (第3列 when it has none)."""
    if index < len(columns) and columns[index].strip():
        return columns[index].strip()
    return f"第{index + 1}列"


def finish_part(part: PartDraft) -> Part:
    """Return the finished, frozen part of a draft."""
    return Part(
        kind=part.kind,
        title=part.title,
        columns=part.columns,
        categories=tuple(
            Category(
                ordinal=draft.heading.ordinal,
                title=draft.heading.title,
                heading=draft.printed,
                declared_count=draft.heading.declared_count,
                items=tuple(draft.items),
                source=draft.source,
            )
            for draft in part.categories
        ),
        source=part.source,
    )


_TITLE_SEARCH = 6
"""Lines of the preamble searched for the title's last line (ending in 清单)."""
_NOT_IN_TITLE = compile_on_use(r"[。；;：:，,]|^封面$")
"""A sentence or a label (a notes label is told by :func:`is_notes_label`), or a cover's."""
_PAGE_LINE = compile_on_use(r"[>|【】]|[：:]\S*\s+\S+[：:]")
"""A web page's own line: a breadcrumb (``>``), a menu (``|``, ``【打印】``), or labels
(``来源：… 发布时间：…``)."""


def _in_title(line: str) -> bool:
    stripped = line.strip()
    return not (
        _NOT_IN_TITLE.search(stripped) or is_notes_label(stripped) or _PAGE_LINE.search(line)
    )


def split_preamble(preamble: list[str]) -> tuple[str, tuple[str, ...]]:
    """Return the title and the rest of the preamble.

    The title is the first line ending in 清单 with the lines just above it that start it
    (a title broken over lines), never a note (``说明``, a sentence) nor a web page's own
    line (首页 > 信息公开 > …, 来源：… 发布时间：…, 【打印】): those stay in the front
    matter. Without such a line, the title is the first line that is not the page's own.
    """
    lines = [line for line in preamble if line.strip()]
    candidates = [index for index, line in enumerate(lines) if not is_toc_line(line)]
    if not candidates:
        return "", tuple(lines)
    first = candidates[0]
    own = [index for index in candidates if not _PAGE_LINE.search(lines[index])]
    for end in own[:_TITLE_SEARCH]:
        if not lines[end].rstrip().endswith("清单") or not _in_title(lines[end]):
            continue
        start = end
        while start > max(first, end - 2) and start - 1 in candidates:
            if not _in_title(lines[start - 1]):
                break
            start -= 1
        return "".join(lines[start : end + 1]), tuple(lines[:start] + lines[end + 1 :])
    first = own[0] if own else first
    return lines[first], tuple(lines[:first] + lines[first + 1 :])
