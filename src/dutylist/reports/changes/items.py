"""An item's whole content as labelled lines, for reports that show added or removed items."""

from __future__ import annotations

import attrs

from dutylist.diff.content import clause_text, departments_of
from dutylist.fields import clause_fields, field_label
from dutylist.messages import _
from dutylist.model import Item, RecalledItem
from dutylist.reports.changes.common import lead_names


@attrs.frozen(kw_only=True)
class ItemLine:
    """One labelled line of an item's full content."""

    label: str
    """The field label."""
    text: str
    """The value."""


def item_lines(item: Item) -> list[ItemLine]:
    """Return the item's content as labelled lines (name first, then departments, clauses)."""
    lines = [ItemLine(label=field_label("name"), text=item.name)]
    departments = departments_of(item)
    if departments:
        names = lead_names(departments)
        lines.append(ItemLine(label=field_label("departments", item.kind), text=names))
    for field, clauses in clause_fields(item):
        for index, clause in enumerate(clauses, start=1):
            number = f"{clause.number}." if clause.number is not None else f"（{index}）"
            lines.append(ItemLine(label=field_label(field), text=f"{number}{clause_text(clause)}"))
    if isinstance(item, RecalledItem) and item.discontinued:
        lines.append(ItemLine(label=field_label("discontinued"), text=_("是")))
    lines.extend(
        ItemLine(label=field_label(field), text=getattr(item, field))
        for field in ("remarks", "basis")
        if getattr(item, field)
    )
    lines.extend(ItemLine(label=key, text=value) for key, value in item.extra.items() if value)
    return lines
