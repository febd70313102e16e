"""The change set between two versions of a duty list: frozen data, no I/O, no rendering.

A :class:`ChangeSet` is both a report (what changed, field by field, with inline edits)
and a patch: every change carries the items it concerns in full, so
:func:`dutylist.diff.apply` can rebuild the new list's content from the old list.
"""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from dutylist.departments.registry import Rename
from dutylist.diff.summary import Summary
from dutylist.model import DutyList, Item, PartKind


class ChangeKind(enum.Enum):
    """What happened to one item (or to a group of items, for splits and merges)."""

    ADDED = "added"
    """An item that only the new list has."""
    REMOVED = "removed"
    """An item that only the old list has."""
    MODIFIED = "modified"
    """The same item in the same place (up to renumbering), with different content."""
    MOVED = "moved"
    """The same item in another category or part, or out of order; edits ride along."""
    SPLIT = "split"
    """One old item became several new items (分设)."""
    MERGED = "merged"
    """Several old items became one new item (合并)."""

    @property
    def mirror(self) -> ChangeKind:
        """Return the kind seen from the other side (added ↔ removed, split ↔ merged)."""
        return _MIRROR.get(self, self)


_MIRROR = {
    ChangeKind.ADDED: ChangeKind.REMOVED,
    ChangeKind.REMOVED: ChangeKind.ADDED,
    ChangeKind.SPLIT: ChangeKind.MERGED,
    ChangeKind.MERGED: ChangeKind.SPLIT,
}


class ChangeClass(enum.Enum):
    """Whether a change alters meaning or only form."""

    SUBSTANTIVE = "substantive"
    """The wording or the facts changed."""
    COSMETIC = "cosmetic"
    """Only whitespace, full/half-width forms, punctuation or a department's spelling."""


class FieldOp(enum.Enum):
    """What happened to one field, or to one clause of a clause field."""

    CHANGED = "changed"
    """The value was edited."""
    ADDED = "added"
    """A clause (or a field) that only the new item has."""
    REMOVED = "removed"
    """A clause (or a field) that only the old item has."""
    REORDERED = "reordered"
    """A clause whose text is unchanged but whose place among the clauses changed."""

    @property
    def mirror(self) -> FieldOp:
        """Return the operation seen from the other side."""
        if self is FieldOp.ADDED:
            return FieldOp.REMOVED
        if self is FieldOp.REMOVED:
            return FieldOp.ADDED
        return self


class EditOp(enum.Enum):
    """One segment of an inline (character-level) diff."""

    EQUAL = "equal"
    """Text both versions share."""
    DELETE = "delete"
    """Text only the old version has."""
    INSERT = "insert"
    """Text only the new version has."""


@attrs.frozen(kw_only=True)
class InlineEdit:
    """A segment of an inline diff: joining the non-insert segments gives the old text."""

    op: EditOp
    """Equal, deleted or inserted."""
    text: str
    """The segment's text."""


@attrs.frozen(kw_only=True)
class FieldChange:
    """A difference in one field of a matched pair of items."""

    field: str
    """The field name: ``name``, ``departments``, ``local_duties``, ``extra.备注`` …"""
    op: FieldOp
    """Changed, added, removed or reordered."""
    old: str | None
    """The old value as text (a clause's text, departments joined by ``、``), or None."""
    new: str | None
    """The new value as text, or None."""
    old_clause: int | None = None
    """For a clause field, the clause's 1-based place in the old item."""
    new_clause: int | None = None
    """For a clause field, the clause's 1-based place in the new item."""
    edits: tuple[InlineEdit, ...] = ()
    """The character-level inline diff of ``old`` and ``new`` (for ``changed`` only)."""
    classification: ChangeClass = ChangeClass.SUBSTANTIVE
    """Substantive or cosmetic."""


@attrs.frozen(kw_only=True)
class ItemRef:
    """Points at an item in one version of the list."""

    part: PartKind
    """The part that holds the item."""
    category: str
    """The title of the item's category."""
    category_index: int
    """The 0-based place of the category within its part."""
    number: int | None
    """The item's sequence number, or None when it has none."""
    name: str
    """The item's name."""
    position: int
    """The 0-based place of the item within its part, in reading order."""


