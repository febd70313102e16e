"""The matching stages after same names: similar items, splits and merges, absorbed items.

See :mod:`dutylist.diff.align` for what each stage does. Candidates come from one
bigram index per side (:class:`Index`), built once per diff.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence

from dutylist.diff.entries import (
    ABSORBED,
    CANDIDATES,
    COMMON_BIGRAM,
    FRAGMENT_CONTAINMENT,
    FRAGMENT_SHARE,
    MATCH_THRESHOLD,
    SPLIT_COVERAGE,
    WHOLE_COVERAGE,
    Entry,
    same_text,
    similarity,
)

Groups = tuple[list[tuple[int, tuple[int, ...]]], list[tuple[tuple[int, ...], int]]]
"""Splits (whole, parts) and merges (parts, whole) found by a stage."""


def absorbed(  # noqa: PLR0913, PLR0917 - both sides, their state and their indexes
    old: Sequence[Entry],
    new: Sequence[Entry],
    changed: set[tuple[int, int]],
    free_old: set[int],
    free_new: set[int],
    indexes: tuple[Index, Index],
) -> tuple[list[tuple[int, tuple[int, ...]]], list[tuple[tuple[int, ...], int]]]:
    """Find merges into a matched item, and splits out of one (see stage 5).

    An unmatched old item *r* was merged into a matched new item *n* (old self *m*) when
    *r* lies mostly inside *n* (:data:`FRAGMENT_CONTAINMENT` of its bigrams), accounts for
    a fair share of what *n* gained over *m* and is not mostly made of other text (a
    quarter of each), and the absorbed items together account for :data:`ABSORBED` of the
    gain. Splits are the mirror image. A pair whose name and clauses are unchanged (its
    departments changed, say) gained nothing and is not looked at.
    """
    if not free_old and not free_new:
        return [], []
    gained = [(i, j) for i, j in changed if not same_text(old[i], new[j])]
    partner_of_new = {j: i for i, j in gained}
    partner_of_old = dict(gained)
    groups: list[tuple[float, int, tuple[int, ...], bool, int, tuple[int, ...]]] = []

    def collect(  # noqa: PLR0913 - one side's items, the other's, and how they pair
        pieces: Iterable[int],
        piece_side: Sequence[Entry],
        whole_side: Sequence[Entry],
        partner: dict[int, int],
        index: Index,
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
    return take_groups(groups)


def take_groups(
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


def pair_key(old: Entry, new: Entry) -> tuple[int, int, int, int]:
    """Order candidate pairs symmetrically: same part, nearness, earliness."""
    return (
        old.part is not new.part,
        abs(old.order - new.order),
        old.order + new.order,
        abs(old.position - new.position),
    )


def qualified(
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


def greedy(ranked: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return the pairs of ``ranked`` taken best first, each item in at most one pair."""
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


