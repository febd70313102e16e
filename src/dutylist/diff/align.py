"""Match the items of two versions of a list by what they say, not by their number.

Five stages, each on the items the previous stages left unmatched:

1. **Same name.** Items whose names are equal after :func:`~dutylist.diff.inline.normalize`
   (NFKC, no whitespace or punctuation) are matched through a hash table. When a name
   occurs more than once, identical content beats same part beats nearness in reading
   order. Then an unmatched item whose name is the only one equal to the unqualified
   name of two or more unmatched items (``X`` and ``X（宣传）``, ``X（排查）``) is split
   into them (merged from them, in the mirror image), when their clauses lie mostly
   inside its own.
2. **Nearly the same.** Pairs scoring at least :data:`CONFIDENT` by :func:`similarity`
   (below) are matched next, so a lightly edited item is never mistaken for part of a
   split or merge.
3. **Splits and merges** (分设 / 合并). Texts are compared as sets of character bigrams
   of name + clauses. An old item is *split* when at least two new items each lie mostly
   inside it (:data:`FRAGMENT_CONTAINMENT` of their bigrams are the old item's), each
   carries at least :data:`FRAGMENT_SHARE` of it, together they cover
   :data:`SPLIT_COVERAGE` of it, and no single one of them covers :data:`WHOLE_COVERAGE`
   (that would be an edit, not a split). Merges are the mirror image.
4. **Similar content.** :func:`similarity` is the normalised Indel similarity
   (rapidfuzz's ``ratio``, the measure of :class:`difflib.SequenceMatcher`'s ``ratio``) of
   the names; when both items are of the same part and have clauses, the mean of that and
   the similarity of the clause texts (the clauses of a cooperative and a recalled item
   are not comparable). Pairs scoring at least :data:`MATCH_THRESHOLD` are matched, best
   first; ties go to the same part, then to the pair closest in reading order. Nothing
   below the threshold is ever matched.
5. **Absorbed items.** A merge may keep one of the old names: unmatched old items that lie
   mostly inside a matched new item and account for at least :data:`ABSORBED` of the
   bigrams it gained over its old self were merged into it, and that pair becomes part
   of the merge. Splits that keep the old name are the mirror image.

Stages 2 to 5 never compare all pairs: candidates come from one inverted index of
bigrams per side, built once (:class:`~dutylist.diff.stages.Index`), and only the
:data:`CANDIDATES` best candidates of each item (looked up from both sides, so the result
does not depend on which list is called old) are scored. A bigram held by more than
:data:`COMMON_BIGRAM` items counts for the nearest of them in reading order, so repeated
wording bounds the work without hiding nearby matches.
"""

from __future__ import annotations

import operator
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

import attrs

from dutylist.diff.entries import (
    ABSORBED,
    CANDIDATES,
    COMMON_BIGRAM,
    CONFIDENT,
    FRAGMENT_CONTAINMENT,
    FRAGMENT_SHARE,
    MATCH_THRESHOLD,
    SPLIT_COVERAGE,
    WHOLE_COVERAGE,
    Entry,
    bigrams,
    entries,
    same_text,
    similarity,
)
from dutylist.diff.stages import (
    Index,
    absorbed,
    greedy,
    pair_key,
    qualified,
    similar,
    splits_and_merges,
)
from dutylist.model import DutyList


@attrs.frozen(kw_only=True)
class Alignment:
    """How the items of two versions correspond (indices into the entry lists)."""

    old: tuple[Entry, ...]
    """The old list's items in reading order."""
    new: tuple[Entry, ...]
    """The new list's items in reading order."""
    pairs: tuple[tuple[int, int], ...]
    """Matched items: (old index, new index)."""
    splits: tuple[tuple[int, tuple[int, ...]], ...]
    """An old item and the new items it was split into."""
    merges: tuple[tuple[tuple[int, ...], int], ...]
    """Old items and the new item they were merged into."""
    changed: frozenset[tuple[int, int]] = frozenset()
    """The matched pairs whose content differs."""


def _take(
    splits: Iterable[tuple[int, tuple[int, ...]]],
    merges: Iterable[tuple[tuple[int, ...], int]],
    free_old: set[int],
    free_new: set[int],
) -> None:
    """Take the items of ``splits`` and ``merges`` out of the free ones."""
    for whole, parts in splits:
        free_old.discard(whole)
        free_new.difference_update(parts)
    for parts, whole in merges:
        free_old.difference_update(parts)
        free_new.discard(whole)