@attrs.frozen(kw_only=True)
class Change:
    """One change: an item added, removed, modified, moved, split or merged."""

    kind: ChangeKind
    """What happened."""
    old: tuple[ItemRef, ...]
    """The old items concerned: none for ``added``, several for ``merged``, else one."""
    new: tuple[ItemRef, ...]
    """The new items concerned: none for ``removed``, several for ``split``, else one."""
    fields: tuple[FieldChange, ...] = ()
    """Field differences of a modified or moved pair (empty for other kinds)."""
    old_items: tuple[Item, ...] = ()
    """The old items in full, in the order of ``old``."""
    new_items: tuple[Item, ...] = ()
    """The new items in full, in the order of ``new``."""

    @property
    def classification(self) -> ChangeClass:
        """Return cosmetic when every field difference is cosmetic, else substantive."""
        if self.kind is ChangeKind.MODIFIED and all(
            change.classification is ChangeClass.COSMETIC for change in self.fields
        ):
            return ChangeClass.COSMETIC
        return ChangeClass.SUBSTANTIVE

    def mirrored(self) -> Change:
        """Return the change as seen when the two lists swap places."""
        return Change(
            kind=self.kind.mirror,
            old=self.new,
            new=self.old,
            fields=tuple(_mirror_field(change) for change in self.fields),
            old_items=self.new_items,
            new_items=self.old_items,
        )


def _mirror_field(change: FieldChange) -> FieldChange:
    return FieldChange(
        field=change.field,
        op=change.op.mirror,
        old=change.new,
        new=change.old,
        old_clause=change.new_clause,
        new_clause=change.old_clause,
        edits=_mirror_edits(change.edits),
        classification=change.classification,
    )


def _mirror_edits(edits: tuple[InlineEdit, ...]) -> tuple[InlineEdit, ...]:
    return tuple(InlineEdit(op=_EDIT_MIRROR[edit.op], text=edit.text) for edit in edits)


_EDIT_MIRROR = {
    EditOp.EQUAL: EditOp.EQUAL,
    EditOp.DELETE: EditOp.INSERT,
    EditOp.INSERT: EditOp.DELETE,
}


@attrs.frozen(kw_only=True)
class Renumbered:
    """An item that kept its place but not its number (an earlier insertion shifted it)."""

    part: PartKind
    """The part that holds the item."""
    name: str
    """The item's name in the new list."""
    old_number: int | None
    """The number in the old list."""
    new_number: int | None
    """The number in the new list."""
    old_position: int
    """The 0-based place of the item within its part in the old list."""
    new_position: int
    """The 0-based place of the item within its part in the new list."""

    def mirrored(self) -> Renumbered:
        """Return the renumbering as seen when the two lists swap places."""
        return Renumbered(
            part=self.part,
            name=self.name,
            old_number=self.new_number,
            new_number=self.old_number,
            old_position=self.new_position,
            new_position=self.old_position,
        )


class CategoryChangeKind(enum.Enum):
    """What happened to a category heading."""

    ADDED = "added"
    """A category only the new list has."""
    REMOVED = "removed"
    """A category only the old list has."""
    RENAMED = "renamed"
    """The same category (recognised by a similar title or by its items) renamed."""
    COUNT_CHANGED = "count-changed"
    """The heading declares another number of items (``（25项）`` → ``（26项）``)."""
    RENUMBERED = "renumbered"
    """Only the category's ordinal changed (一、 → 二、)."""
    REORDERED = "reordered"
    """The category changed place among the others (its items stay in it)."""
    SPLIT = "split"
    """Most items of a new category came from this old one, which gave most of its items
    to two or more categories (one record per part; the new ones also count as added)."""
    MERGED = "merged"
    """Most items of this old category went into a new one that took most of the items
    of two or more categories (one record per piece; the gone ones also count as removed)."""

    @property
    def mirror(self) -> CategoryChangeKind:
        """Return the kind seen from the other side."""
        return _CATEGORY_MIRROR.get(self, self)


_CATEGORY_MIRROR = {
    CategoryChangeKind.ADDED: CategoryChangeKind.REMOVED,
    CategoryChangeKind.REMOVED: CategoryChangeKind.ADDED,
    CategoryChangeKind.SPLIT: CategoryChangeKind.MERGED,
    CategoryChangeKind.MERGED: CategoryChangeKind.SPLIT,
}