class Index:
    """An inverted index of bigrams over some entries of one side, built once per diff.

    A bigram found in few items counts for every item holding it. One found in more than
    :data:`COMMON_BIGRAM` items (repeated wording) is not dropped: it counts for the
    :data:`COMMON_BIGRAM` items holding it that are nearest in reading order to the item
    looked up, so the work stays bounded and nearby evidence is kept.

    While the index holds at most :data:`COMMON_BIGRAM` items no bigram can be that
    common, and an item's count is simply the number of bigrams it shares with the one
    looked up: it is then computed by intersecting their bigram sets, without building
    the postings (the same answer, without the fixed cost that dominates small diffs).
    """

    def __init__(self, side: Sequence[Entry], members: Iterable[int]) -> None:
        """Index the bigrams of ``members`` (indices into ``side``) when first looked up."""
        self.side = side
        self.members = sorted(members)
        self.small = len(self.members) <= COMMON_BIGRAM
        self._member_set = frozenset(self.members)
        self._postings: dict[str, list[int]] | None = None
        self._rare: dict[str, list[int]] = {}
        self._common: frozenset[str] = frozenset()
        self._ranked: dict[int, list[int]] = {}  # by the order of the item looked up

    @property
    def postings(self) -> dict[str, list[int]]:
        """Return, per bigram, the members holding it in reading order (built once)."""
        if self._postings is None:
            postings: dict[str, list[int]] = defaultdict(list)
            side = self.side
            for index in self.members:
                for gram in side[index].grams:
                    postings[gram].append(index)
            self._postings = dict(postings)
            self._rare = {
                gram: found for gram, found in postings.items() if len(found) <= COMMON_BIGRAM
            }
            self._common = frozenset(postings.keys() - self._rare.keys())
        return self._postings

    def candidates(
        self,
        entry: Entry,
        allowed: Iterable[int],
        limit: int = CANDIDATES,
    ) -> list[int]:
        """Return the allowed members sharing most bigrams with ``entry`` (ties: earliest)."""
        wanted = allowed if isinstance(allowed, (set, frozenset)) else set(allowed)
        if self.small:
            grams, side = entry.grams, self.side
            counts = {}
            for index in self._member_set.intersection(wanted):
                shared = len(grams & side[index].grams)
                if shared:
                    counts[index] = shared
            found = sorted(counts)
            found.sort(key=counts.__getitem__, reverse=True)  # stable: ties stay earliest first
            return found[:limit]
        ranking = self._ranked.get(entry.order)
        if ranking is None:
            ranking = self._ranked[entry.order] = self._ranking(entry)
        return list(itertools.islice(filter(wanted.__contains__, ranking), limit))

    def _ranking(self, entry: Entry) -> list[int]:
        """Return the members sharing bigrams with ``entry``, most first (ties: earliest).

        A bigram held by at most :data:`COMMON_BIGRAM` members counts for all of them; a
        more common one for the :data:`COMMON_BIGRAM` nearest in reading order. Kept per
        item: every stage looks the same items up, among fewer and fewer allowed members.
        """
        postings = self.postings
        grams = entry.grams
        found = list(filter(None, map(self._rare.get, grams)))  # looked up in C
        half = COMMON_BIGRAM // 2
        for gram in grams & self._common:
            posting = postings[gram]
            at = bisect.bisect_left(posting, entry.order)
            found.append(posting[max(0, at - half) : at + half])
        counts = Counter(itertools.chain.from_iterable(found))
        ranking = sorted(counts)
        ranking.sort(key=counts.__getitem__, reverse=True)  # stable: ties stay earliest first
        return ranking


def similar(  # noqa: PLR0913, PLR0917 - both sides, their state and their indexes
    old: Sequence[Entry],
    new: Sequence[Entry],
    free_old: set[int],
    free_new: set[int],
    indexes: tuple[Index, Index],
    threshold: float = MATCH_THRESHOLD,
) -> list[tuple[int, int]]:
    """Return pairs of free items scoring at least ``threshold``, best first (stages 2, 4)."""
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
            scored.append((-round(score, 9), *pair_key(old[i], new[j]), i, j))
    scored.sort()
    return greedy((entry[-2], entry[-1]) for entry in scored)


def _fragments(
    whole: Entry, side: Sequence[Entry], index: Index, allowed: set[int]
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


def splits_and_merges(
    old: Sequence[Entry],
    new: Sequence[Entry],
    free_old: set[int],
    free_new: set[int],
    indexes: tuple[Index, Index],
) -> tuple[list[tuple[int, tuple[int, ...]]], list[tuple[tuple[int, ...], int]]]:
    """Return the splits and merges among free items by shared bigrams (stage 3)."""
    if not free_old or not free_new:
        return [], []
    old_index, new_index = indexes
    groups = [
        *_fragmented(old, new, new_index, free_old, free_new, splitting=True),
        *_fragmented(new, old, old_index, free_new, free_old, splitting=False),
    ]
    return take_groups(groups)


def _fragmented(  # noqa: PLR0913 - both sides, their free items and the direction
    wholes: Sequence[Entry],
    others: Sequence[Entry],
    index: Index,
    free_wholes: set[int],
    free_others: set[int],
    *,
    splitting: bool,
) -> Iterator[tuple[float, int, tuple[int, ...], bool, int, tuple[int, ...]]]:
    """Yield a group for each free item of ``wholes`` that free ``others`` cover in pieces.

    Splits look from the old side (``splitting``), merges from the new one.
    """
    for w in sorted(free_wholes):
        found = _fragments(wholes[w], others, index, free_others)
        if found is not None:
            coverage, pieces = found
            orders = tuple(others[p].order for p in pieces)
            yield (-coverage, wholes[w].order, orders, splitting, w, pieces)
