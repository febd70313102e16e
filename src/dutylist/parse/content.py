"""Place columns whose header no vocabulary word names, by what their cells hold.

A column of small integers holds sequence numbers, a column of department lists holds
departments (all cells but one, or but one in five, so that a misspelt name does not
hide the column), a column of numbered clauses holds duties (or, in a recalled part, the
working method); the first column of plain text holds the item names. Headers that the
vocabulary does know keep their role: only the unknown columns are decided here.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from dutylist.model import PartKind
from dutylist.numerals import parse_int, split_number
from dutylist.parse.departments import names_departments
from dutylist.parse.vocabulary import Role, labels, squash

_MAX_ITEM_NUMBER = 9999
_NAME_LENGTH = 40
_FEW = 3
"""The fewest sample cells from which a column's majority says what it holds."""


@attrs.frozen
class Column:
    """How one column got its role."""

    header: str
    """The header as printed."""
    role: Role
    """The role decided."""
    reason: str
    """What decided: ``word:事项名称`` (a vocabulary word) or ``content:integers`` (the cells)."""


def _shape(values: Sequence[tuple[str, ...]]) -> str:
    """Return what a column's sample cells look like: empty, integers, departments and so on."""
    texts = ["\n".join(cell).strip() for cell in values]
    filled = [text for text in texts if text]
    if not filled:
        return "empty"
    if all(
        (number := parse_int(text)) is not None and 0 < number <= _MAX_ITEM_NUMBER
        for text in filled
    ):
        return "integers"
    if any(_recalled_label(text) for text in filled):
        return "receiving-and-method"
    departments = sum(1 for text in filled if names_departments(text.replace("\n", "、")))
    if departments == len(filled) or (
        # one name (one in five of many) may be misspelt (区应急居): still departments
        len(filled) >= _FEW
        and len(filled) - departments <= max(1, len(filled) // 5)
        and all(len(text) <= _NAME_LENGTH and "。" not in text for text in filled)
    ):
        return "departments"
    clauses = sum(
        1
        for cell in values
        if len([p for p in cell if p.strip()]) > 1 or split_number(cell[0] if cell else "")[0]
    )
    long_texts = sum(1 for text in filled if len(text) > _NAME_LENGTH or "。" in text)
    if clauses * 2 >= len(filled) or long_texts * 2 > len(filled):
        return "clauses"
    distinct = {squash(text) for text in filled}
    if len(filled) >= _FEW and len(distinct) * 2 <= len(filled):
        return "repeated"
    return "text"


def _recalled_label(text: str) -> bool:
    """Return True for a cell starting with a label such as ``承接部门：`` or ``工作方式：``."""
    found = labels()
    match = found.receiving.match(text) or found.method.match(text)
    return match is not None and ("：" in match.group() or ":" in match.group())


def place_columns(
    headers: Sequence[str],
    samples: Sequence[Sequence[tuple[str, ...]]],
    kind: PartKind | None,
) -> tuple[tuple[Column, ...], PartKind]:
    """Return each column's role and reason, and the part kind the columns make.

    ``headers`` are the header row's texts; ``samples`` are the first item rows, cells in
    the same order. ``kind`` is the part the table belongs to when a part title said so.
    """
    from dutylist.parse.vocabulary import kind_from_roles, vocabulary  # noqa: PLC0415

    words = vocabulary()
    roles: list[Role | None] = []
    reasons: list[str] = []
    for header in headers:
        found = words.match(header)
        roles.append(None if found is None else found[0])
        reasons.append("" if found is None else f"word:{found[1]}")
    width = len(headers)
    shapes = [
        _shape([row[index] if index < len(row) else () for row in samples])
        for index in range(width)
    ]
    unknown = [index for index in range(width) if roles[index] is None]
    taken = {role for role in roles if role is not None}

    def assign(index: int, role: Role) -> None:
        roles[index] = role
        reasons[index] = f"content:{shapes[index]}"
        taken.add(role)
        unknown.remove(index)

    for index in list(unknown):
        if shapes[index] == "integers" and Role.NUMBER not in taken:
            assign(index, Role.NUMBER)
        elif shapes[index] == "repeated" and Role.CATEGORY not in taken and Role.NAME not in taken:
            assign(index, Role.CATEGORY)
    for index in list(unknown):
        if shapes[index] in {"text", "repeated"} and Role.NAME not in taken:
            assign(index, Role.NAME)
    recalled = kind is PartKind.RECALLED or "receiving-and-method" in shapes
    recalled = recalled or bool(taken & {Role.RECEIVING, Role.WORKING_METHOD})
    for index in list(unknown):
        shape = shapes[index]
        if shape == "receiving-and-method" and Role.RECEIVING_AND_METHOD not in taken:
            assign(index, Role.RECEIVING_AND_METHOD)
        elif shape == "departments":
            role = Role.RECEIVING if recalled else Role.DEPARTMENTS
            if role not in taken:
                assign(index, role)
            elif role is Role.DEPARTMENTS and Role.ASSISTING_DEPARTMENTS not in taken:
                assign(index, Role.ASSISTING_DEPARTMENTS)
        elif shape == "clauses":
            order = (
                (Role.WORKING_METHOD,)
                if recalled
                else (Role.SUPERIOR_DUTIES, Role.LOCAL_DUTIES)
                if kind is not PartKind.BASIC
                and (Role.DEPARTMENTS in taken or kind is PartKind.COOPERATIVE)
                else ()
            )
            role_left = next((role for role in order if role not in taken), None)
            if role_left is not None:
                assign(index, role_left)
    for index in list(unknown):
        roles[index] = Role.EXTRA
        reasons[index] = f"content:{shapes[index]}"
    final = tuple(role or Role.EXTRA for role in roles)
    columns = tuple(
        Column(header.strip(), role, reason)
        for header, role, reason in zip(headers, final, reasons, strict=True)
    )
    return columns, kind_from_roles(final)
