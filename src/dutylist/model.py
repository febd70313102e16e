"""The typed model of a duty list: frozen attrs classes and enums, no I/O.

A :class:`DutyList` holds its :class:`Part` objects (normally three: basic, cooperative and
recalled duties);
a part holds :class:`Category` objects; a category holds items of the part's kind.
Source positions (:class:`~dutylist.location.Location`) ride along with items and
categories but never take part in equality, so the same list read from two formats
compares equal.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import ClassVar, TypeAlias

import attrs

from dutylist.location import Location
from dutylist.messages import N_
from dutylist.numerals import split_number


def freeze_mapping(value: Mapping[str, str]) -> Mapping[str, str]:
    """Return a read-only copy of ``value`` (items stay immutable, like the rest of the model)."""
    return MappingProxyType(dict(value))


class PartKind(enum.Enum):
    """The three parts every duty list has, in their published order."""

    BASIC = "basic"
    """基本履职事项清单: duties the office performs itself."""
    COOPERATIVE = "cooperative"
    """配合履职事项清单: duties a superior department leads and the office assists."""
    RECALLED = "recalled"
    """上级部门收回事项清单: duties taken back by superior departments."""

    # Members are singletons compared by identity: hash them by identity too, in C,
    # rather than by name in Python (the diff looks parts up in dicts thousands of times).
    __hash__ = object.__hash__

    @property
    def chinese(self) -> str:
        """Return the part's usual Chinese title."""
        return _PART_TITLES[self]


_PART_TITLES = {
    PartKind.BASIC: N_("基本履职事项清单"),
    PartKind.COOPERATIVE: N_("配合履职事项清单"),
    PartKind.RECALLED: N_("上级部门收回事项清单"),
}
"""The parts' usual titles (untranslated: :func:`dutylist.wording.part_title` translates)."""


@attrs.frozen(kw_only=True)
class Office:
    """The issuing office parsed from the title: 吉林省 / 长春市 / 南关区 / 明珠街道办事处."""

    province: str | None = None
    """Province, e.g. ``吉林省``; None when the title does not name one."""
    city: str | None = None
    """City, e.g. ``长春市``."""
    district: str | None = None
    """District or county, e.g. ``南关区``."""
    name: str
    """The township or subdistrict office itself, e.g. ``明珠街道办事处``."""


@attrs.frozen(kw_only=True)
class Metadata:
    """Optional facts about one published version of a list."""

    source_file: str | None = attrs.field(default=None, eq=False)
    """The name of the file the list was read from (provenance: ignored by ``==``)."""
    version: str | None = None
    """A version label chosen by the publisher or the user, e.g. ``2025-03``."""
    published: dt.date | None = None
    """The publication date, when known."""


@attrs.frozen(kw_only=True)
class Clause:
    """One numbered (or unnumbered) clause of a duty or working-method cell."""

    number: int | None = None
    """The clause number (``2`` for ``2.…``), or None for an unnumbered clause."""
    text: str
    """The clause text without its number prefix."""
    department: str | None = None
    """The department a block of clauses is assigned to (``区应急局：`` before it), if any."""
    printed: str = ""
    """The clause exactly as printed, number prefix and all: evidence of what was published.

    Derived from ``number`` and ``text`` (``2.`` + text) when not given. It is never
    rewritten: after ``text`` is edited the clause is :attr:`stale` and writers print
    :attr:`printable` instead.
    """
    same_paragraph: bool = False
    """True when the clause was printed in the same paragraph as the previous clause."""

    def __attrs_post_init__(self) -> None:
        """Derive ``printed`` from number and text when it was not given."""
        if not self.printed:
            object.__setattr__(self, "printed", derive_printed(self.number, self.text))

    @property
    def stale(self) -> bool:
        """Return True when ``text`` or ``number`` no longer match the ``printed`` form.

        The comparison ignores whitespace and the number prefix: a clause read from a
        document is never stale; one whose text was edited afterwards is.
        """
        number, rest, _style = split_number(self.printed)
        return number != self.number or _squash(rest) != _squash(self.text)

    @property
    def printable(self) -> str:
        """Return the form writers print: ``printed``, or one derived when :attr:`stale`."""
        if not self.stale:
            return self.printed
        number, rest, _style = split_number(self.printed)
        if number is not None and number == self.number:
            prefix = self.printed[: len(self.printed) - len(rest)]
            return prefix + self.text
        return derive_printed(self.number, self.text)


