"""Compare the fields of a matched pair of items, clause by clause.

Fields compared: ``name``; ``departments`` (对应上级部门 of a cooperative item, 承接部门 of a
recalled one, joined by ``、`` with ``牵头`` marks); each clause field (``superior_duties``,
``local_duties``, ``working_method``), clause by clause; ``discontinued``; ``remarks``,
``basis`` and each extra
column as ``extra.<header>``. Clauses are paired by identical text first (a pair out of
order is ``reordered``), then by similarity (:data:`CLAUSE_MATCH`); the rest are added or
removed. Clause renumbering that follows from added or removed clauses is not a change; a
numbering that is not 1…n (or one unnumbered clause) on either side (``1、2、2``), or that
changed while the number of clauses did not, is reported as the cosmetic field
``<field>.numbering``.
"""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING

from dutylist.diff.changes import ChangeClass, FieldChange, FieldOp
from dutylist.diff.content import clause_text, departments_of
from dutylist.diff.inline import classify, inline_diff, normalize
from dutylist.fields import clause_fields
from dutylist.model import Clause, Department, Item, RecalledItem

if TYPE_CHECKING:
    from dutylist.departments.registry import Registry

CLAUSE_MATCH = 0.5
"""Two clauses of a matched pair whose texts are at least this similar are one edited clause."""


def compare_items(
    old: Item, new: Item, registry: Registry | None = None
) -> tuple[FieldChange, ...]:
    """Return the field differences between two matched items, in display order."""
    changes: list[FieldChange] = []
    if old.name != new.name:
        changes.append(_changed("name", old.name, new.name))
    changes.extend(_compare_departments(departments_of(old), departments_of(new), registry))
    old_fields = dict(clause_fields(old))
    new_fields = dict(clause_fields(new))
    for field in dict.fromkeys([*old_fields, *new_fields]):
        changes.extend(
            _compare_clauses(field, old_fields.get(field, ()), new_fields.get(field, ()))
        )
    old_discontinued = isinstance(old, RecalledItem) and old.discontinued
    new_discontinued = isinstance(new, RecalledItem) and new.discontinued
    if old_discontinued != new_discontinued:
        changes.append(
            FieldChange(
                field="discontinued",
                op=FieldOp.CHANGED,
                old=str(old_discontinued).lower(),
                new=str(new_discontinued).lower(),
            )
        )
    for field in ("remarks", "basis"):
        before, after = getattr(old, field), getattr(new, field)
        if before != after:
            changes.append(_changed(field, before, after))
    for header in sorted(set(old.extra) | set(new.extra)):
        before, after = old.extra.get(header), new.extra.get(header)
        if before == after:
            continue
        field = f"extra.{header}"
        if before is None:
            changes.append(FieldChange(field=field, op=FieldOp.ADDED, old=None, new=after))
        elif after is None:
            changes.append(FieldChange(field=field, op=FieldOp.REMOVED, old=before, new=None))
        else:
            changes.append(_changed(field, before, after))
    return tuple(changes)


def _changed(  # noqa: PLR0913 - keyword-only options of one FieldChange
    field: str,
    old: str,
    new: str,
    *,
    old_clause: int | None = None,
    new_clause: int | None = None,
    classification: ChangeClass | None = None,
) -> FieldChange:
    return FieldChange(
        field=field,
        op=FieldOp.CHANGED,
        old=old,
        new=new,
        old_clause=old_clause,
        new_clause=new_clause,
        edits=inline_diff(old, new),
        classification=classification or classify(old, new),
    )


def departments_text(departments: tuple[Department, ...]) -> str:
    """Return departments as printed in one cell: ``区应急局牵头、区住建局``."""
    return "、".join(f"{d.name}牵头" if d.lead else d.name for d in departments)


def _compare_departments(
    old: tuple[Department, ...], new: tuple[Department, ...], registry: Registry | None
) -> list[FieldChange]:
    if [(d.name, d.lead) for d in old] == [(d.name, d.lead) for d in new]:
        return []
    before, after = departments_text(old), departments_text(new)
    if not old:
        return [FieldChange(field="departments", op=FieldOp.ADDED, old=None, new=after)]
    if not new:
        return [FieldChange(field="departments", op=FieldOp.REMOVED, old=before, new=None)]
    classification = classify(before, after)
    if registry is not None and _canonical(old, registry) == _canonical(new, registry):
        classification = ChangeClass.COSMETIC
    return [_changed("departments", before, after, classification=classification)]


