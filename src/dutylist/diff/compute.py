"""Turn an item alignment into a :class:`~dutylist.diff.changes.ChangeSet`.

Categories are paired by :mod:`dutylist.diff.categories` (by title, wherever they stand).
A matched pair of items is *in place* when it stays in its part, in the corresponding
category, and keeps its order relative to the other in-place items of that category (a
longest increasing subsequence): an item is never moved because its category moved.
Otherwise it is *moved*. An in-place pair whose content differs is *modified*; one whose
number alone differs is *renumbered*. Replacements made in several items are collected
as systemic records (:mod:`dutylist.diff.systemic`).
"""

from __future__ import annotations

import operator
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from dutylist.collector import collector_paused
from dutylist.diff.align import Alignment, Entry, align
from dutylist.diff.categories import align_categories, kept_in_order
from dutylist.diff.changes import (
    CategoryChange,
    CategoryChangeKind,
    Change,
    ChangeKind,
    ChangeSet,
    ItemRef,
    ListRef,
    Renumbered,
)
from dutylist.diff.content import PART_ORDER, department_names
from dutylist.diff.fields import compare_items
from dutylist.diff.summary import CategorySummary, DepartmentSummary, PartSummary, Summary, Tally
from dutylist.diff.systemic import find_systemic
from dutylist.model import DutyList, Item, PartKind

if TYPE_CHECKING:
    from dutylist.departments.registry import Registry


def diff_lists(old: DutyList, new: DutyList, *, registry: Registry | None = None) -> ChangeSet:
    """Return what changed from ``old`` to ``new``.

    Items are matched by content, not by number, so renumbering is summarised rather
    than reported as edits.

    Args:
        old: the published version.
        new: the revision.
        registry: maps a printed department name to its canonical name (None when
            unknown); with it, a department respelled is a cosmetic change.
    """
    with collector_paused():  # many small objects around immutable data, no cycles
        return compute(old, new, registry)


def compute(old: DutyList, new: DutyList, registry: Registry | None = None) -> ChangeSet:
    """Return the change set from ``old`` to ``new``."""
    return compute_aligned(old, new, registry)[0]


def compute_aligned(
    old: DutyList, new: DutyList, registry: Registry | None = None
) -> tuple[ChangeSet, Alignment]:
    """Return the change set from ``old`` to ``new`` and the item alignment it rests on."""
    alignment = align(old, new)
    category_map, category_changes = align_categories(old, new, alignment)
    in_place = _in_place(alignment, _accepted(category_map, category_changes))
    category_changes = _with_items(category_changes, alignment, category_map, in_place)
    changes: list[Change] = []
    renumbered: list[tuple[int, Renumbered]] = []  # with the new item's place in the list
    old_entries, new_entries, changed = alignment.old, alignment.new, alignment.changed
    for pair in alignment.pairs:
        before, after = old_entries[pair[0]], new_entries[pair[1]]
        moved = pair not in in_place
        if not moved:
            if before.item.number != after.item.number:
                renumbered.append((after.order, _renumbered(before, after)))
            if pair not in changed:
                continue
        changes.append(
            Change(
                kind=ChangeKind.MOVED if moved else ChangeKind.MODIFIED,
                old=(_ref(before),),
                new=(_ref(after),),
                fields=compare_items(before.item, after.item, registry),
                old_items=(before.item,),
                new_items=(after.item,),
            )
        )
    paired_old = {i for i, _ in alignment.pairs}
    paired_new = {j for _, j in alignment.pairs}
    regroupings = [
        *((ChangeKind.SPLIT, (whole,), pieces) for whole, pieces in alignment.splits),
        *((ChangeKind.MERGED, pieces, (whole,)) for pieces, whole in alignment.merges),
    ]
    for kind, old_indices, new_indices in regroupings:
        paired_old.update(old_indices)
        paired_new.update(new_indices)
        olds = [old_entries[i] for i in old_indices]
        news = [new_entries[j] for j in new_indices]
        changes.append(
            Change(
                kind=kind,
                old=tuple(map(_ref, olds)),
                new=tuple(map(_ref, news)),
                old_items=tuple(entry.item for entry in olds),
                new_items=tuple(entry.item for entry in news),
            )
        )
    changes.extend(
        Change(kind=ChangeKind.REMOVED, old=(_ref(entry),), new=(), old_items=(entry.item,))
        for index, entry in enumerate(alignment.old)
        if index not in paired_old
    )
    changes.extend(
        Change(kind=ChangeKind.ADDED, old=(), new=(_ref(entry),), new_items=(entry.item,))
        for index, entry in enumerate(alignment.new)
        if index not in paired_new
    )
    changes.sort(key=reading_order)
    renumbered.sort(key=operator.itemgetter(0))  # reading order: part, then place in it
    renumbered_entries = tuple(map(operator.itemgetter(1), renumbered))
    changeset = ChangeSet(
        old=_list_ref(old),
        new=_list_ref(new),
        changes=tuple(changes),
        renumbered=renumbered_entries,
        categories=tuple(category_changes),
        summary=summarize(changes, renumbered_entries, registry),
        systemic=find_systemic(changes, registry),
        new_list=new,
    )
    return changeset, alignment


