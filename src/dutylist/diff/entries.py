"""The items of one version with their places, and how alike two of them are.

Shared by the matching stages (:mod:`dutylist.diff.align`, :mod:`dutylist.diff.stages`):
an :class:`Entry` normalises its name and clauses once and keeps them, with their
bigrams, for every stage.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Hashable

import attrs

from dutylist.diff.content import body_text, item_content, merged_parts
from dutylist.diff.inline import normalize
from dutylist.model import Category, DutyList, Item, PartKind
from dutylist.patterns import compile_on_use

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
"""A bigram found in more items than this counts only for this many, nearest in reading order."""
CANDIDATES = 8
"""How many candidates per item are scored."""

_QUALIFIER = compile_on_use(r"[（(][^（()）]{1,12}[）)]\s*$")


class Entry:
    """An item of one version with its place.

    A plain slotted class, not an attrs one: a diff makes one per item of both lists,
    and building them is then a fixed cost of every diff. The texts derived from the
    item (normalised clauses, bigrams, content) are computed on first use and kept.
    """

    __slots__ = (
        "_base",
        "_body",
        "_body_grams",
        "_content",
        "_grams",
        "category",
        "category_index",
        "item",
        "key",
        "order",
        "part",
        "position",
    )

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
    _base: str
    _body: str
    _body_grams: frozenset[str]
    _content: Hashable
    _grams: frozenset[str]

    def __init__(  # noqa: PLR0913 - one value per field
        self,
        *,
        item: Item,
        part: PartKind,
        category: Category,
        category_index: int,
        position: int,
        order: int,
        key: str,
    ) -> None:
        """Place ``item``; ``key`` is its normalised name."""
        self.item = item
        self.part = part
        self.category = category
        self.category_index = category_index
        self.position = position
        self.order = order
        self.key = key

    def __repr__(self) -> str:
        """Return the item's name and place."""
        return f"Entry({self.item.name!r}, {self.part.value}, order={self.order})"

    @property
    def body(self) -> str:
        """Return its normalised clause texts."""
        try:
            return self._body
        except AttributeError:
            self._body = normalize(body_text(self.item))
            return self._body

    @property
    def content(self) -> Hashable:
        """Return the item's content without its number (computed once)."""
        try:
            return self._content
        except AttributeError:
            self._content = item_content(self.item)
            return self._content

    def same_content(self, other: Entry) -> bool:
        """Return True when the two items have the same content (numbers aside).

        Fields are compared directly first (equal fields mean equal content); only items
        that differ in some field, perhaps only in form, build their content.
        """
        a, b = self.item, other.item
        if a is b:
            return True
        if type(a) is type(b):
            fields = _compared_fields(a)
            if fields(a) == fields(b):
                return True
        return self.content == other.content

    @property
    def base(self) -> str:
        """Return the normalised name without a trailing qualifier (``…（宣传）``), else ''."""
        try:
            return self._base
        except AttributeError:
            match = _QUALIFIER.search(self.item.name)
            self._base = normalize(self.item.name[: match.start()]) if match else ""
            return self._base

    @property
    def body_grams(self) -> frozenset[str]:
        """Return the character bigrams of the clauses."""
        try:
            return self._body_grams
        except AttributeError:
            self._body_grams = bigrams(self.body)
            return self._body_grams

    @property
    def grams(self) -> frozenset[str]:
        """Return the character bigrams of name and clauses."""
        try:
            return self._grams
        except AttributeError:
            body = self.body
            self._grams = bigrams(self.key + "|" + body if body else self.key)
            return self._grams


_COMPARED_FIELDS: dict[type, Callable[[Item], tuple[object, ...]]] = {}


def _compared_fields(item: Item) -> Callable[[Item], tuple[object, ...]]:
    """Return a getter of the fields of an item's class that are content (not number, source).

    Cached by class: a class hashes in C, where a part kind would hash in Python.
    """
    item_class = type(item)
    getter = _COMPARED_FIELDS.get(item_class)
    if getter is None:
        skipped = {"number", "number_text", "source", "method_labelled"}
        names = [field.name for field in attrs.fields(item_class) if field.name not in skipped]
        getter = _COMPARED_FIELDS[item_class] = operator.attrgetter(*names)
    return getter


def entries(duty_list: DutyList) -> tuple[Entry, ...]:
    """Return the items of ``duty_list`` with their places, in reading order."""
    result: list[Entry] = []
    append = result.append
    order = 0
    for part in merged_parts(duty_list).values():
        kind = part.kind
        position = 0
        for category_index, category in enumerate(part.categories):
            for item in category.items:
                append(
                    Entry(
                        item=item,
                        part=kind,
                        category=category,
                        category_index=category_index,
                        position=position,
                        order=order,
                        key=normalize(item.name),
                    )
                )
                position += 1
                order += 1
    return tuple(result)


@functools.lru_cache(maxsize=1 << 16)
def bigrams(text: str) -> frozenset[str]:
    """Return the set of character bigrams of ``text`` (the text itself when shorter).

    Cached: the same names and clauses recur in every version of a list.
    """
    if len(text) < 2:
        return frozenset([text]) if text else frozenset()
    return frozenset(map(str.__add__, text, text[1:]))


def same_text(old: Entry, new: Entry) -> bool:
    """Return True when two items have the same name and clause texts, as printed."""
    return old.item.name == new.item.name and body_text(old.item) == body_text(new.item)


def similarity(old: Entry, new: Entry) -> float:
    """Return how alike two items are, from 0 to 1 (see the module doc)."""
    from rapidfuzz.fuzz import ratio  # noqa: PLC0415

    name = ratio(old.key, new.key) / 100
    if old.body and new.body and old.part is new.part:
        return (name + ratio(old.body, new.body) / 100) / 2
    return name
