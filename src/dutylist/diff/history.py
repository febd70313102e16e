"""Follow every item through a series of versions, on top of the pairwise diff.

Each item of the first version, and each item that appears later, starts a
:class:`Lineage`. Between consecutive versions the diff's alignment carries a lineage
forward; its changes become :class:`Event` records: ``renamed``, ``edited``, ``moved``
(to another category or part), ``taken-back`` (a cooperative duty taken back by a
superior department: moved to the recalled list), ``split`` and ``merged`` (the old
lineages end and the parts or the merged item start new ones, linked both ways), and
``removed``. Renumbering alone is not an event.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from dutylist.diff.align import Entry, entries
from dutylist.diff.changes import ChangeKind, ChangeSet, ItemRef
from dutylist.diff.compute import compute_aligned
from dutylist.model import DutyList, PartKind

if TYPE_CHECKING:
    from dutylist.departments.registry import Registry


class EventKind(enum.Enum):
    """What happened to an item in one version."""

    APPEARED = "appeared"
    """The item is in this version and was not in the previous one (or this is the first)."""
    RENAMED = "renamed"
    """Its name changed."""
    EDITED = "edited"
    """Another field changed (departments, clauses …)."""
    MOVED = "moved"
    """It went to another category or part, or out of order."""
    TAKEN_BACK = "taken-back"
    """A cooperative duty taken back by a superior department (now in the recalled list)."""
    SPLIT = "split"
    """It was split into several items (the lineage ends; ``related`` are the parts)."""
    MERGED = "merged"
    """It was merged with others into one item (``related`` are the other lineages)."""
    REMOVED = "removed"
    """It is no longer in the list."""


@attrs.frozen(kw_only=True)
class Version:
    """One version of the series."""

    label: str
    """Its label: the one given, else the list's version, else ``v1``, ``v2`` …"""
    date: dt.date | None = None
    """Its publication date, when known."""


@attrs.frozen(kw_only=True)
class Event:
    """Something that happened to a lineage in one version."""

    version: int
    """The 0-based place of the version in the series."""
    kind: EventKind
    """What happened."""
    part: PartKind | None
    """Where the item is in that version (None once removed)."""
    category: str | None
    """Its category title in that version."""
    number: int | None
    """Its number in that version."""
    name: str
    """Its name in that version (the last name, once removed)."""
    detail: str = ""
    """For ``renamed`` the old name; for ``edited`` the fields, joined by ``,``."""
    related: tuple[int, ...] = ()
    """Other lineages of a split or merge (the parts, the merged item, the other pieces)."""


@attrs.frozen(kw_only=True)
class Lineage:
    """One item followed through the series."""

    id: int
    """Its 1-based identifier, in order of first appearance."""
    events: tuple[Event, ...]
    """What happened to it, version by version."""
    parents: tuple[int, ...] = ()
    """The lineages it came from by a split or a merge."""
    children: tuple[int, ...] = ()
    """The lineages it went into by a split or a merge."""

    @property
    def names(self) -> tuple[str, ...]:
        """Return the names it had, in order."""
        return tuple(dict.fromkeys(event.name for event in self.events))


@attrs.frozen(kw_only=True)
class History:
    """Every item's lineage across the versions."""

    versions: tuple[Version, ...]
    """The versions, oldest first."""
    lineages: tuple[Lineage, ...]
    """One per item that ever existed, in order of first appearance."""

    def find(self, wanted: str) -> tuple[Lineage, ...]:
        """Return the lineages whose any name is ``wanted``, or whose id is that number."""
        if wanted.isdigit():
            return tuple(lineage for lineage in self.lineages if lineage.id == int(wanted))
        return tuple(lineage for lineage in self.lineages if wanted in lineage.names)

    def family(self, lineage: Lineage) -> tuple[Lineage, ...]:
        """Return ``lineage`` with its ancestors and descendants, in order of id."""
        by_id = {entry.id: entry for entry in self.lineages}
        seen = {lineage.id}
        stack = [lineage]
        while stack:
            current = stack.pop()
            for other in (*current.parents, *current.children):
                if other not in seen:
                    seen.add(other)
                    stack.append(by_id[other])
        return tuple(by_id[identifier] for identifier in sorted(seen))


def version_of(duty_list: DutyList, index: int, label: str | None = None) -> Version:
    """Return how a list is named in a series: a given label, its version, or ``v<n>``."""
    name = label or duty_list.metadata.version or f"v{index + 1}"
    return Version(label=name, date=duty_list.metadata.published)


def history(
    versions: Sequence[DutyList],
    *,
    labels: Sequence[str] | None = None,
    registry: Registry | None = None,
) -> History:
    """Return the history of every item across ``versions`` (oldest first).

    Args:
        versions: two or more versions of one list.
        labels: a label per version (default: each list's own version, else ``v1``, ``v2`` …).
        registry: the department registry, as for diff (:func:`dutylist.registry_for`).
    """
    builder = _Builder()
    named = [
        version_of(duty_list, index, labels[index] if labels else None)
        for index, duty_list in enumerate(versions)
    ]
    if not versions:
        return History(versions=(), lineages=())
    current = builder.start(versions[0])
    for index in range(1, len(versions)):
        changeset, alignment = compute_aligned(versions[index - 1], versions[index], registry)
        carried: dict[int, int] = {}
        for i, j in alignment.pairs:
            carried[j] = current[i]
        builder.record(index, changeset, alignment.old, alignment.new, current, carried)
        current = carried
    return History(versions=tuple(named), lineages=builder.lineages())