def derive_printed(number: int | None, text: str) -> str:
    """Return how a clause with ``number`` and ``text`` is printed: ``2.text``, or ``text``."""
    return text if number is None else f"{number}.{text}"


def _squash(text: str) -> str:
    return "".join(text.split())


@attrs.frozen(kw_only=True)
class Department:
    """A department named in a cell, as printed."""

    name: str
    """The name as printed, without a trailing ``牵头``."""
    lead: bool = False
    """True when the department is marked as the lead (``区应急局牵头``)."""
    canonical: str | None = None
    """The canonical name from the department registry, once names are normalised."""
    printed: str | None = attrs.field(default=None, eq=False)
    """The name exactly as printed, when it differs from ``name`` (stray spaces …)."""


class _NumberedItem:
    """What every item can tell about its number (a plain mixin: no fields of its own)."""

    __slots__ = ()
    kind: ClassVar[PartKind]
    number: int | None
    number_text: str

    @property
    def printed_number(self) -> str:
        """Return the sequence number as printed."""
        return self.number_text or ("" if self.number is None else str(self.number))

    @property
    def key(self) -> ItemKey:
        """Return the item's key: part kind and number."""
        return ItemKey(part=self.kind, number=self.number)


@attrs.frozen(kw_only=True)
class BasicItem(_NumberedItem):
    """An item of the basic duties part (基本履职事项)."""

    kind: ClassVar[PartKind] = PartKind.BASIC
    number: int | None
    """The item's sequence number (序号), or None when the printed number is not a number."""
    number_text: str = ""
    """The sequence number as printed, when it is not just ``number`` (``"１２"``, ``"12a"``)."""
    name: str
    """The item name (事项名称) as printed."""
    remarks: str = ""
    """The remarks column (备注 / 说明), as printed; empty when the list has none."""
    basis: str = ""
    """The legal basis column (履职依据 / 法律依据), as printed; empty when the list has none."""
    extra: Mapping[str, str] = attrs.field(factory=dict, converter=freeze_mapping)
    """Any further columns of the list, header → cell text, never dropped."""
    source: Location | None = attrs.field(default=None, eq=False)
    """Where the item was read from."""


@attrs.frozen(kw_only=True)
class CooperativeItem(_NumberedItem):
    """An item of the cooperative duties part (配合履职事项)."""

    kind: ClassVar[PartKind] = PartKind.COOPERATIVE
    number: int | None
    """The item's sequence number (序号), or None when the printed number is not a number."""
    number_text: str = ""
    """The sequence number as printed, when it is not just ``number`` (``"１２"``, ``"12a"``)."""
    name: str
    """The item name (事项名称) as printed."""
    departments: tuple[Department, ...] = ()
    """The superior departments (对应上级部门), in printed order."""
    superior_duties: tuple[Clause, ...] = ()
    """The superior departments' duties (上级部门职责)."""
    local_duties: tuple[Clause, ...] = ()
    """The office's cooperating duties (街道配合职责 / 乡镇配合职责)."""
    remarks: str = ""
    """The remarks column (备注 / 说明), as printed; empty when the list has none."""
    basis: str = ""
    """The legal basis column (履职依据 / 法律依据), as printed; empty when the list has none."""
    extra: Mapping[str, str] = attrs.field(factory=dict, converter=freeze_mapping)
    """Any further columns of the list, header → cell text, never dropped."""
    source: Location | None = attrs.field(default=None, eq=False)
    """Where the item was read from."""


@attrs.frozen(kw_only=True)
class RecalledItem(_NumberedItem):
    """An item of the recalled duties part (上级部门收回事项)."""

    kind: ClassVar[PartKind] = PartKind.RECALLED
    number: int | None
    """The item's sequence number (序号), or None when the printed number is not a number."""
    number_text: str = ""
    """The sequence number as printed, when it is not just ``number`` (``"１２"``, ``"12a"``)."""
    name: str
    """The item name (事项名称) as printed."""
    receiving_departments: tuple[Department, ...] = ()
    """The departments that take the duty over (承接部门)."""
    working_method: tuple[Clause, ...] = ()
    """How they do it (工作方式)."""
    discontinued: bool = False
    """True when the duty is discontinued rather than handed over (不再开展此项工作)."""
    method_labelled: bool | None = attrs.field(default=None, eq=False)
    """Whether a combined 承接部门及工作方式 cell printed its ``工作方式：`` label.

    None when the list has separate columns (or the reader cannot tell).
    """
    remarks: str = ""
    """The remarks column (备注 / 说明), as printed; empty when the list has none."""
    basis: str = ""
    """The legal basis column (履职依据 / 法律依据), as printed; empty when the list has none."""
    extra: Mapping[str, str] = attrs.field(factory=dict, converter=freeze_mapping)
    """Any further columns of the list, header → cell text, never dropped."""
    source: Location | None = attrs.field(default=None, eq=False)
    """Where the item was read from."""


