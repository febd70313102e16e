"""Build one item from the cells of its row, looked up by column role.

The assembler (:mod:`dutylist.parse.assemble`) finds the rows and their columns; this
module knows what each role's cell means: department lists (with lead flags, from one
column or from a lead and an assisting column), numbered clauses, the combined
承接部门及工作方式 cell, remarks and legal basis.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

import attrs

from dutylist.location import Location
from dutylist.model import (
    BasicItem,
    Clause,
    CooperativeItem,
    Department,
    Item,
    PartKind,
    RecalledItem,
)
from dutylist.numerals import MAX_DIGITS, parse_int
from dutylist.parse.cells import DISCONTINUED_MARK, parse_clauses
from dutylist.parse.departments import names_departments, parse_departments
from dutylist.parse.vocabulary import Role, labels
from dutylist.patterns import compile_on_use


class Cells:
    """The cells of an item row, looked up by role."""

    __slots__ = ("cells", "column_of")

    def __init__(self, cells: list[tuple[str, ...]], column_of: dict[Role, int]) -> None:
        """Hold ``cells`` (one per column) and the column of each role."""
        self.cells = cells
        self.column_of = column_of

    def __contains__(self, role: Role) -> bool:
        """Return True when the part has a column of ``role``."""
        return role in self.column_of

    def get(self, role: Role) -> tuple[str, ...]:
        """Return the paragraphs of the role's cell (none when the part has no such column)."""
        column = self.column_of.get(role)
        return () if column is None else self.cells[column]


Cell = tuple[str, ...]


def _text(cell: Sequence[str]) -> str:
    if len(cell) == 1:
        return cell[0].strip(" \u3000\t").strip("\n")
    return "\n".join(paragraph.strip(" \u3000\t") for paragraph in cell).strip("\n")


def _lines(cell: Sequence[str]) -> str:
    return cell[0] if len(cell) == 1 else "\n".join(cell)


_DECORATED_NUMBER = compile_on_use(
    r"^(?:[（(][ \u3000]*(?P<bracketed>[0-9０-９]+)[ \u3000]*[)）]|(?P<dotted>[0-9０-９]+)[.、．])$"
)
"""A sequence number printed with a separator or in brackets: ``1.``, ``1、``, ``（1）``."""


def _parse_number(printed: str) -> int | None:
    if printed.isascii() and printed.isdigit() and len(printed) <= MAX_DIGITS:
        return int(printed)
    decorated = _DECORATED_NUMBER.match(printed)
    if decorated is not None:  # the printed form stays in number_text
        return parse_int(decorated.group("bracketed") or decorated.group("dotted"))
    return parse_int(printed)


def build_item(kind: PartKind, cells: Cells, extra: Mapping[str, str], where: Location) -> Item:
    """Return the item of a ``kind`` part whose row holds ``cells``.

    ``extra`` holds the row's columns that have no field (header → text).
    """
    printed_number = _text(cells.get(Role.NUMBER))
    number = _parse_number(printed_number)
    number_text = "" if number is not None and str(number) == printed_number else printed_number
    name = _text(cells.get(Role.NAME))
    remarks = _text(cells.get(Role.REMARKS))
    basis = _text(cells.get(Role.BASIS))
    if kind is PartKind.BASIC:
        return BasicItem(
            number=number,
            number_text=number_text,
            name=name,
            remarks=remarks,
            basis=basis,
            extra=extra,
            source=where,
        )
    if kind is PartKind.COOPERATIVE:
        departments = _departments(cells)
        known = _names(departments)
        return CooperativeItem(
            number=number,
            number_text=number_text,
            name=name,
            departments=departments,
            superior_duties=parse_clauses(cells.get(Role.SUPERIOR_DUTIES), known),
            local_duties=parse_clauses(cells.get(Role.LOCAL_DUTIES), known),
            remarks=remarks,
            basis=basis,
            extra=extra,
            source=where,
        )
    if Role.RECEIVING_AND_METHOD in cells:
        receiving_text, method_cell, labelled = _split_receiving_and_method(
            cells.get(Role.RECEIVING_AND_METHOD)
        )
    else:
        receiving_text = _strip_label(_text(cells.get(Role.RECEIVING)), labels().receiving)
        method_cell = _strip_first_label(cells.get(Role.WORKING_METHOD), labels().method)
        labelled = None
    receiving = parse_departments(receiving_text)
    method = parse_clauses(method_cell, _names(receiving))
    return RecalledItem(
        number=number,
        number_text=number_text,
        name=name,
        receiving_departments=receiving,
        working_method=method,
        discontinued=_is_discontinued(method),
        method_labelled=labelled,
        remarks=remarks,
        basis=basis,
        extra=extra,
        source=where,
    )


_BLOCKS = {
    Role.SUPERIOR_DUTIES: Role.DEPARTMENTS,
    Role.LOCAL_DUTIES: Role.DEPARTMENTS,
    Role.WORKING_METHOD: Role.RECEIVING,
}
"""Duty columns, and the column naming the department each row's duties belong to."""