class _Builder:
    """Collects events per lineage while the versions are walked."""

    def __init__(self) -> None:
        self.events: list[list[Event]] = []
        self.parents: list[list[int]] = []
        self.children: list[list[int]] = []

    def new(self) -> int:
        self.events.append([])
        self.parents.append([])
        self.children.append([])
        return len(self.events)

    def add(self, lineage: int, event: Event) -> None:
        self.events[lineage - 1].append(event)

    def start(self, duty_list: DutyList) -> dict[int, int]:
        current = {}
        for index, entry in enumerate(entries(duty_list)):
            lineage = self.new()
            current[index] = lineage
            self.add(
                lineage,
                Event(
                    version=0,
                    kind=EventKind.APPEARED,
                    part=entry.part,
                    category=entry.category.title,
                    number=entry.item.number,
                    name=entry.item.name,
                ),
            )
        return current

    def record(  # noqa: PLR0913, PLR0917 - one step of the walk and its state
        self,
        version: int,
        changeset: ChangeSet,
        old: Sequence[Entry],
        new: Sequence[Entry],
        current: dict[int, int],
        carried: dict[int, int],
    ) -> None:
        position_of_old = _positions(old)
        position_of_new = _positions(new)
        for change in changeset.changes:
            olds = [current[position_of_old[ref.part, ref.position]] for ref in change.old]
            if change.kind is ChangeKind.REMOVED:
                ref = change.old[0]
                self.add(olds[0], _ref_event(version, EventKind.REMOVED, ref, gone=True))
                continue
            news = [position_of_new[ref.part, ref.position] for ref in change.new]
            if change.kind is ChangeKind.ADDED:
                lineage = self.new()
                carried[news[0]] = lineage
                self.add(lineage, _ref_event(version, EventKind.APPEARED, change.new[0]))
            elif change.kind in {ChangeKind.SPLIT, ChangeKind.MERGED}:
                self._regroup(version, change.kind, change.old, change.new, olds, news, carried)
            else:
                lineage = carried[news[0]]
                before, after = change.old[0], change.new[0]
                if change.kind is ChangeKind.MOVED:
                    taken_back = before.part is PartKind.COOPERATIVE and (
                        after.part is PartKind.RECALLED
                    )
                    kind = EventKind.TAKEN_BACK if taken_back else EventKind.MOVED
                    self.add(lineage, _ref_event(version, kind, after))
                fields = [field.field for field in change.fields]
                if "name" in fields:
                    self.add(
                        lineage,
                        _ref_event(version, EventKind.RENAMED, after, detail=before.name),
                    )
                edited = sorted({field.split(".")[0] for field in fields} - {"name"})
                if edited:
                    detail = ",".join(edited)
                    self.add(lineage, _ref_event(version, EventKind.EDITED, after, detail=detail))

    def _regroup(  # noqa: PLR0913, PLR0917 - a split or merge and the walk's state
        self,
        version: int,
        kind: ChangeKind,
        old_refs: Sequence[ItemRef],
        new_refs: Sequence[ItemRef],
        olds: list[int],
        news: list[int],
        carried: dict[int, int],
    ) -> None:
        made = []
        for position in news:
            lineage = self.new()
            carried[position] = lineage
            made.append(lineage)
        event_kind = EventKind.SPLIT if kind is ChangeKind.SPLIT else EventKind.MERGED
        for lineage, ref in zip(olds, old_refs, strict=True):
            self.children[lineage - 1].extend(made)
            self.add(lineage, _ref_event(version, event_kind, ref, gone=True, related=made))
        for lineage, ref in zip(made, new_refs, strict=True):
            self.parents[lineage - 1].extend(olds)
            self.add(lineage, _ref_event(version, event_kind, ref, related=tuple(olds)))

    def lineages(self) -> tuple[Lineage, ...]:
        return tuple(
            Lineage(
                id=index + 1,
                events=tuple(events),
                parents=tuple(self.parents[index]),
                children=tuple(self.children[index]),
            )
            for index, events in enumerate(self.events)
        )


def _positions(side: Sequence[Entry]) -> dict[tuple[PartKind, int], int]:
    return {(entry.part, entry.position): index for index, entry in enumerate(side)}


def _ref_event(  # noqa: PLR0913 - an event's fields
    version: int,
    kind: EventKind,
    ref: ItemRef,
    *,
    gone: bool = False,
    detail: str = "",
    related: Sequence[int] = (),
) -> Event:
    """Return an event at ``ref``; ``gone`` events name where the item last was."""
    return Event(
        version=version,
        kind=kind,
        part=None if gone and kind is EventKind.REMOVED else ref.part,
        category=None if gone and kind is EventKind.REMOVED else ref.category,
        number=None if gone and kind is EventKind.REMOVED else ref.number,
        name=ref.name,
        detail=detail,
        related=tuple(related),
    )
