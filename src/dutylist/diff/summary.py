"""The counts of a change set: per part, per category and per department.

:class:`~dutylist.diff.changes.ChangeSet` carries a :class:`Summary`, which
:func:`dutylist.diff.compute.summarize` computes and every report shows first.
"""

from __future__ import annotations

import attrs

from dutylist.model import PartKind


@attrs.frozen(kw_only=True)
class Tally:
    """Counts of changes for one part, category or department."""

    added: int = 0
    """Items added."""
    removed: int = 0
    """Items removed."""
    modified: int = 0
    """Items modified in place."""
    moved_in: int = 0
    """Items moved here from elsewhere."""
    moved_out: int = 0
    """Items moved from here to elsewhere."""
    split: int = 0
    """Old items split (counted where the old item was)."""
    merged: int = 0
    """New items made by a merge (counted where the new item is)."""
    renumbered: int = 0
    """Items renumbered without another change."""

    @property
    def total(self) -> int:
        """Return the number of counted changes."""
        return (
            self.added
            + self.removed
            + self.modified
            + self.moved_in
            + self.moved_out
            + self.split
            + self.merged
            + self.renumbered
        )


@attrs.frozen(kw_only=True)
class PartSummary:
    """The changes of one part."""

    part: PartKind
    """The part."""
    tally: Tally
    """The counts."""


@attrs.frozen(kw_only=True)
class CategorySummary:
    """The changes of one category (by title, in either version)."""

    part: PartKind
    """The part holding the category."""
    category: str
    """The category title."""
    tally: Tally
    """The counts."""


@attrs.frozen(kw_only=True)
class DepartmentSummary:
    """Which duties a department gained or lost."""

    department: str
    """The department (its canonical name when a registry is used)."""
    gained: int = 0
    """Items that name the department in the new list but not in the old."""
    lost: int = 0
    """Items that named the department in the old list but no longer do."""
    changed: int = 0
    """Items naming the department in both versions whose content changed."""


@attrs.frozen(kw_only=True)
class Summary:
    """Counts of the changes per part, per category and per department."""

    parts: tuple[PartSummary, ...] = ()
    """One entry per part that has changes, in part order."""
    categories: tuple[CategorySummary, ...] = ()
    """One entry per category that has changes, in reading order."""
    departments: tuple[DepartmentSummary, ...] = ()
    """One entry per department whose duties changed, by name."""
