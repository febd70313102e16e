"""Turn an item alignment into a :class:`~dutylist.diff.changes.ChangeSet`.

Categories of each part are aligned by title (:class:`difflib.SequenceMatcher` over the
titles; within a replaced block a category is *renamed* when its title is similar or most
of its items went to the same new category). A matched pair of items is *in place* when it
stays in the same part and in the corresponding category and keeps its order relative to
the other in-place items (a longest increasing subsequence); otherwise it is *moved*.
An in-place pair whose content differs is *modified*; one whose number alone differs is
*renumbered*.
"""

from __future__ import annotations

import bisect
import difflib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from dutylist.diff.align import Alignment, Entry, align
from dutylist.diff.changes import (
    CategoryChange,
    CategoryChangeKind,
    CategoryRef,
    CategorySummary,
    Change,
    ChangeKind,
    ChangeSet,
    DepartmentSummary,
    ItemRef,
    ListRef,
    PartSummary,
    Renumbered,
    Summary,
    Tally,
)
from dutylist.diff.content import PART_ORDER, department_names, merged_parts
from dutylist.diff.fields import Registry, compare_items
from dutylist.diff.inline import normalize
from dutylist.diff.systemic import find_systemic
from dutylist.model import DutyList, Item, Part, PartKind

RENAME_SIMILARITY = 0.5
"""Categories in a replaced block whose titles are at least this similar are renamed."""


def compute(old: DutyList, new: DutyList, registry: Registry | None = None) -> ChangeSet:
    """Return the change set from ``old`` to ``new``."""
    return compute_aligned(old, new, registry)[0]


