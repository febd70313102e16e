"""Match the items of two versions of a list by what they say, not by their number.

Five stages, each on the items the previous stages left unmatched:

1. **Same name.** Items whose names are equal after :func:`~dutylist.diff.inline.normalize`
   (NFKC, no whitespace or punctuation) are matched through a hash table. When a name
   occurs more than once, identical content beats same part beats nearness in reading
   order.
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

Stages 2 to 5 never compare all pairs: candidates come from an inverted index of
bigrams, skipping bigrams shared by more than :data:`COMMON_BIGRAM` items, and only the
:data:`CANDIDATES` best candidates of each item (looked up from both sides, so the result
does not depend on which list is called old) are scored.
"""

from __future__ import annotations

import bisect
import functools
import heapq
import operator
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Container, Hashable, Iterable, Sequence

import attrs

from dutylist.diff.content import body_text, item_content, merged_parts
from dutylist.diff.inline import normalize
from dutylist.model import ITEM_TYPES, Category, DutyList, Item, PartKind

MATCH_THRESHOLD = 0.6
"""The least :func:`similarity` at which two differently named items are one item."""
CONFIDENT = 0.85
"""Pairs at least this similar are matched before splits and merges are looked for."""
FRAGMENT_CONTAINMENT = 0.7
"""The least share of a fragment's bigrams that must lie in the whole it was split from."""
FRAGMENT_SHARE = 0.15
"""The least share of the whole's bigrams that each fragment must carry."""
SPLIT_COVERAGE = 0.6
"""The least share of the whole's bigrams that the fragments must cover together."""
WHOLE_COVERAGE = 0.85
"""A fragment covering this much of the whole is an edited item, not a split."""
ABSORBED = 0.5
"""The least share of what a matched item gained (or lost) that absorbed items account for."""
COMMON_BIGRAM = 64
"""Bigrams found in more items than this are not used to find candidates."""
CANDIDATES = 8
"""How many candidates per item are scored."""

_QUALIFIER = re.compile(r"[（(][^（()）]{1,12}[）)]\s*$")


@attrs.frozen(kw_only=True)
class Entry:
    """An item of one version with its place."""

    item: Item
    """The item."""
    part: PartKind
    """Its part."""
    category: Category
    """Its category."""
    category_index: int
    """The 0-based place of its category within the part."""
    position: int
    """Its 0-based place within the part."""
    order: int
    """Its 0-based place in the whole list, in reading order."""
    key: str
    """Its normalised name."""

    @functools.cached_property
    def body(self) -> str:
        """Return its normalised clause texts."""
        return normalize(body_text(self.item))

    @functools.cached_property
    def content(self) -> Hashable:
        """Return the item's content without its number (computed once)."""
        return item_content(self.item)

    def same_content(self, other: Entry) -> bool:
        """Return True when the two items have the same content (numbers aside).

        Fields are compared directly first (equal fields mean equal content); only items
        that differ in some field, perhaps only in form, build their content.
        """
        a, b = self.item, other.item
        if type(a) is type(b):
            fields = _compared_fields(a.kind)
            if fields(a) == fields(b):
                return True
        return self.content == other.content

    @functools.cached_property
    def base(self) -> str:
        """Return the normalised name without a trailing qualifier (``…（宣传）``), else ''."""
        match = _QUALIFIER.search(self.item.name)
        return normalize(self.item.name[: match.start()]) if match else ""

    @functools.cached_property
    def body_grams(self) -> frozenset[str]:
        """Return the character bigrams of the clauses."""
        return bigrams(self.body)

    @functools.cached_property
    def grams(self) -> frozenset[str]:
        """Return the character bigrams of name and clauses."""
        return bigrams(self.key + "|" + self.body if self.body else self.key)


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


