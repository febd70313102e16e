"""Find systemic changes: the same replacement made in several items, reported once.

A reform renames a department in sixteen items, a term is replaced throughout, a
punctuation style changes: each is one decision, not sixteen unrelated edits. Every
changed field of a modified or moved item is broken into *replacements*:

- for departments, a department the old item names and the new one does not, replaced by
  the one the new item names instead (``区执法局`` → ``区综合行政执法局``); departments
  only added or only removed are ``""`` on the missing side;
- for text fields, each run of deleted and inserted text of the inline diff
  (``，`` → ``,``; ``""`` → ``及时`` for an insertion).

A replacement found in at least :data:`SYSTEMIC_ITEMS` changes is a :class:`Systemic`
record. So is a department replaced by the one a registry declares it was renamed to
(:meth:`~dutylist.departments.registry.Registry.rename_between`: 区城管局 →
区综合行政执法局, the 2019 reform), however few items it touched: the registry already says
it is one decision; the record names the reform (the registry's
:class:`~dutylist.departments.registry.Rename`).
The per-item changes stay in the change set (``apply`` replays them all); each record
lists the changes it touched, so reports show them under it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from dutylist.diff.changes import (
    Change,
    ChangeKind,
    EditOp,
    FieldChange,
    FieldOp,
    Systemic,
)

if TYPE_CHECKING:
    from dutylist.departments.registry import Registry, Rename

SYSTEMIC_ITEMS = 3
"""The least number of items the same replacement must touch to be systemic."""


def find_systemic(
    changes: Sequence[Change], registry: Registry | None = None
) -> tuple[Systemic, ...]:
    """Return the systemic replacements in ``changes``, most items first.

    With ``registry``, a department replaced by the name the registry declares it was
    renamed to is systemic from one item up, and its record names the reform.
    """
    touched: dict[tuple[str, str], dict[int, set[str]]] = defaultdict(dict)
    for index, change in enumerate(changes):
        if change.kind not in {ChangeKind.MODIFIED, ChangeKind.MOVED}:
            continue
        for field in change.fields:
            for replacement in replacements(field):
                touched[replacement].setdefault(index, set()).add(field.field)
    records = []
    for (old, new), found in touched.items():
        reform = _reform(registry, old, new, found) if registry is not None else None
        if len(found) < SYSTEMIC_ITEMS and reform is None:
            continue
        indices = tuple(sorted(found))
        records.append(
            Systemic(
                old=old,
                new=new,
                fields=tuple(sorted(set().union(*found.values()))),
                parts=tuple(
                    sorted(
                        {(changes[i].new or changes[i].old)[0].part for i in indices},
                        key=lambda part: part.value,
                    )
                ),
                changes=indices,
                reform=reform,
            )
        )
    records.sort(key=lambda record: (-len(record.changes), record.old, record.new))
    return tuple(records)


def _reform(registry: Registry, old: str, new: str, found: dict[int, set[str]]) -> Rename | None:
    """Return the reform when the registry declares department ``old`` renamed to ``new``."""
    if not old or not new or not any("departments" in fields for fields in found.values()):
        return None
    return registry.rename_between(old, new)


def replacements(field: FieldChange) -> Iterator[tuple[str, str]]:
    """Yield the (old text, new text) replacements one field change makes."""
    if field.op is not FieldOp.CHANGED or field.old is None or field.new is None:
        return
    if field.field == "departments":
        before, after = _names(field.old), _names(field.new)
        before_set, after_set = set(before), set(after)
        lost = [name for name in before if name not in after_set]
        gained = [name for name in after if name not in before_set]
        if len(lost) == len(gained):
            yield from zip(lost, gained, strict=True)
        else:
            yield from ((name, "") for name in lost)
            yield from (("", name) for name in gained)
        return
    deleted: list[str] = []
    inserted: list[str] = []
    for edit in (*field.edits, None):
        if edit is not None and edit.op is EditOp.DELETE:
            deleted.append(edit.text)
        elif edit is not None and edit.op is EditOp.INSERT:
            inserted.append(edit.text)
        else:
            if deleted or inserted:
                yield "".join(deleted), "".join(inserted)
            deleted, inserted = [], []


def _names(text: str) -> list[str]:
    return [name.removesuffix("牵头") for name in text.split("、") if name]


def explained(change: Change, records: Sequence[Systemic]) -> bool:
    """Return True when ``change`` is a modification made only of systemic replacements."""
    if change.kind is not ChangeKind.MODIFIED or not change.fields:
        return False
    known = {(record.old, record.new) for record in records}
    for field in change.fields:
        found = set(replacements(field))
        if not found or not found <= known:
            return False
    return True
