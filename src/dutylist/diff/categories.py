"""Align the categories of two versions: by normalised title, then renamed, then reordered.

A category is identified by its title, not by its place: the k-th category titled *T*
in the old part is the k-th titled *T* in the new part. Categories left over are
*renamed* when their titles are at least :data:`RENAME_SIMILARITY` alike or most items
of both went from one to the other. Paired categories off a longest increasing run are
*reordered* (the fewest; the smaller categories first, so a swap reports the smaller).
"""

from __future__ import annotations

import bisect
import difflib
import operator
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from dutylist.diff.align import Alignment
from dutylist.diff.changes import CategoryChange, CategoryChangeKind, CategoryRef
from dutylist.diff.content import PART_ORDER, merged_parts
from dutylist.diff.inline import inline_diff, normalize
from dutylist.model import DutyList, Part, PartKind

RENAME_SIMILARITY = 0.5
"""Categories in a replaced block whose titles are at least this similar are renamed."""


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


def align_categories(
    old: DutyList, new: DutyList, alignment: Alignment
) -> tuple[dict[PartKind, dict[int, int]], list[CategoryChange]]:
    """Return, per part, old category index → new index, and the category changes."""
    old_entries, new_entries = alignment.old, alignment.new
    flows: Counter[tuple[PartKind, int, int]] = Counter(
        (before.part, before.category_index, after.category_index)
        for before, after in ((old_entries[i], new_entries[j]) for i, j in alignment.pairs)
        if before.part is after.part
    )
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
                was, now = old_part.categories[a], new_part.categories[b]
                if (a, b) not in moved and (
                    (was.title, was.declared_count, was.ordinal)
                    == (now.title, now.declared_count, now.ordinal)
                ):
                    continue  # nothing to say (most categories): no references to build
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
        if old_part is not None and new_part is not None:
            changes.extend(_regrouped(old_part, new_part, dict(pairs), flows))
    changes.sort(key=_category_order)
    return mapping, changes


def _regrouped(
    old: Part, new: Part, pairs: dict[int, int], flows: Counter[tuple[PartKind, int, int]]
) -> list[CategoryChange]:
    """Return category splits and merges (besides their added and removed records).

    An old category is *split* into the new categories that took most of their items
    from it, when there are at least two and one of them is new; a new category is
    *merged* from the old categories that gave it most of their items, when there are
    at least two and one of them is gone. One record per part not already paired.
    """
    paired_new = {b: a for a, b in pairs.items()}
    gave: dict[int, list[int]] = defaultdict(list)  # old → new categories mostly from it
    took: dict[int, list[int]] = defaultdict(list)  # new → old categories mostly into it
    for (kind, a, b), flow in flows.items():
        if kind is not old.kind:
            continue
        if flow * 2 > len(new.categories[b].items):
            gave[a].append(b)
        if flow * 2 > len(old.categories[a].items):
            took[b].append(a)
    regrouped = [
        *((CategoryChangeKind.SPLIT, a, b) for a, b in _fanned(gave, pairs, paired_new)),
        *((CategoryChangeKind.MERGED, a, b) for b, a in _fanned(took, paired_new, pairs)),
    ]
    return [
        CategoryChange(kind=kind, old=_category_ref(old, a), new=_category_ref(new, b))
        for kind, a, b in regrouped
    ]


def _fanned(
    groups: dict[int, list[int]], paired: dict[int, int], paired_other: dict[int, int]
) -> Iterator[tuple[int, int]]:
    """Yield (one, each of many) for the groups of two or more with one category not paired.

    ``groups`` maps a category of one side to those of the other side it fans out to;
    ``paired`` and ``paired_other`` are the category pairs seen from each side. The
    category ``one`` is paired with is left out: it continues rather than splits or merges.
    """
    for one, many in sorted(groups.items()):
        if len(many) >= 2 and any(other not in paired_other for other in many):
            yield from ((one, other) for other in sorted(many) if paired.get(one) != other)


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
    """Return the records of a pair of categories, each with the inline diff of the headings."""
    kinds = []
    if reordered:
        kinds.append(CategoryChangeKind.REORDERED)
    if before.title != after.title:
        kinds.append(CategoryChangeKind.RENAMED)
    if before.declared_count != after.declared_count:
        kinds.append(CategoryChangeKind.COUNT_CHANGED)
    if not kinds and before.ordinal != after.ordinal:
        kinds.append(CategoryChangeKind.RENUMBERED)
    shown_before, shown_after = before.heading or before.title, after.heading or after.title
    edits = inline_diff(shown_before, shown_after) if shown_before != shown_after else ()
    return [CategoryChange(kind=kind, old=before, new=after, edits=edits) for kind in kinds]


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
    old), ``diff_lists(b, a)`` keeps exactly the pairs ``diff_lists(a, b)`` keeps.
    O(n log n) while few pairs are contested.
    """
    values = [j for _, j in pairs]
    if all(map(operator.lt, values, values[1:])):
        return list(pairs)  # already in order: the one longest run is every pair
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
