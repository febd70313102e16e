"""A hypothesis strategy deriving a revision from a list by random edits."""

from __future__ import annotations

import attrs
from hypothesis import strategies as st

from dutylist.model import BasicItem, DutyList, PartKind
from tests.diff import edits
from tests.strategies import cjk, items

EDIT_KINDS = (
    "add",
    "remove",
    "rename",
    "edit-clause",
    "move-category",
    "move-part",
    "split",
    "merge",
    "recount",
    "retitle-category",
)


def _positions(duty_list: DutyList) -> list[tuple[PartKind, int, int]]:
    return [
        (part.kind, c, i)
        for part in duty_list.parts
        for c, category in enumerate(part.categories)
        for i in range(len(category.items))
    ]


@st.composite
def revisions(draw: st.DrawFn, duty_list: DutyList, *, max_edits: int = 5) -> DutyList:
    """Return ``duty_list`` after a few random edits of every kind, renumbered."""
    result = duty_list
    for _ in range(draw(st.integers(0, max_edits))):
        kind = draw(st.sampled_from(EDIT_KINDS))
        positions = _positions(result)
        if kind == "add":
            part = draw(st.sampled_from([p for p in result.parts if p.categories]))
            c = draw(st.integers(0, len(part.categories) - 1))
            i = draw(st.integers(0, len(part.categories[c].items)))
            result = edits.insert(result, part.kind, c, i, draw(items(part.kind, 0, ())))
            continue
        if not positions:
            continue
        where = draw(st.sampled_from(positions))
        item = edits.item_at(result, *where)
        if kind == "remove":
            result = edits.remove(result, *where)
        elif kind == "rename":
            result = edits.edit(result, *where, name=item.name + draw(cjk(1, 3)))
        elif kind == "edit-clause" and not isinstance(item, BasicItem):
            field = "working_method" if where[0] is PartKind.RECALLED else "local_duties"
            clauses = list(getattr(item, field))
            clauses.append(edits.clause(draw(cjk(2, 10)) + "。"))
            result = edits.edit(result, *where, **{field: tuple(clauses)})
        elif kind in {"move-category", "move-part"}:
            targets = [
                (p.kind, c)
                for p in result.parts
                for c in range(len(p.categories))
                if (p.kind is where[0]) == (kind == "move-category")
            ]
            if targets:
                part_kind, c = draw(st.sampled_from(targets))
                size = len(edits.part(result, part_kind).categories[c].items)
                same = (part_kind, c) == where[:2]
                i = draw(st.integers(0, size - 1 if same else size))
                result = edits.move(result, where, (part_kind, c, i))
        elif kind == "split":
            first = attrs.evolve(item, name=item.name + "甲")
            second = attrs.evolve(item, name=draw(cjk(2, 6)) + item.name)
            result = edits.edit(result, *where, name=first.name)
            result = edits.insert(result, where[0], where[1], where[2] + 1, second)
        elif kind == "merge":
            others = [p for p in positions if p[:2] == where[:2] and p != where]
            if others:
                other = draw(st.sampled_from(others))
                partner = edits.item_at(result, *other)
                result = edits.edit(result, *where, name=item.name + partner.name)
                result = edits.remove(result, *other)
        elif kind == "recount":
            part = edits.part(result, where[0])
            category = part.categories[where[1]]
            categories = list(part.categories)
            count = (category.declared_count or 0) + 1
            heading = category.heading.replace(f"（{category.declared_count}项）", f"（{count}项）")
            categories[where[1]] = attrs.evolve(category, declared_count=count, heading=heading)
            result = edits.replace_part(result, attrs.evolve(part, categories=tuple(categories)))
        elif kind == "retitle-category":
            part = edits.part(result, where[0])
            category = part.categories[where[1]]
            categories = list(part.categories)
            title = category.title + draw(cjk(1, 4))
            heading = category.heading.replace(category.title, title, 1)  # as printed
            categories[where[1]] = attrs.evolve(category, title=title, heading=heading)
            result = edits.replace_part(result, attrs.evolve(part, categories=tuple(categories)))
    return edits.renumber(result)