@functools.cache
def _compared_fields(kind: PartKind) -> Callable[[Item], tuple[object, ...]]:
    """Return a getter of the fields of a part's items that are content (not number, source)."""
    skipped = {"number", "number_text", "source", "method_labelled"}
    item_class = ITEM_TYPES[kind]
    names = [field.name for field in attrs.fields(item_class) if field.name not in skipped]
    return operator.attrgetter(*names)


def entries(duty_list: DutyList) -> tuple[Entry, ...]:
    """Return the items of ``duty_list`` with their places, in reading order."""
    result: list[Entry] = []
    for part in merged_parts(duty_list).values():
        position = 0
        for category_index, category in enumerate(part.categories):
            for item in category.items:
                key = normalize(item.name)
                result.append(
                    Entry(
                        item=item,
                        part=part.kind,
                        category=category,
                        category_index=category_index,
                        position=position,
                        order=len(result),
                        key=key,
                    )
                )
                position += 1
    return tuple(result)


def bigrams(text: str) -> frozenset[str]:
    """Return the set of character bigrams of ``text`` (the text itself when shorter)."""
    if len(text) < 2:
        return frozenset([text]) if text else frozenset()
    return frozenset(text[index : index + 2] for index in range(len(text) - 1))


def similarity(old: Entry, new: Entry) -> float:
    """Return how alike two items are, from 0 to 1 (see the module doc)."""
    from rapidfuzz.fuzz import ratio  # noqa: PLC0415

    name = ratio(old.key, new.key) / 100
    if old.body and new.body and old.part is new.part:
        return (name + ratio(old.body, new.body) / 100) / 2
    return name


def align(old: DutyList, new: DutyList) -> Alignment:
    """Return the correspondence between the items of ``old`` and ``new``."""
    old_entries, new_entries = entries(old), entries(new)
    pairs = _same_names(old_entries, new_entries)
    free_old = set(range(len(old_entries))) - {i for i, _ in pairs}
    free_new = set(range(len(new_entries))) - {j for _, j in pairs}
    changed = {(i, j) for i, j in pairs if not old_entries[i].same_content(new_entries[j])}
    # one index per side, over every item a later stage may look up
    old_index = _Index(old_entries, free_old | {i for i, _ in changed})
    new_index = _Index(new_entries, free_new | {j for _, j in changed})
    qualified_splits, qualified_merges = _qualified(old_entries, new_entries, free_old, free_new)
    for whole, parts in qualified_splits:
        free_old.discard(whole)
        free_new.difference_update(parts)
    for parts, whole in qualified_merges:
        free_old.difference_update(parts)
        free_new.discard(whole)
    indexes = (old_index, new_index)
    confident = _similar(old_entries, new_entries, free_old, free_new, indexes, CONFIDENT)
    pairs.extend(confident)
    free_old.difference_update(i for i, _ in confident)
    free_new.difference_update(j for _, j in confident)
    splits, merges = _splits_and_merges(old_entries, new_entries, free_old, free_new, indexes)
    splits.extend(qualified_splits)
    merges.extend(qualified_merges)
    for whole, parts in splits:
        free_old.discard(whole)
        free_new.difference_update(parts)
    for parts, whole in merges:
        free_old.difference_update(parts)
        free_new.discard(whole)
    similar = _similar(old_entries, new_entries, free_old, free_new, indexes)
    pairs.extend(similar)
    changed.update(confident)
    changed.update(similar)
    free_old.difference_update(i for i, _ in pairs)
    free_new.difference_update(j for _, j in pairs)
    absorbed_splits, absorbed_merges = _absorbed(
        old_entries, new_entries, changed, free_old, free_new, indexes
    )
    splits.extend(absorbed_splits)
    merges.extend(absorbed_merges)
    dissolved = {whole for whole, _ in absorbed_splits} | {
        piece for pieces, _ in absorbed_merges for piece in pieces
    }
    pairs = [(i, j) for i, j in pairs if i not in dissolved]
    return Alignment(
        old=old_entries,
        new=new_entries,
        pairs=tuple(sorted(pairs)),
        changed=frozenset(changed.difference((i, j) for i, j in changed if i in dissolved)),
        splits=tuple(sorted(splits)),
        merges=tuple(sorted(merges, key=lambda merge: merge[1])),
    )


