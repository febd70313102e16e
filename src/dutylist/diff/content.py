"""What a diff compares: the *content* of a list, and the texts items are matched by.

Content is what a reviewer reads as the list's substance. Two lists have the same content
when, part by part (parts without categories count as absent; the order of parts does
not matter; two parts of one kind count as one, see :func:`merged_parts`), they have
the same categories in the same order — ordinal, title and declared count — holding the
same items in the same order, where an item is its part, number, name, departments (name
and lead mark), clauses (number, text and department block) of each clause field,
discontinued flag and extra columns.

Left out: the list's title, office, metadata and front matter; part titles and column
headers; a category heading's printed form (its parts are compared); an item's printed
number (``number_text``); a clause's printed form and paragraph layout; a department's
canonical name; source locations and unplaced text. These are the reader's record of
*how* the list was printed, not *what* it says.
"""

from __future__ import annotations

from collections.abc import Hashable

import attrs

from dutylist.fields import CLAUSE_FIELDS as ITEM_CLAUSE_FIELDS
from dutylist.fields import clause_fields, department_field
from dutylist.model import (
    Clause,
    Department,
    DutyList,
    Item,
    Part,
    PartKind,
    RecalledItem,
)

CLAUSE_FIELDS = tuple(field for fields in ITEM_CLAUSE_FIELDS.values() for field in fields)
"""The item fields that hold clauses, in the order they are compared and shown."""


def merged_parts(duty_list: DutyList) -> dict[PartKind, Part]:
    """Return one part per kind, in reading order: parts of one kind printed apart are joined.

    A list holds each part once; a reader may still produce two parts of one kind (a
    part continued under a repeated title). The diff treats them as one part, their
    categories in printed order; the first part's title and columns stand for both.
    """
    joined: dict[PartKind, Part] = {}
    for part in duty_list.parts:
        first = joined.get(part.kind)
        if first is None:
            joined[part.kind] = part
        else:
            joined[part.kind] = attrs.evolve(first, categories=first.categories + part.categories)
    return {kind: joined[kind] for kind in PartKind if kind in joined}


def content(duty_list: DutyList) -> dict[str, Hashable]:
    """Return the content of ``duty_list`` as plain comparable data (see the module doc)."""
    result: dict[str, Hashable] = {}
    for part in merged_parts(duty_list).values():
        if not part.categories:
            continue
        result[part.kind.value] = tuple(
            (
                category.ordinal,
                category.title,
                category.declared_count,
                tuple((item.number, item_content(item)) for item in category.items),
            )
            for category in part.categories
        )
    return result


def item_content(item: Item) -> Hashable:
    """Return the content of one item without its number (see the module doc)."""
    return (
        item.kind.value,
        item.name,
        _departments(departments_of(item)),
        tuple(_clauses(clauses) for _, clauses in clause_fields(item)),
        isinstance(item, RecalledItem) and item.discontinued,
        item.remarks,
        item.basis,
        tuple(sorted(item.extra.items())),
    )


def _departments(departments: tuple[Department, ...]) -> Hashable:
    return tuple((department.name, department.lead) for department in departments)


def _clauses(clauses: tuple[Clause, ...]) -> Hashable:
    return tuple((clause.number, clause.text, clause.department) for clause in clauses)


def departments_of(item: Item) -> tuple[Department, ...]:
    """Return the departments column of an item (对应上级部门 or 承接部门; none for basic)."""
    cell = department_field(item)
    return () if cell is None else cell[1]


def clause_text(clause: Clause) -> str:
    """Return a clause as compared: ``department：text`` in a department block, else text."""
    return f"{clause.department}：{clause.text}" if clause.department else clause.text


def body_text(item: Item) -> str:
    """Return all clause texts of an item, one per line (what names are matched with)."""
    return "\n".join(
        clause_text(clause) for _, clauses in clause_fields(item) for clause in clauses
    )


def department_names(item: Item) -> tuple[str, ...]:
    """Return every department an item names: its column and its clause blocks, in order."""
    names: list[str] = [department.name for department in departments_of(item)]
    for _, clauses in clause_fields(item):
        names.extend(clause.department for clause in clauses if clause.department)
    return tuple(dict.fromkeys(names))


PART_ORDER = {kind: index for index, kind in enumerate(PartKind)}
"""The rank of each part kind in reading order."""
