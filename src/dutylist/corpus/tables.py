"""The flat tables of ``dutylist export``: names, columns, types and what each column holds.

This module is the one statement of the export's schema: the writers build their columns
from it, ``docs/export.md`` is checked against it, and the tests validate written files
with it. Column names and types are stable; new columns are only ever added at the end.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs


@attrs.frozen
class Column:
    """One column of an exported table."""

    name: str
    """The column name (snake case, English)."""
    type: str
    """``string``, ``int32``, ``bool`` or ``date``; every column may be null."""
    description: str
    """What the column holds."""


_OFFICE = (
    Column("list_id", "string", "Stable id of the list: a hash of its source path."),
    Column("office", "string", "The township or subdistrict office (明珠街道办事处)."),
)
_POSITION = Column("position", "int32", "1-based position of the item in its part.")
_ITEM_NAME = Column("item_name", "string", "The item's name.")

TABLES: Mapping[str, tuple[Column, ...]] = {
    "lists": (
        *_OFFICE,
        Column("source", "string", "The file the list was read from, as given."),
        Column("title", "string", "The list's title as printed."),
        Column("city", "string", "City (市/州/盟) from the title."),
        Column("county", "string", "County-level unit (区/县/县级市/旗) from the title."),
        Column("version", "string", "The version label (metadata or --label)."),
        Column("published", "date", "The publication date, when known."),
        Column("basic_items", "int32", "Items in the basic duties part."),
        Column("cooperative_items", "int32", "Items in the cooperative duties part."),
        Column("recalled_items", "int32", "Items in the recalled duties part."),
        Column("categories", "int32", "Categories over all parts."),
        Column("errors", "int32", "Findings of severity error."),
        Column("warnings", "int32", "Findings of severity warning."),
        Column("infos", "int32", "Findings of severity info."),
        Column("unreadable", "string", "Why the file could not be read; null when it was read."),
    ),
    "items": (
        *_OFFICE,
        Column("part", "string", "basic, cooperative or recalled."),
        Column("category_ordinal", "int32", "The category's ordinal (一 → 1)."),
        Column("category", "string", "The category's title."),
        _POSITION,
        Column("number", "int32", "The item's printed sequence number."),
        Column("name", "string", "The item name (事项名称) as printed."),
        Column("departments", "string", "Departments (对应上级部门 / 承接部门), joined by 、."),
        Column("lead_departments", "string", "The departments marked 牵头, joined by 、."),
        Column("discontinued", "bool", "Recalled items: 不再开展此项工作."),
        Column("duty_id", "string", "The duty across offices (export --duty-ids), else null."),
    ),
    "clauses": (
        *_OFFICE,
        Column("part", "string", "basic, cooperative or recalled."),
        _POSITION,
        _ITEM_NAME,
        Column("field", "string", "superior_duties, local_duties or working_method."),
        Column("clause", "int32", "1-based position of the clause in its field."),
        Column("number", "int32", "The clause's printed number, when numbered."),
        Column("department", "string", "The department block the clause belongs to, if any."),
        Column("text", "string", "The clause text without its number."),
    ),
    "item_departments": (
        *_OFFICE,
        Column("part", "string", "cooperative or recalled."),
        _POSITION,
        _ITEM_NAME,
        Column("department", "string", "The department as printed."),
        Column("canonical", "string", "The department's normalised name."),
        Column("lead", "bool", "True when marked 牵头."),
    ),
    "findings": (
        *_OFFICE,
        Column("code", "string", "The rule's stable code (see docs/checks.md)."),
        Column("severity", "string", "error, warning or info."),
        Column("message", "string", "What is wrong."),
        Column("part", "string", "The part, when the finding is in one."),
        Column("item_number", "int32", "The item's number, when about an item."),
        Column("item_name", "string", "The item's name, when about an item."),
        Column("field", "string", "The field, when about one."),
    ),
}
"""Every exported table by name. Each is partitioned by ``province`` (a folder per value)."""

PARTITION = "province"
"""The partition column: ``DIR/<table>/province=<value>/part-N.<suffix>``."""

UNKNOWN_PROVINCE = "__unknown__"
"""The partition value of lists whose title names no province."""
