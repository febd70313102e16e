"""Apply a change set to the old list, rebuilding the new list's content.

Every changed item is carried in full by its change and placed at the place its new
reference names; items that did not change keep their relative order and fill the
remaining places, taking the numbers the ``renumbered`` entries give them, in the
category theirs became (or, when a split or merge record lists them, the one it names).
Categories are rebuilt the same way from the category changes. What is not content (see
:mod:`dutylist.diff.content`) comes from the old list.
"""

from __future__ import annotations

import attrs

from dutylist.diff.changes import CategoryChangeKind, CategoryRef, ChangeSet
from dutylist.diff.content import PART_ORDER, item_content, merged_parts
from dutylist.errors import UsageError
from dutylist.messages import _
from dutylist.model import Category, DutyList, Item, Part, PartKind
from dutylist.wording import part_short


def apply(old: DutyList, changeset: ChangeSet) -> DutyList:
    """Return ``old`` with ``changeset`` applied: a list with the new version's content.

    Raises:
        UsageError: the change set does not fit ``old`` (it was made from another list).
    """
    old_parts = merged_parts(old)
    parts: list[Part] = []
    for kind in PartKind:
        part = _apply_part(kind, old_parts.get(kind), changeset)
        if part is not None:
            parts.append(part)
    parts.sort(key=lambda part: PART_ORDER[part.kind])
    return attrs.evolve(old, parts=tuple(parts))


def _apply_part(kind: PartKind, old: Part | None, changeset: ChangeSet) -> Part | None:
    old_categories = old.categories if old is not None else ()
    categories, category_map = _categories(kind, old_categories, changeset)
    explicit: dict[int, tuple[int, Item]] = {}
    leaving: set[int] = set()
    old_items = [item for _, item, _ in _old_items(old_categories)]
    for change in changeset.changes:
        for ref, item in zip(change.old, change.old_items, strict=True):
            if ref.part is not kind:
                continue
            if ref.position >= len(old_items) or item_content(old_items[ref.position]) != (
                item_content(item)
            ):
                raise UsageError(
                    _("变更集与该清单不符（{part}第 {position} 项不是“{name}”）").format(
                        part=part_short(kind), position=ref.position + 1, name=ref.name
                    )
                )
            leaving.add(ref.position)
        for ref, item in zip(change.new, change.new_items, strict=True):
            if ref.part is kind:
                explicit[ref.position] = (ref.category_index, item)
    numbers = {
        entry.old_position: entry.new_number for entry in changeset.renumbered if entry.part is kind
    }
    # items that went with their category into a split-off or merged one (not moved)
    went = {
        old_position: change.new.index
        for change in changeset.categories
        if change.new is not None and change.new.part is kind
        for old_position, _ in change.items
    }
    staying: list[tuple[int | None, Item | None, int]] = [
        (went.get(position, category_map.get(category_index)), item, position)
        for category_index, item, position in _old_items(old_categories)
        if position not in leaving
    ]
    # unchanged items keep their order within their category, and follow it when it moves
    staying.sort(key=lambda entry: (-1 if entry[0] is None else entry[0], entry[2]))
    size = len(staying) + len(explicit)
    grouped: list[list[Item]] = [[] for _ in categories]
    remaining = iter(staying)
    for position in range(size):
        if position in explicit:
            category_index, item = explicit[position]
        else:
            mapped, kept, old_position = next(remaining, (None, None, -1))
            if mapped is None or kept is None:
                raise UsageError(
                    _("变更集与该清单不符（{part}第 {position} 项）").format(
                        part=part_short(kind), position=position + 1
                    )
                )
            category_index, item = mapped, kept
            if old_position in numbers:
                item = attrs.evolve(item, number=numbers[old_position], number_text="")
        if not 0 <= category_index < len(categories):
            raise UsageError(_("变更集提到了{part}中不存在的类别").format(part=part_short(kind)))
        grouped[category_index].append(item)
    if not categories:
        return None
    new_categories = tuple(
        attrs.evolve(category, items=tuple(items))
        for category, items in zip(categories, grouped, strict=True)
    )
    if old is None:
        return Part(kind=kind, title=kind.chinese, categories=new_categories)
    return attrs.evolve(old, categories=new_categories)


def _old_items(categories: tuple[Category, ...]) -> list[tuple[int, Item, int]]:
    result: list[tuple[int, Item, int]] = []
    for category_index, category in enumerate(categories):
        for item in category.items:
            result.append((category_index, item, len(result)))
    return result


def _categories(
    kind: PartKind, old: tuple[Category, ...], changeset: ChangeSet
) -> tuple[list[Category], dict[int, int]]:
    """Return the new categories (without items) and old index → new index."""
    removed: set[int] = set()
    added: set[int] = set()
    placed: dict[int, Category] = {}
    mapping: dict[int, int] = {}
    for change in changeset.categories:
        if change.kind in {CategoryChangeKind.SPLIT, CategoryChangeKind.MERGED}:
            continue  # told apart from the added and removed records that place them
        if change.kind is CategoryChangeKind.REMOVED and change.old and change.old.part is kind:
            removed.add(change.old.index)
        elif change.new is not None and change.new.part is kind:
            base = old[change.old.index] if change.old is not None else None
            placed[change.new.index] = _category(change.new, base)
            if change.old is not None:
                mapping[change.old.index] = change.new.index
            else:
                added.add(change.new.index)
    size = len(old) - len(removed) + len(added)
    unchanged = iter(
        index for index in range(len(old)) if index not in removed and index not in mapping
    )
    categories: list[Category] = []
    for index in range(size):
        if index in placed:
            categories.append(placed[index])
            continue
        source = next(unchanged, None)
        if source is None:
            raise UsageError(_("变更集与该清单不符（{part}的类别）").format(part=part_short(kind)))
        mapping[source] = index
        categories.append(attrs.evolve(old[source], items=()))
    return categories, mapping


def _category(ref: CategoryRef, base: Category | None) -> Category:
    if base is None:
        return Category(
            ordinal=ref.ordinal,
            title=ref.title,
            heading=ref.heading,
            declared_count=ref.declared_count,
        )
    return attrs.evolve(
        base,
        ordinal=ref.ordinal,
        title=ref.title,
        heading=ref.heading,
        declared_count=ref.declared_count,
        items=(),
    )
