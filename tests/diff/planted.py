"""Revisions with planted edits of every kind, and the change set they must give.

``planted_revision(duty_list, seed, rate)`` edits about ``rate`` × size items of a list
(made by :func:`tests.diff.generated.generated_list`, whose names repeat the reference
list's wording with a ``（k）`` suffix) and returns the revision with the expected
change set in the canonical form of docs/diff.md (:func:`canonical`):

- item changes as ``(kind, old names, new names)``, names sorted: renamed and
  clause-edited items are ``modified``, items put into another category ``moved``, new
  items ``added``, dropped ones ``removed``, an item split into ``…（宣传）`` and
  ``…（排查）`` keeping its clauses ``split``, two neighbours joined as ``A；B`` with
  all their clauses ``merged``, and every item naming a renamed department ``modified``;
- category changes other than renumbering as ``(kind, old title, new title)``: two
  neighbouring categories swapped are one ``reordered`` record for the smaller (on a
  tie, the one whose title sorts later);
- systemic records as ``(old, new, items)``: the renamed department.

Every planted edit touches its own items; swapped categories and the renamed
department's items get no other edit.
"""

from __future__ import annotations

import random

import attrs

from dutylist.diff.changes import CategoryChangeKind, ChangeSet
from dutylist.diff.inline import normalize
from dutylist.fields import clause_fields
from dutylist.model import Category, Clause, CooperativeItem, DutyList, Item, Part, RecalledItem

_NEW_NAMES = "城乡社区治理服务安全生产消防应急统计调查宣传教育文化体育卫生健康民政养老就业社保"
RENAMED_DEPARTMENT = ("区执法局", "区综合行政执法局")

Canonical = tuple[
    list[tuple[str, tuple[str, ...], tuple[str, ...]]],
    list[tuple[str, str, str]],
    list[tuple[str, str, int]],
]


def canonical(changeset: ChangeSet) -> Canonical:
    """Return a change set in the canonical form the planted edits are stated in."""
    changes = sorted(
        (
            change.kind.value,
            tuple(sorted(ref.name for ref in change.old)),
            tuple(sorted(ref.name for ref in change.new)),
        )
        for change in changeset.changes
    )
    categories = sorted(
        (
            change.kind.value,
            change.old.title if change.old else "",
            change.new.title if change.new else "",
        )
        for change in changeset.categories
        if change.kind is not CategoryChangeKind.RENUMBERED
    )
    systemic = sorted((record.old, record.new, record.count) for record in changeset.systemic)
    return changes, categories, systemic


def _departments(item: Item) -> tuple[str, ...]:
    if isinstance(item, CooperativeItem):
        return tuple(d.name for d in item.departments)
    if isinstance(item, RecalledItem):
        return tuple(d.name for d in item.receiving_departments)
    return ()


def _renamed_department(item: Item) -> Item:
    old, new = RENAMED_DEPARTMENT

    def rename(departments: tuple[object, ...]) -> tuple[object, ...]:
        return tuple(
            attrs.evolve(d, name=new, printed=None) if getattr(d, "name", None) == old else d
            for d in departments
        )

    if isinstance(item, CooperativeItem):
        return attrs.evolve(item, departments=rename(item.departments))
    if isinstance(item, RecalledItem):
        return attrs.evolve(item, receiving_departments=rename(item.receiving_departments))
    return item


def _body(item: Item) -> tuple[str, ...]:
    """Return the clause texts of an item (its wording, apart from its name)."""
    return tuple(clause.text for _, clauses in clause_fields(item) for clause in clauses)


def _fresh(template: Item, name: str, rng: random.Random) -> Item:
    """Return a new item shaped like ``template`` with a new name and new clauses."""
    fresh = attrs.evolve(template, name=name)
    if isinstance(fresh, CooperativeItem):
        text = "".join(rng.sample(_NEW_NAMES, 16))
        clause = Clause(number=None, text=text, printed=text)
        return attrs.evolve(fresh, superior_duties=(), local_duties=(clause,))
    if isinstance(fresh, RecalledItem):
        text = "".join(rng.sample(_NEW_NAMES, 16))
        return attrs.evolve(fresh, working_method=(Clause(number=None, text=text, printed=text),))
    return fresh