def _canonical(departments: tuple[Department, ...], registry: Registry) -> list[tuple[str, bool]]:
    return [(registry.canonical(d.name) or normalize(d.name), d.lead) for d in departments]


def _compare_clauses(
    field: str, old: tuple[Clause, ...], new: tuple[Clause, ...]
) -> list[FieldChange]:
    old_texts = [clause_text(clause) for clause in old]
    new_texts = [clause_text(clause) for clause in new]
    changes: list[FieldChange] = []
    if old_texts != new_texts:
        changes.extend(_clause_changes(field, old_texts, new_texts))
    old_numbers = [clause.number for clause in old]
    new_numbers = [clause.number for clause in new]
    explained = len(old_numbers) != len(new_numbers) and (
        _natural(old_numbers) and _natural(new_numbers)
    )
    if old_numbers != new_numbers and old_numbers and new_numbers and not explained:
        changes.append(
            FieldChange(
                field=f"{field}.numbering",
                op=FieldOp.CHANGED,
                old=_numbers_text(old_numbers),
                new=_numbers_text(new_numbers),
                classification=ChangeClass.COSMETIC,
            )
        )
    return changes


def _natural(numbers: list[int | None]) -> bool:
    """Return True for 1…n, or for one unnumbered clause."""
    return numbers in ([None], list(range(1, len(numbers) + 1)))


def _numbers_text(numbers: list[int | None]) -> str:
    return "、".join("-" if number is None else str(number) for number in numbers)


def _clause_changes(field: str, old: list[str], new: list[str]) -> list[FieldChange]:
    """Pair clauses (identical first, then similar) and describe what differs."""
    pairs: list[tuple[int, int]] = []
    free_new: dict[str, list[int]] = {}
    for index, text in enumerate(new):
        free_new.setdefault(text, []).append(index)
    unpaired_old: list[int] = []
    for index, text in enumerate(old):
        slots = free_new.get(text)
        if slots:
            pairs.append((index, slots.pop(0)))
        else:
            unpaired_old.append(index)
    taken_new = {j for _, j in pairs}
    unpaired_new = [j for j in range(len(new)) if j not in taken_new]
    in_order = _increasing_pairs(pairs)
    changes: list[tuple[float, FieldChange]] = [
        (
            j,
            FieldChange(
                field=field,
                op=FieldOp.REORDERED,
                old=old[i],
                new=new[j],
                old_clause=i + 1,
                new_clause=j + 1,
                classification=ChangeClass.COSMETIC,
            ),
        )
        for i, j in pairs
        if (i, j) not in in_order
    ]
    candidates = sorted(
        (
            (-_ratio(old[i], new[j]), abs(i - j), i + j, i, j)
            for i in unpaired_old
            for j in unpaired_new
        ),
    )
    used_old: set[int] = set()
    used_new: set[int] = set()
    for negative_ratio, _, _, i, j in candidates:
        if -negative_ratio < CLAUSE_MATCH or i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        changes.append((j, _changed(field, old[i], new[j], old_clause=i + 1, new_clause=j + 1)))
    changes.extend(
        (
            j,
            FieldChange(field=field, op=FieldOp.ADDED, old=None, new=new[j], new_clause=j + 1),
        )
        for j in unpaired_new
        if j not in used_new
    )
    changes.extend(
        (
            i - 0.5 if i else -1,
            FieldChange(field=field, op=FieldOp.REMOVED, old=old[i], new=None, old_clause=i + 1),
        )
        for i in unpaired_old
        if i not in used_old
    )
    changes.sort(key=lambda entry: (entry[0], entry[1].op is not FieldOp.REMOVED))
    return [change for _, change in changes]


def _ratio(old: str, new: str) -> float:
    return difflib.SequenceMatcher(None, old, new, autojunk=False).ratio()


def _increasing_pairs(pairs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """Return a longest run of pairs increasing on both sides (the clauses kept in order)."""
    ordered = sorted(pairs)
    if not ordered:
        return set()
    # O(k²) longest increasing subsequence: cells hold a handful of clauses.
    best = [1] * len(ordered)
    previous = [-1] * len(ordered)
    for index, (_, j) in enumerate(ordered):
        for earlier in range(index):
            if ordered[earlier][1] < j and best[earlier] + 1 > best[index]:
                best[index] = best[earlier] + 1
                previous[index] = earlier
    index = max(range(len(ordered)), key=lambda k: (best[k], -k))
    keep: set[tuple[int, int]] = set()
    while index >= 0:
        keep.add(ordered[index])
        index = previous[index]
    return keep