def align(old: DutyList, new: DutyList) -> Alignment:
    """Return the correspondence between the items of ``old`` and ``new``."""
    old_entries, new_entries = entries(old), entries(new)
    pairs = _same_names(old_entries, new_entries)
    free_old = set(range(len(old_entries))).difference(map(_FIRST, pairs))
    free_new = set(range(len(new_entries))).difference(map(_SECOND, pairs))
    changed = {(i, j) for i, j in pairs if not old_entries[i].same_content(new_entries[j])}
    # one index per side, over every item a later stage may look up: the unmatched ones,
    # and the matched ones whose text changed (a merge may have gone into them)
    gained = [(i, j) for i, j in changed if not same_text(old_entries[i], new_entries[j])]
    old_index = Index(old_entries, free_old | {i for i, _ in gained})
    new_index = Index(new_entries, free_new | {j for _, j in gained})
    qualified_splits, qualified_merges = qualified(old_entries, new_entries, free_old, free_new)
    _take(qualified_splits, qualified_merges, free_old, free_new)
    indexes = (old_index, new_index)
    confident = similar(old_entries, new_entries, free_old, free_new, indexes, CONFIDENT)
    pairs.extend(confident)
    free_old.difference_update(i for i, _ in confident)
    free_new.difference_update(j for _, j in confident)
    splits, merges = splits_and_merges(old_entries, new_entries, free_old, free_new, indexes)
    splits.extend(qualified_splits)
    merges.extend(qualified_merges)
    _take(splits, merges, free_old, free_new)
    alike = similar(old_entries, new_entries, free_old, free_new, indexes)
    pairs.extend(alike)
    changed.update(confident)
    changed.update(alike)
    free_old.difference_update(map(_FIRST, alike))
    free_new.difference_update(map(_SECOND, alike))
    absorbed_splits, absorbed_merges = absorbed(
        old_entries, new_entries, changed, free_old, free_new, indexes
    )
    splits.extend(absorbed_splits)
    merges.extend(absorbed_merges)
    dissolved = {whole for whole, _ in absorbed_splits} | {
        piece for pieces, _ in absorbed_merges for piece in pieces
    }
    if dissolved:
        pairs = [(i, j) for i, j in pairs if i not in dissolved]
        changed.difference_update([(i, j) for i, j in changed if i in dissolved])
    return Alignment(
        old=old_entries,
        new=new_entries,
        pairs=tuple(sorted(pairs)),
        changed=frozenset(changed),
        splits=tuple(sorted(splits)),
        merges=tuple(sorted(merges, key=lambda merge: merge[1])),
    )


_FIRST = operator.itemgetter(0)
_SECOND = operator.itemgetter(1)


def _same_names(old: Sequence[Entry], new: Sequence[Entry]) -> list[tuple[int, int]]:
    old_keys = [entry.key for entry in old]
    new_keys = [entry.key for entry in new]
    old_count, new_count = Counter(old_keys), Counter(new_keys)
    new_at = dict(zip(new_keys, range(len(new_keys)), strict=True))  # the last of each name
    # a name held once on each side: the two items are one (most items, found in one pass)
    pairs = [
        (i, new_at[key])
        for i, key in enumerate(old_keys)
        if key and new_count.get(key) == 1 and old_count[key] == 1
    ]
    repeated = {
        key
        for key, count in old_count.items()
        if key and key in new_count and (count > 1 or new_count[key] > 1)
    }
    if not repeated:
        return pairs
    by_key: dict[str, list[int]] = defaultdict(list)
    for index, key in enumerate(new_keys):
        if key in repeated:
            by_key[key].append(index)
    old_by_key: dict[str, list[int]] = defaultdict(list)
    for index, key in enumerate(old_keys):
        if key in repeated:
            old_by_key[key].append(index)
    for key, old_indices in old_by_key.items():
        # identical content beats same part beats nearness in reading order
        ranked = sorted(
            (
                (
                    not old[i].same_content(new[j]),
                    *pair_key(old[i], new[j]),
                    i,
                    j,
                )
                for i in old_indices
                for j in by_key[key]
            ),
        )
        pairs.extend(greedy((entry[-2], entry[-1]) for entry in ranked))
    return pairs


__all__ = [
    "ABSORBED",
    "CANDIDATES",
    "COMMON_BIGRAM",
    "CONFIDENT",
    "FRAGMENT_CONTAINMENT",
    "FRAGMENT_SHARE",
    "MATCH_THRESHOLD",
    "SPLIT_COVERAGE",
    "WHOLE_COVERAGE",
    "Alignment",
    "Entry",
    "align",
    "bigrams",
    "entries",
    "similarity",
]