def reading_order(change: Change) -> tuple[int, int, int, str]:
    """Return a sort key placing a change where a reader meets it in the new list."""
    ref = change.new[0] if change.new else change.old[0]
    return (PART_ORDER[ref.part], ref.position, 0 if change.new else 1, ref.name)


def _ref(entry: Entry) -> ItemRef:
    return ItemRef(
        part=entry.part,
        category=entry.category.title,
        category_index=entry.category_index,
        number=entry.item.number,
        name=entry.item.name,
        position=entry.position,
    )


def _renumbered(before: Entry, after: Entry) -> Renumbered:
    return Renumbered(
        part=after.part,
        name=after.item.name,
        old_number=before.item.number,
        new_number=after.item.number,
        old_position=before.position,
        new_position=after.position,
    )


def _list_ref(duty_list: DutyList) -> ListRef:
    return ListRef(
        title=duty_list.title,
        source_file=duty_list.metadata.source_file,
        version=duty_list.metadata.version,
        published=duty_list.metadata.published,
    )


def _accepted(
    category_map: dict[PartKind, dict[int, int]], records: Iterable[CategoryChange]
) -> dict[PartKind, dict[int, set[int]]]:
    """Return, per part and old category, the new categories its items may stay in.

    The category it corresponds to, and the new categories of its split and merge
    records: an item that went with its category into one of those is not moved.
    """
    accepted: dict[PartKind, dict[int, set[int]]] = {
        kind: {a: {b} for a, b in pairs.items()} for kind, pairs in category_map.items()
    }
    for record in records:
        if record.kind in _REGROUPED and record.old is not None and record.new is not None:
            accepted[record.old.part].setdefault(record.old.index, set()).add(record.new.index)
    return accepted


_REGROUPED = frozenset({CategoryChangeKind.SPLIT, CategoryChangeKind.MERGED})


def _with_items(
    records: list[CategoryChange],
    alignment: Alignment,
    category_map: dict[PartKind, dict[int, int]],
    in_place: set[tuple[int, int]],
) -> list[CategoryChange]:
    """Return the records, each split and merge with the items that went with it."""
    if not any(record.kind in _REGROUPED for record in records):
        return records
    went: dict[tuple[PartKind, int, int], list[tuple[int, int]]] = defaultdict(list)
    for i, j in sorted(in_place):
        before, after = alignment.old[i], alignment.new[j]
        if category_map[before.part].get(before.category_index) != after.category_index:
            went[before.part, before.category_index, after.category_index].append(
                (before.position, after.position)
            )
    result = []
    for record in records:
        if record.kind in _REGROUPED and record.old is not None and record.new is not None:
            items = went.pop((record.old.part, record.old.index, record.new.index), [])
            record = attrs.evolve(record, items=tuple(items))  # noqa: PLW2901
        result.append(record)
    return result