def compute_aligned(
    old: DutyList, new: DutyList, registry: Registry | None = None
) -> tuple[ChangeSet, Alignment]:
    """Return the change set from ``old`` to ``new`` and the item alignment it rests on."""
    alignment = align(old, new)
    category_map, category_changes = _align_categories(old, new, alignment)
    changes: list[Change] = []
    renumbered: list[Renumbered] = []
    in_place = _in_place(alignment, category_map)
    for i, j in alignment.pairs:
        before, after = alignment.old[i], alignment.new[j]
        moved = (i, j) not in in_place
        same = (i, j) not in alignment.changed
        if not moved and same:
            if before.item.number != after.item.number:
                renumbered.append(_renumbered(before, after))
            continue
        if not moved and before.item.number != after.item.number:
            renumbered.append(_renumbered(before, after))
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
    for whole, pieces in alignment.splits:
        paired_old.add(whole)
        paired_new.update(pieces)
        changes.append(
            Change(
                kind=ChangeKind.SPLIT,
                old=(_ref(alignment.old[whole]),),
                new=tuple(_ref(alignment.new[j]) for j in pieces),
                old_items=(alignment.old[whole].item,),
                new_items=tuple(alignment.new[j].item for j in pieces),
            )
        )
    for pieces, whole in alignment.merges:
        paired_old.update(pieces)
        paired_new.add(whole)
        changes.append(
            Change(
                kind=ChangeKind.MERGED,
                old=tuple(_ref(alignment.old[i]) for i in pieces),
                new=(_ref(alignment.new[whole]),),
                old_items=tuple(alignment.old[i].item for i in pieces),
                new_items=(alignment.new[whole].item,),
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
    renumbered.sort(key=lambda entry: (PART_ORDER[entry.part], entry.new_position))
    changeset = ChangeSet(
        old=_list_ref(old),
        new=_list_ref(new),
        changes=tuple(changes),
        renumbered=tuple(renumbered),
        categories=tuple(category_changes),
        summary=summarize(changes, renumbered, registry),
        systemic=find_systemic(changes),
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


def _parts(duty_list: DutyList) -> dict[PartKind, Part]:
    return merged_parts(duty_list)


def _category_ref(part: Part, index: int) -> CategoryRef:
    category = part.categories[index]
    return CategoryRef(
        part=part.kind,
        index=index,
        ordinal=category.ordinal,
        title=category.title,
        declared_count=category.declared_count,
        heading=category.heading,
    )


def _align_categories(
    old: DutyList, new: DutyList, alignment: Alignment
) -> tuple[dict[PartKind, dict[int, int]], list[CategoryChange]]:
    """Return, per part, old category index → new index, and the category changes."""
    flows: Counter[tuple[PartKind, int, int]] = Counter()
    for i, j in alignment.pairs:
        before, after = alignment.old[i], alignment.new[j]
        if before.part is after.part:
            flows[before.part, before.category_index, after.category_index] += 1
    old_parts, new_parts = _parts(old), _parts(new)
    mapping: dict[PartKind, dict[int, int]] = {}
    changes: list[CategoryChange] = []
    for kind in PartKind:
        old_part, new_part = old_parts.get(kind), new_parts.get(kind)
        old_count = len(old_part.categories) if old_part else 0
        new_count = len(new_part.categories) if new_part else 0
        if old_part is None or new_part is None:
            pairs: list[tuple[int, int]] = []
        else:
            pairs = _category_pairs(old_part, new_part, flows)
        mapping[kind] = dict(pairs)
        if pairs:
            assert old_part is not None  # noqa: S101 - pairs exist only when both parts do
            assert new_part is not None  # noqa: S101
            moved = _reordered(old_part, new_part, pairs)
            for a, b in pairs:
                changes.extend(
                    _category_changes(
                        _category_ref(old_part, a),
                        _category_ref(new_part, b),
                        reordered=(a, b) in moved,
                    )
                )
        paired_old = {a for a, _ in pairs}
        paired_new = {b for _, b in pairs}
        if old_part is not None:
            changes.extend(
                CategoryChange(
                    kind=CategoryChangeKind.REMOVED, old=_category_ref(old_part, a), new=None
                )
                for a in range(old_count)
                if a not in paired_old
            )
        if new_part is not None:
            changes.extend(
                CategoryChange(
                    kind=CategoryChangeKind.ADDED, old=None, new=_category_ref(new_part, b)
                )
                for b in range(new_count)
                if b not in paired_new
            )
    changes.sort(key=_category_order)
    return mapping, changes


def _category_order(change: CategoryChange) -> tuple[int, int, int]:
    ref = change.new or change.old
    assert ref is not None  # noqa: S101 - a change has at least one side
    return (PART_ORDER[ref.part], ref.index, 0 if change.new else 1)


def _category_pairs(
    old: Part, new: Part, flows: Counter[tuple[PartKind, int, int]]
) -> list[tuple[int, int]]:
    """Pair the categories of a part: same normalised title first, then renamed ones.

    A category is identified by its title, not by its place: the k-th category titled
    *T* in the old part is the k-th titled *T* in the new part, wherever it stands. The
    rest are paired when their titles are similar or when most of the items of both
    went from one to the other (a renamed category), best evidence first.
    """
    old_titles = [normalize(category.title) for category in old.categories]
    new_titles = [normalize(category.title) for category in new.categories]
    by_title: dict[str, list[int]] = defaultdict(list)
    for b, title in enumerate(new_titles):
        by_title[title].append(b)
    pairs: list[tuple[int, int]] = []
    seen: Counter[str] = Counter()
    for a, title in enumerate(old_titles):
        candidates = by_title.get(title, [])
        if seen[title] < len(candidates):
            pairs.append((a, candidates[seen[title]]))
        seen[title] += 1
    paired_old = {a for a, _ in pairs}
    paired_new = {b for _, b in pairs}
    free_old = [a for a in range(len(old_titles)) if a not in paired_old]
    free_new = [b for b in range(len(new_titles)) if b not in paired_new]
    return pairs + _renamed(old, new, free_old, free_new, flows)


def _renamed(
    old: Part,
    new: Part,
    free_old: Sequence[int],
    free_new: Sequence[int],
    flows: Counter[tuple[PartKind, int, int]],
) -> list[tuple[int, int]]:
    """Pair unpaired categories by a similar title or by where their items went."""
    scored: list[tuple[tuple[object, ...], int, int]] = []
    for a in free_old:
        for b in free_new:
            before, after = old.categories[a], new.categories[b]
            flow = flows[old.kind, a, b]
            most = flow * 2 > max(len(before.items), len(after.items))
            ratio = difflib.SequenceMatcher(None, before.title, after.title, autojunk=False).ratio()
            if most or ratio >= RENAME_SIMILARITY:
                titles = sorted((before.title, after.title))
                key = (not most, -flow, -round(ratio, 9), abs(a - b), a + b, *titles)
                scored.append((key, a, b))
    scored.sort(key=lambda entry: entry[0])
    used_old: set[int] = set()
    used_new: set[int] = set()
    pairs = []
    for _, a, b in scored:
        if a not in used_old and b not in used_new:
            used_old.add(a)
            used_new.add(b)
            pairs.append((a, b))
    return pairs


def _reordered(old: Part, new: Part, pairs: Sequence[tuple[int, int]]) -> set[tuple[int, int]]:
    """Return the category pairs that changed place: the fewest, the smaller ones first."""

    def priority(pair: tuple[int, int]) -> tuple[object, ...]:
        before, after = old.categories[pair[0]], new.categories[pair[1]]
        titles = sorted((before.title, after.title))
        size = len(before.items) + len(after.items)
        return (-size, abs(pair[0] - pair[1]), pair[0] + pair[1], *titles)

    kept = set(kept_in_order(sorted(pairs), priority))
    return {pair for pair in pairs if pair not in kept}


def _category_changes(
    before: CategoryRef, after: CategoryRef, *, reordered: bool
) -> list[CategoryChange]:
    changes = []
    if reordered:
        changes.append(CategoryChange(kind=CategoryChangeKind.REORDERED, old=before, new=after))
    if before.title != after.title:
        changes.append(CategoryChange(kind=CategoryChangeKind.RENAMED, old=before, new=after))
    if before.declared_count != after.declared_count:
        changes.append(CategoryChange(kind=CategoryChangeKind.COUNT_CHANGED, old=before, new=after))
    if not changes and before.ordinal != after.ordinal:
        changes.append(CategoryChange(kind=CategoryChangeKind.RENUMBERED, old=before, new=after))
    return changes


def _in_place(
    alignment: Alignment, category_map: dict[PartKind, dict[int, int]]
) -> set[tuple[int, int]]:
    """Return the pairs that stay in their part and category, in relative order."""
    by_category: dict[tuple[PartKind, int], list[tuple[int, int]]] = defaultdict(list)
    for i, j in alignment.pairs:
        before, after = alignment.old[i], alignment.new[j]
        if (
            before.part is after.part
            and category_map[before.part].get(before.category_index) == after.category_index
        ):
            by_category[before.part, before.category_index].append((i, j))

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


def _run_lengths(values: Sequence[int]) -> list[int]:
    """Return, for each value, the length of the longest increasing run ending there."""
    tails: list[int] = []
    lengths = []
    for value in values:
        length = bisect.bisect_left(tails, value)
        if length == len(tails):
            tails.append(value)
        else:
            tails[length] = value
        lengths.append(length + 1)
    return lengths


def kept_in_order(
    pairs: Sequence[tuple[int, int]], priority: Callable[[tuple[int, int]], Any]
) -> list[tuple[int, int]]:
    """Return a largest subset of ``pairs`` (sorted by old) that is increasing in new too.

    Pairs lying on every longest increasing subsequence are kept; the others are
    considered in the order of ``priority`` and kept when they fit. When ``priority`` gives
    a pair and its mirror image the same key (it must not depend on which list is called
    old), ``diff(b, a)`` keeps exactly the pairs ``diff(a, b)`` keeps. O(n log n) while few
    pairs are contested.
    """
    values = [j for _, j in pairs]
    ending = _run_lengths(values)
    starting = _run_lengths([-j for j in reversed(values)])[::-1]
    longest = max(ending, default=0)
    on_some = [e + s - 1 == longest for e, s in zip(ending, starting, strict=True)]
    per_length = Counter(e for e, some in zip(ending, on_some, strict=True) if some)
    kept_old: list[int] = []
    kept_new: list[int] = []
    contested: list[tuple[int, int]] = []
    for index, (i, j) in enumerate(pairs):
        if on_some[index] and per_length[ending[index]] == 1:
            kept_old.append(i)
            kept_new.append(j)
        else:
            contested.append((i, j))
    result = list(zip(kept_old, kept_new, strict=True))
    for i, j in sorted(contested, key=priority):
        at = bisect.bisect_left(kept_old, i)
        if at > 0 and kept_new[at - 1] >= j:
            continue
        if at < len(kept_old) and kept_new[at] <= j:
            continue
        kept_old.insert(at, i)
        kept_new.insert(at, j)
        result.append((i, j))
    return result


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
                result.add((registry(name) if registry else None) or name)
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
    for entry in renumbered:
        parts[entry.part]["renumbered"] += 1
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
