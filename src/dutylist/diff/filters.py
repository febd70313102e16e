"""Narrow a change set for a reader: only substantive changes, or one department's.

A filtered change set is a report, not a patch: :func:`dutylist.diff.apply` needs the
whole set, and the redline the new list, which a filtered set does not carry. Systemic
records keep pointing at the changes they made (renumbered), and the summary is
recounted from what is left.
"""

from __future__ import annotations

import attrs

from dutylist.departments.registry import Registry
from dutylist.diff.changes import ChangeClass, ChangeSet, Systemic
from dutylist.diff.compute import summarize
from dutylist.diff.content import department_names
from dutylist.diff.systemic import SYSTEMIC_ITEMS


def filter_changes(
    changeset: ChangeSet,
    *,
    substantive_only: bool = False,
    department: str | None = None,
    registry: Registry | None = None,
) -> ChangeSet:
    """Return ``changeset`` keeping only the changes a reader asked for.

    Args:
        changeset: the whole change set.
        substantive_only: leave out changes that are cosmetic (whitespace, full/half-width
            forms, punctuation, a department's spelling).
        department: keep only the changes whose old or new items name this department
            (compared by canonical name when ``registry`` knows it); category changes
            and renumbering, which touch no department, are left out.
        registry: the department registry (:func:`dutylist.registry_for`).
    """

    def canonical(name: str) -> str:
        return (registry.canonical(name) if registry else None) or name

    wanted = canonical(department) if department is not None else None
    kept: list[int] = []
    for index, change in enumerate(changeset.changes):
        if substantive_only and change.classification is ChangeClass.COSMETIC:
            continue
        if wanted is not None and not any(
            canonical(name) == wanted
            for item in (*change.old_items, *change.new_items)
            for name in department_names(item)
        ):
            continue
        kept.append(index)
    place = {old: new for new, old in enumerate(kept)}
    changes = tuple(changeset.changes[index] for index in kept)
    systemic = tuple(
        attrs.evolve(record, changes=tuple(place[i] for i in record.changes if i in place))
        for record in changeset.systemic
        if any(i in place for i in record.changes)
    )
    renumbered = () if wanted is not None else changeset.renumbered
    categories = () if wanted is not None else changeset.categories
    return attrs.evolve(
        changeset,
        changes=changes,
        renumbered=renumbered,
        categories=categories,
        systemic=_still_systemic(systemic),
        summary=summarize(changes, renumbered, registry),
        new_list=None,  # what is left no longer leads from the old list to the new one
    )


def _still_systemic(records: tuple[Systemic, ...]) -> tuple[Systemic, ...]:
    """Keep the records that still touch several items (a declared reform: any) after filtering."""
    return tuple(
        record
        for record in records
        if record.count >= SYSTEMIC_ITEMS or (record.reform is not None and record.count)
    )
