"""Structure rules: the three parts, their columns, empty categories and empty cells."""

from __future__ import annotations

from collections.abc import Iterator

from dutylist.checks.context import Context, Issue, Rule, field_name, item_label, part_name, where
from dutylist.checks.findings import FindingLocation, Severity
from dutylist.fields import FIELD_LABELS, field_label
from dutylist.messages import N_, _
from dutylist.model import CooperativeItem, DutyList, Part, PartKind, RecalledItem
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


def missing_part(duty_list: DutyList, _context: Context) -> Iterator[Issue]:
    """Report each of the three parts the list lacks."""
    present = {part.kind for part in duty_list.parts}
    for kind in PartKind:
        if kind not in present:
            yield Issue(
                message=_("清单缺少{part}（{title}）").format(
                    part=part_name(kind), title=kind.chinese
                ),
                location=FindingLocation(part=kind),
                hint=_("添加标题为{title}的部分，或检查该标题是否印出").format(title=kind.chinese),
            )


def empty_part(duty_list: DutyList, _context: Context) -> Iterator[Issue]:
    """Report a part that has a title but no items."""
    for part in duty_list.parts:
        if not part.items:
            yield Issue(
                message=_("{part}没有事项").format(part=part_name(part.kind)),
                location=where(part, field="title"),
            )


def missing_column(duty_list: DutyList, _context: Context) -> Iterator[Issue]:
    """Report a part whose header row lacks a column the part needs."""
    for part in duty_list.parts:
        if not part.columns:
            continue
        roles = {header_role(column) for column in part.columns}
        for group in _REQUIRED[part.kind]:
            placed_by_content = None in roles and _filled(part, group)
            if not roles & set(group) and not placed_by_content:
                name = " / ".join(FIELD_LABELS[role.value] for role in group)
                shown = " / ".join(field_label(role.value) for role in group)
                yield Issue(
                    message=_("{part}缺少“{column}”列").format(
                        part=part_name(part.kind), column=shown
                    ),
                    location=where(part, field="columns"),
                    subject=name,
                    hint=_("现有的列：{columns}").format(columns="、".join(part.columns)),
                )


def empty_category(duty_list: DutyList, _context: Context) -> Iterator[Issue]:
    """Report a category heading with no items under it."""
    for part in duty_list.parts:
        for category in part.categories:
            if not category.items:
                yield Issue(
                    message=_("类别“{heading}”下没有事项").format(
                        heading=category.heading.strip() or _("（无标题）")
                    ),
                    location=where(part, category, field="heading"),
                    subject=category.title,
                    hint=_("删除该类别标题，或把它的事项移到标题下"),
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


def empty_cell(duty_list: DutyList, _context: Context) -> Iterator[Issue]:
    """Report an item whose name, departments, duties, receiving department or method is empty.

    A discontinued recalled item (不再开展此项工作) needs no receiving department.
    """
    for part, category, item in duty_list.iter_items():
        fields = [] if item.name.strip(" \u3000") else ["name"]
        if isinstance(item, CooperativeItem | RecalledItem):
            fields += list(_empty_fields(item))
        for field in fields:
            yield Issue(
                message=_("{item}：{field}为空").format(
                    item=item_label(item), field=field_name(field)
                ),
                location=where(part, category, item, field=field),
                subject=field,
            )


RULES = (
    Rule(
        code="missing-part",
        severity=Severity.ERROR,
        summary=N_("缺少三个部分（基本、配合、收回）之一。"),
        check=missing_part,
    ),
    Rule(
        code="empty-part",
        severity=Severity.ERROR,
        summary=N_("某部分有标题但没有事项。"),
        check=empty_part,
    ),
    Rule(
        code="missing-column",
        severity=Severity.ERROR,
        summary=N_("某部分的表头缺少该部分需要的列。"),
        check=missing_column,
    ),
    Rule(
        code="empty-category",
        severity=Severity.ERROR,
        summary=N_("类别标题下没有事项。"),
        check=empty_category,
    ),
    Rule(
        code="empty-cell",
        severity=Severity.ERROR,
        summary=N_("事项的名称、部门、职责、承接部门或工作方式为空。"),
        check=empty_cell,
    ),
)