@attrs.frozen(kw_only=True)
class CategoryRef:
    """Points at a category in one version of the list."""

    part: PartKind
    """The part that holds the category."""
    index: int
    """The 0-based place of the category within its part."""
    ordinal: int | None
    """The Chinese ordinal as a number."""
    title: str
    """The category title."""
    declared_count: int | None
    """The number of items the heading declares."""
    heading: str
    """The heading as printed."""


@attrs.frozen(kw_only=True)
class CategoryChange:
    """A change to a category heading (its items' changes are listed separately)."""

    kind: CategoryChangeKind
    """What happened."""
    old: CategoryRef | None
    """The old category, None when added."""
    new: CategoryRef | None
    """The new category, None when removed."""
    items: tuple[tuple[int, int], ...] = ()
    """For a split or merge: the items that went from the old category to the new one with
    it, as (old position, new position) in the part. They are not moved (转类): the
    category record accounts for them."""
    edits: tuple[InlineEdit, ...] = ()
    """The inline diff of the old and the new heading as shown (the title when a heading is
    empty), when they differ; empty for added, removed, split and merged categories."""

    def mirrored(self) -> CategoryChange:
        """Return the change as seen when the two lists swap places."""
        return CategoryChange(
            kind=self.kind.mirror,
            old=self.new,
            new=self.old,
            items=tuple(sorted((new, old) for old, new in self.items)),
            edits=_mirror_edits(self.edits),
        )


@attrs.frozen(kw_only=True)
class ListRef:
    """Names one of the two versions compared."""

    title: str
    """The list's title."""
    source_file: str | None = None
    """The file it was read from."""
    version: str | None = None
    """Its version label (``--label`` or the list's ``metadata.version``)."""
    published: dt.date | None = None
    """Its publication date, when known."""


Reform = Rename
"""Deprecated alias of :class:`~dutylist.departments.registry.Rename` (removed in the next
release): a systemic record names the registry's own rename."""


@attrs.frozen(kw_only=True)
class Systemic:
    """The same replacement made in several items (a department renamed, a term replaced)."""

    old: str
    """The text replaced (empty for an insertion)."""
    new: str
    """The text put in its place (empty for a deletion)."""
    fields: tuple[str, ...]
    """The fields where it was made (``departments``, ``local_duties`` …), sorted."""
    parts: tuple[PartKind, ...]
    """The parts holding the items it touched."""
    changes: tuple[int, ...]
    """The 0-based places in :attr:`ChangeSet.changes` of the changes that make it."""
    reform: Rename | None = None
    """For a department renamed as the registry declares: that rename (such a record is
    systemic from one item up)."""

    @property
    def count(self) -> int:
        """Return how many items it touched."""
        return len(self.changes)


@attrs.frozen(kw_only=True)
class ChangeSet:
    """Everything that differs between two versions of a duty list.

    One made by :func:`~dutylist.diff.diff_lists` also holds the new list in full
    (:attr:`new_list`), which reports showing the whole list (the redline) render.
    """

    old: ListRef
    """The old version."""
    new: ListRef
    """The new version."""
    changes: tuple[Change, ...] = ()
    """Item changes in reading order (of the new list, removed items where they were)."""
    renumbered: tuple[Renumbered, ...] = ()
    """Items that only changed number."""
    categories: tuple[CategoryChange, ...] = ()
    """Changes to categories: added, removed, renamed, reordered, recounted, renumbered."""
    summary: Summary = attrs.field(factory=Summary)
    """Counts per part, category and department."""
    systemic: tuple[Systemic, ...] = ()
    """Replacements made in several items, each listing the changes that make it."""
    new_list: DutyList | None = attrs.field(default=None, eq=False, repr=False)
    """The new list in full; not compared, not written to JSON, and None when the set was
    read from JSON or filtered (it then no longer leads from one list to the other)."""

    @property
    def is_empty(self) -> bool:
        """Return True when the two versions have the same content."""
        return not (self.changes or self.renumbered or self.categories)

    def count(self, kind: ChangeKind) -> int:
        """Return the number of changes of ``kind``."""
        return sum(1 for change in self.changes if change.kind is kind)
