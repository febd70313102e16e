"""What every table writer shares: a part's columns and the text of each cell.

The .docx and .xlsx writers lay a part out the same way: its printed columns (or the
usual ones), a 备注/履职依据 column added when items carry remarks or a basis the columns
lack, and the paragraphs of each cell written so that the readers get the item back.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from dutylist.model import (
    Category,
    Clause,
    CooperativeItem,
    Department,
    Item,
    Part,
    PartKind,
    RecalledItem,
)
from dutylist.parse.cells import DISCONTINUED_MARK, clause_paragraphs
from dutylist.parse.vocabulary import Role, header_role, squash, usual_columns
from dutylist.patterns import compile_on_use

_OWN_ROLES = {
    PartKind.BASIC: {Role.NUMBER, Role.NAME, Role.CATEGORY},
    PartKind.COOPERATIVE: {Role.NUMBER, Role.NAME, Role.CATEGORY, Role.DEPARTMENTS,
                           Role.ASSISTING_DEPARTMENTS, Role.SUPERIOR_DUTIES, Role.LOCAL_DUTIES},
    PartKind.RECALLED: {Role.NUMBER, Role.NAME, Role.CATEGORY, Role.RECEIVING,
                        Role.WORKING_METHOD, Role.RECEIVING_AND_METHOD},
}  # fmt: skip
_FIELD_COLUMNS = ((Role.REMARKS, "备注", "remarks"), (Role.BASIS, "履职依据", "basis"))
_UNTITLED_COLUMN = compile_on_use(r"^第([0-9]+)列$")


def part_columns(part: Part) -> tuple[str, ...]:
    """Return the header cells to write for ``part``, overflow columns not included."""
    columns = part.columns or usual_columns(part.kind)
    roles = {header_role(column) for column in columns}
    for role, header, field in _FIELD_COLUMNS:
        if role not in roles and any(getattr(item, field) for item in part.items):
            columns = (*columns, header)
    return columns


def column_roles(part: Part, columns: Sequence[str]) -> tuple[Role, ...]:
    """Return the role of each column; a role repeated or foreign to the part is ``EXTRA``."""
    own = _OWN_ROLES[part.kind] | {Role.REMARKS, Role.BASIS}
    seen: set[Role] = set()
    roles = []
    for column in columns:
        role = header_role(column) or Role.EXTRA
        if role not in own or role in seen:
            role = Role.EXTRA
        seen.add(role)
        roles.append(role)
    if Role.ASSISTING_DEPARTMENTS in seen and Role.DEPARTMENTS not in seen:
        roles = [Role.DEPARTMENTS if r is Role.ASSISTING_DEPARTMENTS else r for r in roles]
    return tuple(roles)


def category_headings(part: Part, *, category_column: bool) -> Iterator[tuple[Category, bool]]:
    """Yield each category of ``part`` and whether its heading needs a merged row of its own.

    A 类别 column carries the heading; a row is needed only where it cannot: without such
    a column, for a category without items, for a heading with spaces around it, and for
    a heading the same as the one before (the two categories would read as one).
    """
    previous = ""
    for category in part.categories:
        heading = category.heading
        needs_row = not category_column or (
            not category.items or heading != heading.strip() or squash(heading) == previous
        )
        yield category, needs_row and bool(heading.strip())
        previous = squash(heading)


def overflow(part: Part, width: int) -> int:
    """Return how many cells beyond the ``width`` header cells items have (``第6列`` …)."""
    numbers = [
        int(match.group(1))
        for item in part.items
        for key in item.extra
        if (match := _UNTITLED_COLUMN.match(key)) is not None
    ]
    return max([0, *(number - width for number in numbers)])


def department_text(departments: Sequence[Department], *, marks: bool = True) -> str:
    """Return departments as printed in one cell: ``区财政局、区应急局牵头``."""
    return "、".join(d.name + ("牵头" if d.lead and marks else "") for d in departments)


def _is_discontinued_line(clause: Clause) -> bool:
    return (
        clause.number is None
        and clause.department is None
        and DISCONTINUED_MARK in clause.printable
        and clause.printable == clause.printable.lstrip(" \u3000\t")
    )


def _receiving_and_method(item: RecalledItem) -> list[str]:
    method = list(item.working_method)
    method_line = "工作方式："
    if method and _is_discontinued_line(method[0]):
        method_line += method.pop(0).printable
    return [
        "承接部门：" + department_text(item.receiving_departments),
        method_line,
        *clause_paragraphs(method),
    ]


def lines(text: str) -> list[str]:
    """Return the paragraphs of a multi-line field."""
    return text.split("\n")


def cell_paragraphs(
    item: Item, role: Role, extra_key: str, heading: str, roles: Sequence[Role] = ()
) -> list[str]:
    """Return the paragraphs of the cell of ``item`` in a column of ``role``.

    ``roles`` are all the table's column roles: beside an assisting-departments column
    the departments column holds only the lead departments (without ``牵头``).
    """
    if role is Role.NUMBER:
        return lines(item.printed_number)
    if role is Role.NAME:
        return lines(item.name)
    if role is Role.CATEGORY:
        return [heading]
    if role is Role.REMARKS:
        return lines(item.remarks)
    if role is Role.BASIS:
        return lines(item.basis)
    if isinstance(item, CooperativeItem):
        split = Role.ASSISTING_DEPARTMENTS in roles
        if role is Role.DEPARTMENTS:
            chosen = [d for d in item.departments if d.lead] if split else item.departments
            return [department_text(chosen, marks=not split)]
        if role is Role.ASSISTING_DEPARTMENTS:
            return [department_text([d for d in item.departments if not d.lead])]
        if role is Role.SUPERIOR_DUTIES:
            return clause_paragraphs(item.superior_duties)
        if role is Role.LOCAL_DUTIES:
            return clause_paragraphs(item.local_duties)
    if isinstance(item, RecalledItem):
        if role is Role.RECEIVING_AND_METHOD:
            return _receiving_and_method(item)
        if role is Role.RECEIVING:
            return [department_text(item.receiving_departments)]
        if role is Role.WORKING_METHOD:
            return clause_paragraphs(item.working_method)
    return lines(item.extra.get(extra_key, ""))