def _absorbed(  # noqa: PLR0913, PLR0917 - both sides, their state and their indexes
    old: Sequence[Entry],
    new: Sequence[Entry],
    changed: set[tuple[int, int]],
    free_old: set[int],
    free_new: set[int],
    indexes: tuple[_Index, _Index],
) -> tuple[list[tuple[int, tuple[int, ...]]], list[tuple[tuple[int, ...], int]]]:
    """Find merges into a matched item, and splits out of one (see stage 5).

    An unmatched old item *r* was merged into a matched new item *n* (old self *m*) when
    *r* lies mostly inside *n* (:data:`FRAGMENT_CONTAINMENT` of its bigrams), accounts for
    a fair share of what *n* gained over *m* and is not mostly made of other text (a
    quarter of each), and the absorbed items together account for :data:`ABSORBED` of the
    gain. Splits are the mirror image.
    """
    partner_of_new = {j: i for i, j in changed}
    partner_of_old = dict(changed)
    groups: list[tuple[float, int, tuple[int, ...], bool, int, tuple[int, ...]]] = []

    def collect(  # noqa: PLR0913 - one side's items, the other's, and how they pair
        pieces: Iterable[int],
        piece_side: Sequence[Entry],
        whole_side: Sequence[Entry],
        partner: dict[int, int],
        index: _Index,
        *,
        is_split: bool,
    ) -> None:
        partner_side = piece_side  # the whole's partner is on the pieces' side
        found: dict[int, list[int]] = defaultdict(list)
        for piece in sorted(pieces):
            grams = piece_side[piece].grams
            best: tuple[int, int] | None = None
            for whole in index.candidates(piece_side[piece], partner):
                change = whole_side[whole].grams - partner_side[partner[whole]].grams
                shared = grams & change
                if (
                    len(grams) >= 4
                    and len(grams & whole_side[whole].grams) >= FRAGMENT_CONTAINMENT * len(grams)
                    and len(shared) >= max(4, len(change) / 4, len(grams) / 4)
                    and (best is None or (len(shared), -whole) > (best[0], -best[1]))
                ):
                    best = (len(shared), whole)
            if best is not None:
                found[best[1]].append(piece)
        for whole, absorbed in found.items():
            change = whole_side[whole].grams - partner_side[partner[whole]].grams
            covered = set().union(*(piece_side[piece].grams & change for piece in absorbed))
            share = len(covered) / len(change)
            if share < ABSORBED:
                continue
            members = tuple(sorted([partner[whole], *absorbed]))
            orders = tuple(partner_side[member].order for member in members)
            groups.append((-share, whole_side[whole].order, orders, is_split, whole, members))

    if free_old and partner_of_new:
        collect(free_old, old, new, partner_of_new, indexes[1], is_split=False)
    if free_new and partner_of_old:
        collect(free_new, new, old, partner_of_old, indexes[0], is_split=True)
    return _take_groups(groups)


def _take_groups(
    groups: list[tuple[float, int, tuple[int, ...], bool, int, tuple[int, ...]]],
) -> tuple[list[tuple[int, tuple[int, ...]]], list[tuple[tuple[int, ...], int]]]:
    """Accept split and merge groups best first, each item in at most one group."""
    groups.sort()
    used_old: set[int] = set()
    used_new: set[int] = set()
    splits: list[tuple[int, tuple[int, ...]]] = []
    merges: list[tuple[tuple[int, ...], int]] = []
    for _, _, _, is_split, whole, pieces in groups:
        if is_split:
            if whole in used_old or used_new.intersection(pieces):
                continue
            used_old.add(whole)
            used_new.update(pieces)
            splits.append((whole, pieces))
        else:
            if whole in used_new or used_old.intersection(pieces):
                continue
            used_new.add(whole)
            used_old.update(pieces)
            merges.append((pieces, whole))
    return splits, merges