def planted_revision(
    duty_list: DutyList, *, seed: int = 0, rate: float = 0.04
) -> tuple[DutyList, Canonical]:
    """Return a revision of ``duty_list`` and its expected change set (canonical form)."""
    rng = random.Random(seed)  # noqa: S311 - seeded test data
    parts = [[list(c.items) for c in p.categories] for p in duty_list.parts]
    titles = [[c.title for c in p.categories] for p in duty_list.parts]
    changes: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = []
    categories: list[tuple[str, str, str]] = []
    systemic: list[tuple[str, str, int]] = []
    frozen: set[tuple[int, int]] = set()  # categories swapped: no edits inside
    touched: set[str] = set()
    # one swap of neighbouring categories per part that has a few
    orders = []
    for p, part in enumerate(parts):
        order = list(range(len(part)))
        a = rng.randrange(1, len(part) - 2) if len(part) >= 4 else 0
        if a and normalize(titles[p][a]) != normalize(titles[p][a + 1]):
            order[a], order[a + 1] = order[a + 1], order[a]
            frozen.update({(p, a), (p, a + 1)})
            sizes = {c: len(part[c]) for c in (a, a + 1)}
            if sizes[a] != sizes[a + 1]:
                smaller = min((a, a + 1), key=lambda c: sizes[c])
            else:
                smaller = max((a, a + 1), key=lambda c: titles[p][c])
            categories.append(("reordered", titles[p][smaller], titles[p][smaller]))
        orders.append(order)
    # the renamed department: every item naming it is modified, and nothing else
    old_department, new_department = RENAMED_DEPARTMENT
    count = 0
    for part in parts:
        for items in part:
            for i, item in enumerate(items):
                if old_department in _departments(item):
                    items[i] = _renamed_department(item)
                    touched.add(item.name)
                    changes.append(("modified", (item.name,), (item.name,)))
                    count += 1
    if count >= 3:
        systemic.append((old_department, new_department, count))
    size = sum(len(items) for part in parts for items in part)
    wording: set[tuple[str, ...]] = set()  # clauses of items split, merged or removed
    renames = clause_edits = 0
    kinds = ("rename", "clause", "add", "remove", "move", "split", "merge")
    for step in range(max(len(kinds), int(size * rate))):
        action = kinds[step % len(kinds)]
        p = rng.randrange(len(parts))
        open_categories = [c for c in range(len(parts[p])) if (p, c) not in frozen and parts[p][c]]
        if len(open_categories) < 2:
            continue
        c = rng.choice(open_categories)
        items = parts[p][c]
        i = rng.randrange(len(items))
        item = items[i]
        if item.name in touched:
            continue
        body = _body(item)
        if action in {"remove", "split", "merge"} and body in wording:
            continue  # another item with this wording is already split, merged or removed
        if action == "rename":
            renames += 1
            new_name = "依法" + item.name
            items[i] = attrs.evolve(item, name=new_name)
            touched.update({item.name, new_name})
            changes.append(("modified", (item.name,), (new_name,)))
        elif action == "clause":
            if not (isinstance(item, CooperativeItem) and item.local_duties):
                continue
            first = item.local_duties[0]
            clause_edits += 1
            edited = attrs.evolve(first, text=first.text + "（限定范围）")
            items[i] = attrs.evolve(item, local_duties=(edited, *item.local_duties[1:]))
            touched.add(item.name)
            changes.append(("modified", (item.name,), (item.name,)))
        elif action == "add":
            name = "".join(rng.sample(_NEW_NAMES, 12))
            items.insert(i, _fresh(item, name, rng))
            touched.add(name)
            changes.append(("added", (), (name,)))
        elif action == "remove":
            wording.add(body)
            del items[i]
            touched.add(item.name)
            changes.append(("removed", (item.name,), ()))
        elif action == "move":
            target = rng.choice([t for t in open_categories if t != c])
            del items[i]
            parts[p][target].insert(rng.randrange(len(parts[p][target]) + 1), item)
            touched.add(item.name)
            changes.append(("moved", (item.name,), (item.name,)))
        elif action == "split":
            wording.add(body)
            pieces = [attrs.evolve(item, name=f"{item.name}（{s}）") for s in ("宣传", "排查")]
            items[i : i + 1] = pieces
            touched.update({item.name, *(piece.name for piece in pieces)})
            changes.append(("split", (item.name,), tuple(sorted(p.name for p in pieces))))
        elif action == "merge":
            if i + 1 >= len(items) or not isinstance(item, CooperativeItem):
                continue
            other = items[i + 1]
            if other.name in touched or not isinstance(other, CooperativeItem):
                continue
            if _body(other) in wording:
                continue
            lengths = sorted(
                len(x.name + "".join(c.text for c in x.local_duties)) for x in (item, other)
            )
            if lengths[1] > 1.5 * lengths[0] or not item.local_duties or not other.local_duties:
                continue
            merged = attrs.evolve(
                item,
                name=f"{item.name}；{other.name}",
                superior_duties=item.superior_duties + other.superior_duties,
                local_duties=item.local_duties + other.local_duties,
            )
            wording.update({body, _body(other)})
            items[i : i + 2] = [merged]
            touched.update({item.name, other.name, merged.name})
            changes.append(("merged", tuple(sorted((item.name, other.name))), (merged.name,)))
    # the same phrase added to many names, or to many clauses, is itself systemic
    for phrase, times in (("依法", renames), ("（限定范围）", clause_edits)):
        if times >= 3:
            systemic.append(("", phrase, times))
    new_parts: list[Part] = []
    for part, categories_items, order in zip(duty_list.parts, parts, orders, strict=True):
        number = 0
        new_categories: list[Category] = []
        for ordinal, c in enumerate(order, start=1):
            renumbered = []
            for item in categories_items[c]:
                number += 1
                renumbered.append(attrs.evolve(item, number=number))
            new_categories.append(
                attrs.evolve(part.categories[c], ordinal=ordinal, items=tuple(renumbered))
            )
        new_parts.append(attrs.evolve(part, categories=tuple(new_categories)))
    revised = attrs.evolve(duty_list, parts=tuple(new_parts))
    return revised, (sorted(changes), sorted(categories), sorted(systemic))
