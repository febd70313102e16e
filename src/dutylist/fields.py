"""What each item field holds and what it is called: field knowledge stated once.

Readers, checks, the diff and every report ask this module which fields of an item hold
clauses, which holds its department cell, and what a field is called in a report.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from dutylist.messages import N_, _
from dutylist.model import Clause, Department, Item, PartKind

FIELD_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "number": N_("序号"),
        "name": N_("事项名称"),
        "departments": N_("对应上级部门"),
        "superior_duties": N_("上级部门职责"),
        "local_duties": N_("街道配合职责"),
        "receiving_departments": N_("承接部门"),
        "working_method": N_("工作方式"),
        "receiving_and_method": N_("承接部门及工作方式"),
        "discontinued": N_("不再开展"),
        "remarks": N_("备注"),
        "basis": N_("履职依据"),
        "heading": N_("类别标题"),
        "title": N_("标题"),
        "columns": N_("表头"),
        "front_matter": N_("说明文字"),
    }
)
"""The Chinese label of each field of the model: an item's fields (and the combined
承接部门及工作方式 column), a category's heading, a part's or list's title, columns and
front matter.

The labels are untranslated: :func:`field_label` gives them in the language in use.
"""

CLAUSE_FIELDS: Mapping[PartKind, tuple[str, ...]] = MappingProxyType(
    {
        PartKind.COOPERATIVE: ("superior_duties", "local_duties"),
        PartKind.RECALLED: ("working_method",),
    }
)
"""The fields of each kind of item that hold clauses, in printed order."""

DEPARTMENT_FIELDS: Mapping[PartKind, str] = MappingProxyType(
    {PartKind.COOPERATIVE: "departments", PartKind.RECALLED: "receiving_departments"}
)
"""The field of each kind of item that holds its department cell (basic items have none)."""


def clause_fields(item: Item) -> tuple[tuple[str, tuple[Clause, ...]], ...]:
    """Return the clause fields ``item`` has, as ``(field name, clauses)`` pairs."""
    return tuple((field, getattr(item, field)) for field in CLAUSE_FIELDS.get(item.kind, ()))


def department_field(item: Item) -> tuple[str, tuple[Department, ...]] | None:
    """Return ``(field name, departments)`` of ``item``'s department cell, or None."""
    field = DEPARTMENT_FIELDS.get(item.kind)
    return None if field is None else (field, getattr(item, field))


def field_label(field: str, part: PartKind | None = None) -> str:
    """Return the label of a field name in the language in use.

    ``extra.备注`` → ``备注``; ``working_method.numbering`` → ``工作方式编号``; the change
    set's ``departments`` is the department cell of ``part`` (承接部门 for recalled items).
    """
    if field.startswith("extra."):
        return field.removeprefix("extra.")
    if field.endswith(".numbering"):
        return _("{field}编号").format(field=field_label(field.removesuffix(".numbering"), part))
    if field == "departments" and part is not None:
        field = DEPARTMENT_FIELDS.get(part, field)
    label = FIELD_LABELS.get(field)
    return _(label) if label is not None else field