def _pair_key(old: Entry, new: Entry) -> tuple[int, int, int, int]:
    """Order candidate pairs symmetrically: same part, nearness, earliness."""
    return (
        old.part is not new.part,
        abs(old.order - new.order),
        old.order + new.order,
        abs(old.position - new.position),
    )


def _same_names(old: Sequence[Entry], new: Sequence[Entry]) -> list[tuple[int, int]]:
    by_key: dict[str, list[int]] = defaultdict(list)
    for index, entry in enumerate(new):
        if entry.key:
            by_key[entry.key].append(index)
    old_by_key: dict[str, list[int]] = defaultdict(list)
    for index, entry in enumerate(old):
        if entry.key in by_key:
            old_by_key[entry.key].append(index)
    pairs: list[tuple[int, int]] = []
    for key, old_indices in old_by_key.items():
        new_indices = by_key[key]
        if len(old_indices) == 1 and len(new_indices) == 1:
            pairs.append((old_indices[0], new_indices[0]))
            continue
        ranked = sorted(
            (
                (
                    not old[i].same_content(new[j]),
                    *_pair_key(old[i], new[j]),
                    i,
                    j,
                )
                for i in old_indices
                for j in new_indices
            ),
        )
        pairs.extend(_greedy((entry[-2], entry[-1]) for entry in ranked))
    return pairs


def _qualified(
    old: Sequence[Entry], new: Sequence[Entry], free_old: set[int], free_new: set[int]
) -> tuple[list[tuple[int, tuple[int, ...]]], list[tuple[tuple[int, ...], int]]]:
    """Find splits into parts named like the whole plus a qualifier (``X（宣传）``, ``X（排查）``).

    The parts may keep all of the original clauses, or share them out: each part's
    clauses must lie mostly inside the whole's (:data:`FRAGMENT_CONTAINMENT`). Merges
    are the mirror image.
    """

    def groups(
        wholes: set[int], whole_side: Sequence[Entry], pieces: set[int], piece_side: Sequence[Entry]
    ) -> list[tuple[int, tuple[int, ...]]]:
        by_base: dict[str, list[int]] = defaultdict(list)
        for index in sorted(pieces):
            if piece_side[index].base:
                by_base[piece_side[index].base].append(index)
        by_key: dict[str, list[int]] = defaultdict(list)
        for index in sorted(wholes):
            if whole_side[index].key in by_base:
                by_key[whole_side[index].key].append(index)
        found = []
        for key, candidates in by_key.items():
            if len(candidates) != 1:
                continue  # which of several same-named items split is not for the names to say
            whole = whole_side[candidates[0]]
            parts = tuple(
                index
                for index in by_base[key]
                if len(piece_side[index].body_grams & whole.body_grams)
                >= FRAGMENT_CONTAINMENT * len(piece_side[index].body_grams)
            )
            if len(parts) >= 2:
                found.append((candidates[0], parts))
        return found

    splits = groups(free_old, old, free_new, new)
    merges = [(parts, whole) for whole, parts in groups(free_new, new, free_old, old)]
    return splits, merges


