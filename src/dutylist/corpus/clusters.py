"""Identify the same duty across offices by content: the clustering behind ``compare``.

The method, documented in docs/compare.md:

1. Every item gets a key: its name in NFKC form, without spaces and punctuation, and
   without the names of its own province, city, county and office (so 明珠街道 and
   玉林街道 do not make two duties differ).
2. Offices are taken in a fixed order (the template first, then by source path). The
   first office's items each start a duty, the duty's key being that item's key.
3. Each following office's items are matched to the existing duties by the rapidfuzz
   ``ratio`` (0–100) of the keys. Matches at or above :data:`THRESHOLD` are accepted
   greedily, best score first (ties by item then duty order), each item to one duty and
   each duty to at most one item of the office; an item left unmatched starts a new duty.

So one office never contributes two items to a duty, a reworded name still finds its
duty, and the result depends only on the lists and their order, never on chance.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence

import attrs

THRESHOLD = 80.0
"""The least rapidfuzz ratio (0–100) at which an item is taken to be an existing duty."""

_DROP = frozenset("PSZ")  # punctuation, symbols, separators


def duty_key(name: str, places: Iterable[str] = ()) -> str:
    """Return the comparison key of an item name, without its office's own place names."""
    text = unicodedata.normalize("NFKC", name)
    for place in sorted((p for p in places if p), key=len, reverse=True):
        text = text.replace(place, "")
    return "".join(ch for ch in text if unicodedata.category(ch)[0] not in _DROP)


@attrs.frozen
class Duty:
    """One duty across offices."""

    id: str
    """A stable id: ``D`` and a hash of the duty's key."""
    key: str
    """The key every member was compared with."""
    name: str
    """The name of the item that started the duty (the template's, when it has one)."""


def _duty_id(key: str, taken: set[str]) -> str:
    import hashlib  # noqa: PLC0415 - slow to import, needed only for ids

    digest = hashlib.sha1(key.encode("utf-8"), usedforsecurity=False).hexdigest()
    ident = f"D{digest[:8]}"
    suffix = 1
    while ident in taken:
        suffix += 1
        ident = f"D{digest[:8]}-{suffix}"
    taken.add(ident)
    return ident


def cluster(offices: Sequence[Sequence[tuple[str, str]]]) -> tuple[list[Duty], list[list[int]]]:
    """Cluster the items of several offices into duties.

    Args:
        offices: for each office in order, its items as ``(name, key)``.

    Returns:
        The duties, and for each office the index of each of its items' duty.
    """
    from rapidfuzz import fuzz, process  # noqa: PLC0415 - heavy, only here

    duties: list[Duty] = []
    taken: set[str] = set()
    assignments: list[list[int]] = []
    for items in offices:
        keys = [key for _, key in items]
        chosen = [-1] * len(items)
        if duties and keys:
            choices = [duty.key for duty in duties]
            candidates = sorted(
                (-score, i, j)
                for i, key in enumerate(keys)
                for _, score, j in process.extract(
                    key, choices, scorer=fuzz.ratio, score_cutoff=THRESHOLD, limit=None
                )
            )
            used: set[int] = set()
            for _, i, j in candidates:
                if chosen[i] == -1 and j not in used:
                    chosen[i] = j
                    used.add(j)
        for index, (name, key) in enumerate(items):
            if chosen[index] == -1:
                duties.append(Duty(id=_duty_id(key, taken), key=key, name=name))
                chosen[index] = len(duties) - 1
        assignments.append(chosen)
    return duties, assignments
