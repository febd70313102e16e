"""The drafts the assembler fills while it reads: parts and categories, still mutable.

:func:`finish_part` freezes a draft into the model's :class:`~dutylist.model.Part`.
"""

from __future__ import annotations

import attrs

from dutylist.location import Location
from dutylist.model import Category, Item, Part, PartKind
from dutylist.parse.vocabulary import Heading, Role


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