def _in_place(
    alignment: Alignment, accepted: dict[PartKind, dict[int, set[int]]]
) -> set[tuple[int, int]]:
    """Return the pairs that stay in their part and category, in relative order.

    An item stays when its new category is one its old category may hold it in
    (:func:`_accepted`) and it keeps its order relative to the other items that stayed
    in that new category.
    """
    by_category: dict[tuple[PartKind, int], list[tuple[int, int]]] = defaultdict(list)
    old_entries, new_entries = alignment.old, alignment.new
    for pair in alignment.pairs:
        before, after = old_entries[pair[0]], new_entries[pair[1]]
        part = before.part
        if part is after.part and after.category_index in accepted[part].get(
            before.category_index, ()
        ):
            by_category[part, after.category_index].append(pair)

    def priority(pair: tuple[int, int]) -> tuple[object, ...]:
        # Symmetric in old and new: a pair and its mirror image get the same key, and two
        # pairs tie only when they are each other's mirror image with the same content.
        before, after = alignment.old[pair[0]], alignment.new[pair[1]]
        first, second = sorted((before.item.name, after.item.name))
        low, high = sorted((repr(before.content), repr(after.content)))
        return (
            abs(before.order - after.order),
            before.order + after.order,
            first,
            second,
            low,
            high,
        )

    keep: set[tuple[int, int]] = set()
    for pairs in by_category.values():
        keep.update(kept_in_order(sorted(pairs), priority))
    return keep


def summarize(
    changes: Iterable[Change],
    renumbered: Iterable[Renumbered],
    registry: Registry | None = None,
) -> Summary:
    """Return counts per part, per category and per department."""
    parts: dict[PartKind, Counter[str]] = defaultdict(Counter)
    categories: dict[tuple[PartKind, str], Counter[str]] = {}
    first_seen: dict[tuple[PartKind, str], int] = {}
    departments: dict[str, Counter[str]] = defaultdict(Counter)

    def count(ref: ItemRef, field: str) -> None:
        parts[ref.part][field] += 1
        key = (ref.part, ref.category)
        categories.setdefault(key, Counter())[field] += 1
        first_seen[key] = min(first_seen.get(key, ref.category_index), ref.category_index)

    def names(items: Iterable[Item]) -> set[str]:
        result: set[str] = set()
        for item in items:
            for name in department_names(item):
                result.add((registry.canonical(name) if registry else None) or name)
        return result

    for change in changes:
        kind = change.kind
        if kind is ChangeKind.ADDED:
            count(change.new[0], "added")
        elif kind is ChangeKind.REMOVED:
            count(change.old[0], "removed")
        elif kind is ChangeKind.MODIFIED:
            count(change.new[0], "modified")
        elif kind is ChangeKind.MOVED:
            count(change.old[0], "moved_out")
            count(change.new[0], "moved_in")
        elif kind is ChangeKind.SPLIT:
            count(change.old[0], "split")
        else:
            count(change.new[0], "merged")
        before, after = names(change.old_items), names(change.new_items)
        for name in after - before:
            departments[name]["gained"] += 1
        for name in before - after:
            departments[name]["lost"] += 1
        if kind in {ChangeKind.MODIFIED, ChangeKind.MOVED}:
            for name in before & after:
                departments[name]["changed"] += 1
    for part, times in Counter(entry.part for entry in renumbered).items():
        parts[part]["renumbered"] += times
    ordered = sorted(categories, key=lambda key: (PART_ORDER[key[0]], first_seen[key], key[1]))
    return Summary(
        parts=tuple(
            PartSummary(part=kind, tally=Tally(**parts[kind])) for kind in PartKind if kind in parts
        ),
        categories=tuple(
            CategorySummary(part=key[0], category=key[1], tally=Tally(**categories[key]))
            for key in ordered
        ),
        departments=tuple(
            DepartmentSummary(department=name, **departments[name]) for name in sorted(departments)
        ),
    )