def _greedy(ranked: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    used_old: set[int] = set()
    used_new: set[int] = set()
    chosen: list[tuple[int, int]] = []
    for i, j in ranked:
        if i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        chosen.append((i, j))
    return chosen


class _Index:
    """An inverted index of bigrams over some entries of one side, built once per diff.

    A bigram found in few items counts for every item holding it. One found in more than
    :data:`COMMON_BIGRAM` items (repeated wording) is not dropped: it counts for the
    :data:`COMMON_BIGRAM` items holding it that are nearest in reading order to the item
    looked up, so the work stays bounded and nearby evidence is kept.
    """

    def __init__(self, side: Sequence[Entry], members: Iterable[int]) -> None:
        self.side = side
        self.postings: dict[str, list[int]] = defaultdict(list)
        for index in sorted(members):
            for gram in side[index].grams:
                self.postings[gram].append(index)

    def candidates(
        self,
        entry: Entry,
        allowed: Container[int],
        limit: int = CANDIDATES,
    ) -> list[int]:
        """Return the allowed members sharing most bigrams with ``entry``."""
        counts: Counter[int] = Counter()
        half = COMMON_BIGRAM // 2
        for gram in entry.grams:
            posting = self.postings.get(gram)
            if not posting:
                continue
            if len(posting) > COMMON_BIGRAM:
                at = bisect.bisect_left(posting, entry.order)
                posting = posting[max(0, at - half) : at + half]
            counts.update(posting)
        found = [entry for entry in counts.items() if entry[0] in allowed]
        return [index for index, _ in heapq.nsmallest(limit, found, key=_by_count)]


def _by_count(entry: tuple[int, int]) -> tuple[int, int]:
    return (-entry[1], entry[0])


def _similar(  # noqa: PLR0913, PLR0917 - both sides, their state and their indexes
    old: Sequence[Entry],
    new: Sequence[Entry],
    free_old: set[int],
    free_new: set[int],
    indexes: tuple[_Index, _Index],
    threshold: float = MATCH_THRESHOLD,
) -> list[tuple[int, int]]:
    if not free_old or not free_new:
        return []
    old_index, new_index = indexes
    candidates: set[tuple[int, int]] = set()
    for i in free_old:
        candidates.update((i, j) for j in new_index.candidates(old[i], free_new))
    for j in free_new:
        candidates.update((i, j) for i in old_index.candidates(new[j], free_old))
    scored = []
    for i, j in candidates:
        score = similarity(old[i], new[j])
        if score >= threshold:
            scored.append((-round(score, 9), *_pair_key(old[i], new[j]), i, j))
    scored.sort()
    return _greedy((entry[-2], entry[-1]) for entry in scored)


def _fragments(
    whole: Entry, side: Sequence[Entry], index: _Index, allowed: set[int]
) -> tuple[float, tuple[int, ...]] | None:
    """Return (coverage, fragments) when ``whole`` was split into items of ``side``."""
    if len(whole.grams) < 4:
        return None
    pieces: list[int] = []
    covered: set[str] = set()
    for candidate in index.candidates(whole, allowed):
        grams = side[candidate].grams
        shared = grams & whole.grams
        if not grams or len(shared) < FRAGMENT_CONTAINMENT * len(grams):
            continue
        if len(shared) < FRAGMENT_SHARE * len(whole.grams):
            continue
        if len(shared) >= WHOLE_COVERAGE * len(whole.grams):
            return None
        pieces.append(candidate)
        covered |= shared
    coverage = len(covered) / len(whole.grams)
    if len(pieces) < 2 or coverage < SPLIT_COVERAGE:
        return None
    return coverage, tuple(sorted(pieces))


def _splits_and_merges(
    old: Sequence[Entry],
    new: Sequence[Entry],
    free_old: set[int],
    free_new: set[int],
    indexes: tuple[_Index, _Index],
) -> tuple[list[tuple[int, tuple[int, ...]]], list[tuple[tuple[int, ...], int]]]:
    if not free_old or not free_new:
        return [], []
    old_index, new_index = indexes
    groups: list[tuple[float, int, tuple[int, ...], bool, int, tuple[int, ...]]] = []
    for i in sorted(free_old):
        found = _fragments(old[i], new, new_index, free_new)
        if found is not None:
            coverage, pieces = found
            orders = tuple(new[j].order for j in pieces)
            groups.append((-coverage, old[i].order, orders, True, i, pieces))
    for j in sorted(free_new):
        found = _fragments(new[j], old, old_index, free_old)
        if found is not None:
            coverage, pieces = found
            orders = tuple(old[i].order for i in pieces)
            groups.append((-coverage, new[j].order, orders, False, j, pieces))
    return _take_groups(groups)
