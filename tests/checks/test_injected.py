"""Defects injected by code at random items of the reference list are found at that item."""

from __future__ import annotations

import random

import attrs
import pytest

from dutylist.checks import check
from dutylist.departments.registry import ResolutionKind, registry_for
from dutylist.model import Clause, CooperativeItem, Department, DutyList, Item, PartKind

C, R = PartKind.COOPERATIVE, PartKind.RECALLED
RARE = "䶮"  # a CJK character no department name uses


def _map_items(duty_list: DutyList, change) -> DutyList:
    """Return ``duty_list`` with ``change(part, index_in_part, item)`` applied to every item."""
    parts = []
    for part in duty_list.parts:
        index = 0
        categories = []
        for category in part.categories:
            items = []
            for item in category.items:
                items.append(change(part, index, item))
                index += 1
            categories.append(attrs.evolve(category, items=tuple(items)))
        parts.append(attrs.evolve(part, categories=tuple(categories)))
    return attrs.evolve(duty_list, parts=tuple(parts))


def _numbered_cells(item: Item) -> list[str]:
    if not isinstance(item, CooperativeItem):
        return []
    return [
        field
        for field in ("superior_duties", "local_duties")
        if len(getattr(item, field)) >= 2
        and all(c.number is not None and c.department is None for c in getattr(item, field))
    ]


def _slip(clause: Clause, number: int) -> Clause:
    return attrs.evolve(clause, number=number, printed=f"{number}.{clause.text}")


@pytest.mark.parametrize("seed", range(16))
def test_injected_defects_are_found_at_the_right_item(mingzhu, seed):
    registry = registry_for(mingzhu)
    coop = mingzhu.part(C).items
    recalled = mingzhu.part(R).items
    rng = random.Random(seed)  # noqa: S311 - reproducible choices, not security

    # distinct items for each defect
    picks = rng.sample(range(len(coop)), 4)
    unknown_at = rng.randrange(len(recalled))
    gap_at = rng.randrange(1, len(recalled))
    duplicate_at = rng.randrange(1, len(mingzhu.part(PartKind.BASIC).items))
    categories = [(p.kind, c) for p in mingzhu.parts for c in p.categories]
    count_at = rng.randrange(len(categories))

    empty_item, misspelt_item, slip_item, separator_item = (coop[i] for i in picks)
    slip_candidates = [i for i in range(len(coop)) if _numbered_cells(coop[i]) and i not in picks]
    slip_item = coop[rng.choice(slip_candidates)]
    slip_field = rng.choice(_numbered_cells(slip_item))

    known = [d for d in misspelt_item.departments if registry.normalise(d.name).canonical]
    target = rng.choice(known) if known else None
    position = rng.randrange(1, len(target.name)) if target else 0
    misspelt_name = target.name[:position] + RARE + target.name[position + 1 :] if target else ""

    def change(part, index, item):
        if item is empty_item:
            return attrs.evolve(item, superior_duties=())
        if item is misspelt_item and target is not None:
            departments = tuple(
                Department(name=misspelt_name) if d is target else d for d in item.departments
            )
            return attrs.evolve(item, departments=departments)
        if item is slip_item:
            clauses = list(getattr(item, slip_field))
            clauses[1] = _slip(clauses[1], 3)
            return attrs.evolve(item, **{slip_field: tuple(clauses)})
        if item is separator_item and item.local_duties:
            first = item.local_duties[0]
            return attrs.evolve(
                item,
                local_duties=(
                    attrs.evolve(first, number=1, printed=f"1{first.text}"),
                    *item.local_duties[1:],
                ),
            )
        if part.kind is R and index == unknown_at:
            item = attrs.evolve(
                item, receiving_departments=(Department(name="区数据资源管理中心"),)
            )
        if part.kind is R and index >= gap_at:
            item = attrs.evolve(item, number=(item.number or 0) + 1)
        if part.kind is PartKind.BASIC and index == duplicate_at:
            item = attrs.evolve(item, number=duplicate_at)  # the number of the item before
        return item

    broken = _map_items(mingzhu, change)
    kind, category = categories[count_at]
    broken = attrs.evolve(
        broken,
        parts=tuple(
            attrs.evolve(
                part,
                categories=tuple(
                    attrs.evolve(c, declared_count=(c.declared_count or 0) + 1)
                    if part.kind is kind and c.ordinal == category.ordinal
                    else c
                    for c in part.categories
                ),
            )
            for part in broken.parts
        ),
    )
    report = check(broken)

    def at(code, item_name, field=None):
        return [
            f
            for f in report.filter(code=code)
            if f.location.item_name == item_name and (field is None or f.location.field == field)
        ]

    assert at("empty-cell", empty_item.name, "superior_duties")
    if target is not None:
        (finding,) = at("misspelt-department", misspelt_item.name, "departments")
        assert finding.subject == misspelt_name
        resolution = registry.normalise(misspelt_name)
        assert resolution.kind is ResolutionKind.UNKNOWN
        assert target.name in {s.spelling for s in resolution.suggestions}
    assert at("clause-number-sequence", slip_item.name, slip_field)
    if separator_item.local_duties:
        assert at("clause-missing-separator", separator_item.name, "local_duties")
    assert at("unknown-department", recalled[unknown_at].name, "receiving_departments")
    assert at("number-gap", recalled[gap_at].name, "number")
    basic_item = mingzhu.part(PartKind.BASIC).items[duplicate_at]
    assert at("number-duplicate", basic_item.name, "number")
    counted = [
        f
        for f in report.filter(code="category-count-mismatch")
        if f.location.part is kind and f.location.category == category.ordinal
    ]
    assert counted