Item: TypeAlias = BasicItem | CooperativeItem | RecalledItem
"""An item of any part."""

ITEM_TYPES: Mapping[PartKind, type[Item]] = {
    PartKind.BASIC: BasicItem,
    PartKind.COOPERATIVE: CooperativeItem,
    PartKind.RECALLED: RecalledItem,
}
"""The item class of each part kind."""


@attrs.frozen(kw_only=True)
class ItemKey:
    """Identifies an item within a list: its part and its number."""

    part: PartKind
    """The part the item belongs to."""
    number: int | None
    """The item's sequence number."""

    def describe(self) -> str:
        """Return the key as text, e.g. ``cooperative 95``."""
        return f"{self.part.value} {self.number if self.number is not None else '?'}"


@attrs.frozen(kw_only=True)
class Category:
    """A group of items under a heading such as ``一、党的建设（25项）``."""

    ordinal: int | None
    """The Chinese ordinal as a number (一 → 1, 十二 → 12), or None when there is none."""
    title: str
    """The category title, e.g. ``党的建设``, stripped of ordinal, count and outer spaces."""
    heading: str
    """The whole heading exactly as printed."""
    declared_count: int | None = None
    """The number of items the heading declares (``（25项）``), or None."""
    items: tuple[Item, ...] = ()
    """The category's items in printed order."""
    source: Location | None = attrs.field(default=None, eq=False)
    """Where the heading was read from."""


@attrs.frozen(kw_only=True)
class Part:
    """One of the three parts of a list."""

    kind: PartKind
    """Which part this is."""
    title: str
    """The part title as printed, e.g. ``配合履职事项清单``."""
    columns: tuple[str, ...] = ()
    """The column headers as printed."""
    categories: tuple[Category, ...] = ()
    """The part's categories in printed order."""
    source: Location | None = attrs.field(default=None, eq=False)
    """Where the part title was read from."""

    @property
    def items(self) -> tuple[Item, ...]:
        """Return all items of the part in printed order."""
        return tuple(item for category in self.categories for item in category.items)


@attrs.frozen(kw_only=True)
class UnplacedText:
    """Text a reader found but could not place in the model; kept so nothing is lost."""

    text: str
    """The text as read."""
    reason: str
    """Why it could not be placed."""
    location: Location | None = None
    """Where it was found."""


@attrs.frozen(kw_only=True)
class DutyList:
    """A township or subdistrict duty list (履行职责事项清单)."""

    title: str
    """The title as printed."""
    office: Office | None = None
    """The issuing office parsed from the title, when the title names one."""
    metadata: Metadata = attrs.field(factory=Metadata)
    """Source file, version label and publication date."""
    front_matter: tuple[str, ...] = ()
    """Paragraphs printed before the first part (table of contents …), in order."""
    parts: tuple[Part, ...] = ()
    """The parts in printed order."""
    unplaced: tuple[UnplacedText, ...] = attrs.field(default=(), eq=False)
    """Text the reader could not place."""
    notes: tuple[str, ...] = attrs.field(default=(), eq=False)
    """The reader's remarks on how it read the file (not saved in JSON)."""

    def part(self, kind: PartKind) -> Part | None:
        """Return the part of the given kind, or None when the list lacks it."""
        return next((part for part in self.parts if part.kind is kind), None)

    def iter_items(self) -> Iterator[tuple[Part, Category, Item]]:
        """Yield every item with its part and category, in printed order."""
        for part in self.parts:
            for category in part.categories:
                for item in category.items:
                    yield part, category, item

    @property
    def items(self) -> tuple[Item, ...]:
        """Return every item of every part in printed order."""
        return tuple(item for _, _, item in self.iter_items())

    def category_of(self, item: Item) -> Category | None:
        """Return the category that holds ``item`` (compared by identity), or None."""
        for _, category, candidate in self.iter_items():
            if candidate is item:
                return category
        return None

    def find(self, key: ItemKey) -> Item | None:
        """Return the first item with the given key, or None."""
        part = self.part(key.part)
        if part is None:
            return None
        return next((item for item in part.items if item.number == key.number), None)
