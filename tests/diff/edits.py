"""Edit duty lists the way a revision does, for diff tests: every edit returns a new list.

Positions are (part kind, category index, item index within the category). Numbers are
made continuous through each part again by :func:`renumber`, as the Mingzhu list numbers.
"""

from __future__ import annotations

import attrs

from dutylist.model import (
    Category,
    Clause,
    CooperativeItem,
    Department,
    DutyList,
    Item,
    Part,
    PartKind,
    RecalledItem,
)


def part(duty_list: DutyList, kind: PartKind) -> Part:
    found = duty_list.part(kind)
    assert found is not None
    return found


def replace_part(duty_list: DutyList, new_part: Part) -> DutyList:
    parts = tuple(new_part if p.kind is new_part.kind else p for p in duty_list.parts)
    if new_part.kind not in {p.kind for p in duty_list.parts}:
        parts = (*parts, new_part)
    return attrs.evolve(duty_list, parts=parts)


def replace_items(
    duty_list: DutyList, kind: PartKind, category: int, items: tuple[Item, ...]
) -> DutyList:
    p = part(duty_list, kind)
    categories = list(p.categories)
    categories[category] = attrs.evolve(categories[category], items=items)
    return replace_part(duty_list, attrs.evolve(p, categories=tuple(categories)))


def item_at(duty_list: DutyList, kind: PartKind, category: int, index: int) -> Item:
    return part(duty_list, kind).categories[category].items[index]


def insert(duty_list: DutyList, kind: PartKind, category: int, index: int, item: Item) -> DutyList:
    items = list(part(duty_list, kind).categories[category].items)
    items.insert(index, item)
    return replace_items(duty_list, kind, category, tuple(items))


def remove(duty_list: DutyList, kind: PartKind, category: int, index: int) -> DutyList:
    items = list(part(duty_list, kind).categories[category].items)
    del items[index]
    return replace_items(duty_list, kind, category, tuple(items))


def edit(
    duty_list: DutyList, kind: PartKind, category: int, index: int, **changes: object
) -> DutyList:
    items = list(part(duty_list, kind).categories[category].items)
    # An edited item was never read from anywhere: it carries no (stale) provenance.
    items[index] = attrs.evolve(items[index], **{"source": None, **changes})
    return replace_items(duty_list, kind, category, tuple(items))


def move(
    duty_list: DutyList,
    source: tuple[PartKind, int, int],
    target: tuple[PartKind, int, int],
) -> DutyList:
    item = item_at(duty_list, *source)
    without = remove(duty_list, *source)
    if source[0] is not target[0]:
        item = convert(item, target[0])
    return insert(without, *target, item)


def convert(item: Item, kind: PartKind) -> Item:
    """Return ``item`` as an item of another part, keeping what the target part can hold."""
    if isinstance(item, CooperativeItem) and kind is PartKind.RECALLED:
        method = item.superior_duties or (Clause(text="承接此项工作。", printed="承接此项工作。"),)
        return RecalledItem(
            number=item.number,
            name=item.name,
            receiving_departments=tuple(
                Department(name=department.name) for department in item.departments
            ),
            working_method=method,
            extra=item.extra,
        )
    if isinstance(item, RecalledItem) and kind is PartKind.COOPERATIVE:
        return CooperativeItem(
            number=item.number,
            name=item.name,
            departments=item.receiving_departments,
            superior_duties=item.working_method,
            extra=item.extra,
        )
    if kind is PartKind.BASIC:
        from dutylist.model import BasicItem

        return BasicItem(number=item.number, name=item.name, extra=item.extra)
    if kind is PartKind.COOPERATIVE:
        return CooperativeItem(number=item.number, name=item.name, extra=item.extra)
    return RecalledItem(number=item.number, name=item.name, extra=item.extra)


def renumber(duty_list: DutyList) -> DutyList:
    """Return the list with items numbered 1…n through each part."""
    parts = []
    for p in duty_list.parts:
        number = 1
        categories = []
        for category in p.categories:
            items = []
            for item in category.items:
                items.append(attrs.evolve(item, number=number, number_text=""))
                number += 1
            categories.append(attrs.evolve(category, items=tuple(items)))
        parts.append(attrs.evolve(p, categories=tuple(categories)))
    return attrs.evolve(duty_list, parts=tuple(parts))


def recount(duty_list: DutyList) -> DutyList:
    """Return the list with every declared count equal to the category's item count."""
    parts = []
    for p in duty_list.parts:
        categories: list[Category] = []
        for category in p.categories:
            count = len(category.items)
            heading = category.heading
            if category.declared_count is not None:
                heading = heading.replace(f"（{category.declared_count}项）", f"（{count}项）")
                categories.append(
                    attrs.evolve(category, declared_count=count, heading=heading, source=None)
                    if count != category.declared_count
                    else category
                )
            else:
                categories.append(category)
        parts.append(attrs.evolve(p, categories=tuple(categories)))
    return attrs.evolve(duty_list, parts=tuple(parts))


def clause(text: str, number: int | None = None, department: str | None = None) -> Clause:
    printed = f"{number}.{text}" if number is not None else text
    return Clause(number=number, text=text, department=department, printed=printed)


def arrange_categories(duty_list: DutyList, kind: PartKind, order: list[int]) -> DutyList:
    """Return the list with ``kind``'s categories in ``order`` (old indices), ordinals 1…n."""
    from dutylist.numerals import to_chinese_number

    p = part(duty_list, kind)
    categories = []
    for ordinal, index in enumerate(order, start=1):
        category = p.categories[index]
        heading = f"{to_chinese_number(ordinal)}、{category.title}（{len(category.items)}项）"
        categories.append(attrs.evolve(category, ordinal=ordinal, heading=heading))
    return renumber(replace_part(duty_list, attrs.evolve(p, categories=tuple(categories))))


def rename_category(duty_list: DutyList, kind: PartKind, index: int, title: str) -> DutyList:
    """Return the list with category ``index`` of ``kind`` titled ``title``."""
    p = part(duty_list, kind)
    categories = list(p.categories)
    category = categories[index]
    heading = category.heading.replace(category.title, title)
    categories[index] = attrs.evolve(category, title=title, heading=heading)
    return replace_part(duty_list, attrs.evolve(p, categories=tuple(categories)))


def rename_department(duty_list: DutyList, old: str, new: str) -> DutyList:
    """Return the list with department ``old`` called ``new`` wherever an item names it."""

    def renamed(departments: tuple[Department, ...]) -> tuple[Department, ...]:
        return tuple(
            attrs.evolve(d, name=new, printed=None) if d.name == old else d for d in departments
        )

    parts = []
    for p in duty_list.parts:
        categories = []
        for category in p.categories:
            items: list[Item] = []
            for item in category.items:
                if isinstance(item, CooperativeItem):
                    items.append(attrs.evolve(item, departments=renamed(item.departments)))
                elif isinstance(item, RecalledItem):
                    departments = renamed(item.receiving_departments)
                    items.append(attrs.evolve(item, receiving_departments=departments))
                else:
                    items.append(item)
            categories.append(attrs.evolve(category, items=tuple(items)))
        parts.append(attrs.evolve(p, categories=tuple(categories)))
    return attrs.evolve(duty_list, parts=tuple(parts))