def continues(previous: Sequence[Cell], cells: Sequence[Cell], column_of: dict[Role, int]) -> bool:
    """Return True when an item row goes on with the item of the row above.

    An item printed over several rows (a row per department) has its 序号 and 事项名称
    cells merged down, read as the same text in each row, or left blank below the first.
    A row repeating the one above in every cell is no continuation but a duplicate.
    """
    if Role.NAME not in column_of:
        return False
    keys = [column_of[role] for role in (Role.NUMBER, Role.NAME) if role in column_of]
    texts = [_text(cells[index]) if index < len(cells) else "" for index in keys]
    if any(texts) and texts != [
        _text(previous[index]) if index < len(previous) else "" for index in keys
    ]:
        return False  # the usual row: an item of its own (decided before comparing rows)
    if list(previous) == list(cells):
        return False
    if not any(texts):  # blank below the first row
        return any(_text(cell) for cell in cells)
    return True


def merge_rows(rows: Sequence[Sequence[Cell]], column_of: dict[Role, int]) -> list[Cell]:
    """Return the cells of one item printed over ``rows``, a row per department.

    A cell merged down (the same text in consecutive rows) is read once; different cells
    are joined, and a duty column whose rows differ gets each row's block headed by the
    row's department (``区财政局：``), as a shared duty cell is printed.
    """
    role_of = {index: role for role, index in column_of.items()}
    merged: list[Cell] = []
    for index in range(max(len(row) for row in rows)):
        blocks: list[tuple[Sequence[Cell], Cell]] = []
        for row in rows:
            cell = row[index] if index < len(row) else ()
            if _text(cell) and (not blocks or blocks[-1][1] != cell):
                blocks.append((row, cell))
        block_role = _BLOCKS.get(role_of.get(index, Role.EXTRA))
        owner = column_of.get(block_role) if block_role is not None else None
        paragraphs: list[str] = []
        for row, cell in blocks:
            named = parse_departments(_lines(row[owner])) if owner is not None else ()
            if len(blocks) > 1 and len(named) == 1:
                paragraphs.append(f"{named[0].name}：")
            paragraphs += cell
        merged.append(tuple(paragraphs))
    return merged


def _departments(cells: Cells) -> tuple[Department, ...]:
    """Return the departments of a cooperative row, lead flags and all.

    Beside an assisting column (配合部门), the departments column names the lead ones.
    """
    departments = parse_departments(_lines(cells.get(Role.DEPARTMENTS)))
    if Role.ASSISTING_DEPARTMENTS not in cells:
        return departments
    lead = tuple(attrs.evolve(department, lead=True) for department in departments)
    assisting = parse_departments(_lines(cells.get(Role.ASSISTING_DEPARTMENTS)))
    return lead + tuple(attrs.evolve(department, lead=False) for department in assisting)


def _names(departments: tuple[Department, ...]) -> tuple[str, ...]:
    return tuple([department.name for department in departments])


def _strip_label(text: str, label: re.Pattern[str]) -> str:
    return label.sub("", text, count=1)


def _strip_first_label(cell: Sequence[str], label: re.Pattern[str]) -> tuple[str, ...]:
    paragraphs = list(cell)
    for index, paragraph in enumerate(paragraphs):
        if paragraph.strip(" \u3000\t"):
            paragraphs[index] = label.sub("", paragraph, count=1)
            break
    return tuple(paragraphs)


def _split_receiving_and_method(
    cell: Sequence[str],
) -> tuple[str, tuple[str, ...], bool | None]:
    """Return the receiving departments' text, the method paragraphs and the label flag.

    The flag says whether the method carried its 工作方式 label; it is None when the
    cell has no method at all.
    """
    receiving: list[str] = []
    method: list[str] = []
    labelled = False
    state = ""
    found = labels()
    for paragraph in _split_inline_method_label(cell):
        if not paragraph.strip(" \u3000\t"):
            continue
        if found.receiving.match(paragraph):
            state = "receiving"
            receiving.append(_strip_label(paragraph, found.receiving))
        elif found.method.match(paragraph):
            state = "method"
            labelled = True
            rest = _strip_label(paragraph, found.method)
            if rest.strip(" \u3000\t"):
                method.append(rest)
        elif state == "receiving" and not method and names_departments(paragraph):
            receiving.append(paragraph)
        else:
            method.append(paragraph)
    return "\n".join(receiving), tuple(method), labelled if (method or labelled) else None


def _split_inline_method_label(cell: Sequence[str]) -> list[str]:
    """Split ``承接部门：区文联工作方式：1.…`` (one paragraph) before its method label."""
    paragraphs = []
    found = labels()
    for paragraph in cell:
        match = found.inline_method.search(paragraph)
        if match is not None and match.start() > 0 and found.receiving.match(paragraph):
            paragraphs += [paragraph[: match.start()], paragraph[match.start() :]]
        else:
            paragraphs.append(paragraph)
    return paragraphs


def _is_discontinued(method: Iterable[Clause]) -> bool:
    return any(DISCONTINUED_MARK in clause.text for clause in method)
