"""Structure rules: the three parts, their columns, empty categories and empty cells."""

from __future__ import annotations

from collections.abc import Iterator

from dutylist.checks.context import Context, Issue, Rule, item_label, where
from dutylist.checks.findings import FindingLocation, Severity
from dutylist.model import (
    FIELD_LABELS,
    CooperativeItem,
    DutyList,
    Part,
    PartKind,
    RecalledItem,
)
from dutylist.parse.vocabulary import Role, header_role

_REQUIRED: dict[PartKind, tuple[tuple[Role, ...], ...]] = {
    PartKind.BASIC: ((Role.NUMBER,), (Role.NAME,)),
    PartKind.COOPERATIVE: (
        (Role.NUMBER,),
        (Role.NAME,),
        (Role.DEPARTMENTS,),
        (Role.SUPERIOR_DUTIES,),
        (Role.LOCAL_DUTIES,),
    ),
    PartKind.RECALLED: (
        (Role.NUMBER,),
        (Role.NAME,),
        (Role.RECEIVING, Role.RECEIVING_AND_METHOD),
        (Role.WORKING_METHOD, Role.RECEIVING_AND_METHOD),
    ),
}
"""For each part, the columns it needs; any role of a group will do."""


_FIELD_OF_ROLE = {
    Role.NAME: "name",
    Role.DEPARTMENTS: "departments",
    Role.SUPERIOR_DUTIES: "superior_duties",
    Role.LOCAL_DUTIES: "local_duties",
    Role.RECEIVING: "receiving_departments",
    Role.RECEIVING_AND_METHOD: "receiving_departments",
    Role.WORKING_METHOD: "working_method",
}


def _filled(part: Part, group: tuple[Role, ...]) -> bool:
    """Return True when the part's items hold the field of a role of ``group``.

    A reader places a column whose header no vocabulary word names by the column's
    content: when a part has such a header and its items hold the field, the column is
    there under another name.
    """
    fields = {_FIELD_OF_ROLE[role] for role in group if role in _FIELD_OF_ROLE}
    if Role.NUMBER in group and any(item.number is not None for item in part.items):
        return True
    return any(getattr(item, field, None) for item in part.items for field in fields)


def missing_part(duty_list: DutyList, _: Context) -> Iterator[Issue]:
    """Report each of the three parts the list lacks."""
    present = {part.kind for part in duty_list.parts}
    for kind in PartKind:
        if kind not in present:
            yield Issue(
                message=f"the list has no {kind.chinese} ({kind.value} part)",
                location=FindingLocation(part=kind),
                hint=f"add the part titled {kind.chinese}, or check that its title is printed",
            )


def empty_part(duty_list: DutyList, _: Context) -> Iterator[Issue]:
    """Report a part that has a title but no items."""
    for part in duty_list.parts:
        if not part.items:
            yield Issue(
                message=f"the {part.kind.value} part has no items",
                location=where(part, field="title"),
            )


def missing_column(duty_list: DutyList, _: Context) -> Iterator[Issue]:
    """Report a part whose header row lacks a column the part needs."""
    for part in duty_list.parts:
        if not part.columns:
            continue
        roles = {header_role(column) for column in part.columns}
        for group in _REQUIRED[part.kind]:
            placed_by_content = None in roles and _filled(part, group)
            if not roles & set(group) and not placed_by_content:
                name = " / ".join(FIELD_LABELS[role.value] for role in group)
                yield Issue(
                    message=f"the {part.kind.value} part has no {name} column",
                    location=where(part, field="columns"),
                    subject=name,
                    hint=f"columns found: {'、'.join(part.columns)}",
                )


def empty_category(duty_list: DutyList, _: Context) -> Iterator[Issue]:
    """Report a category heading with no items under it."""
    for part in duty_list.parts:
        for category in part.categories:
            if not category.items:
                yield Issue(
                    message=f"category {category.heading.strip() or '(untitled)'} has no items",
                    location=where(part, category, field="heading"),
                    subject=category.title,
                    hint="remove the heading or move its items under it",
                )


def _empty_fields(item: CooperativeItem | RecalledItem) -> Iterator[str]:
    if isinstance(item, CooperativeItem):
        if not item.departments:
            yield "departments"
        if not item.superior_duties:
            yield "superior_duties"
        if not item.local_duties:
            yield "local_duties"
        return
    if not item.receiving_departments and not item.discontinued:
        yield "receiving_departments"
    if not item.working_method:
        yield "working_method"


def empty_cell(duty_list: DutyList, _: Context) -> Iterator[Issue]:
    """Report an item whose name, departments, duties, receiving department or method is empty.

    A discontinued recalled item (不再开展此项工作) needs no receiving department.
    """
    for part, category, item in duty_list.iter_items():
        fields = [] if item.name.strip(" \u3000") else ["name"]
        if isinstance(item, CooperativeItem | RecalledItem):
            fields += list(_empty_fields(item))
        for field in fields:
            yield Issue(
                message=f"{item_label(item)}: {FIELD_LABELS[field]} ({field}) is empty",
                location=where(part, category, item, field=field),
                subject=field,
            )


RULES = (
    Rule(
        code="missing-part",
        severity=Severity.ERROR,
        summary="One of the three parts (basic, cooperative, recalled) is missing.",
        check=missing_part,
    ),
    Rule(
        code="empty-part",
        severity=Severity.ERROR,
        summary="A part has a title but no items.",
        check=empty_part,
    ),
    Rule(
        code="missing-column",
        severity=Severity.ERROR,
        summary="A part's header row lacks a column the part needs.",
        check=missing_column,
    ),
    Rule(
        code="empty-category",
        severity=Severity.ERROR,
        summary="A category heading has no items.",
        check=empty_category,
    ),
    Rule(
        code="empty-cell",
        severity=Severity.ERROR,
        summary="An item's name, departments, duties, receiving department or method is empty.",
        check=empty_cell,
    ),
)
