"""A series of versions with planted edits, and the lineage each item must have.

``planted_series(base, versions, seed)`` returns the versions and, for every item that
ever existed, its expected events as ``(version, kind, name)`` plus the first names of
the lineages it came from and went into: the canonical form :func:`lineage_view` also
gives for a :class:`~dutylist.diff.history.History`.
"""

from __future__ import annotations

import random

import attrs

from dutylist.diff.history import History
from dutylist.model import CooperativeItem, DutyList, Item, PartKind
from tests.diff import edits

_NEW_NAMES = "城乡社区治理服务安全生产消防应急统计调查宣传教育文化体育卫生健康民政养老就业社保"

LineageView = tuple[tuple[tuple[int, str, str], ...], tuple[str, ...], tuple[str, ...]]


def lineage_view(history: History) -> list[LineageView]:
    """Return every lineage as (events, parents' first names, children's first names)."""
    first = {lineage.id: lineage.events[0].name for lineage in history.lineages}
    return sorted(
        (
            tuple((e.version, e.kind.value, e.name) for e in lineage.events),
            tuple(sorted(first[p] for p in lineage.parents)),
            tuple(sorted(first[c] for c in lineage.children)),
        )
        for lineage in history.lineages
    )


@attrs.define
class _Planted:
    events: list[tuple[int, str, str]]
    parents: list[str] = attrs.field(factory=list)
    children: list[str] = attrs.field(factory=list)


def _find(duty_list: DutyList, name: str) -> tuple[PartKind, int, int]:
    for part in duty_list.parts:
        for c, category in enumerate(part.categories):
            for i, item in enumerate(category.items):
                if item.name == name:
                    return part.kind, c, i
    raise KeyError(name)


def _pick(
    rng: random.Random,
    current: DutyList,
    touched: set[str],
    kind: PartKind | None,
    *,
    clauses: bool,
) -> Item:
    """Choose an item not yet edited in this version (of ``kind``, with clauses)."""
    candidates = [
        item
        for item in current.items
        if item.name not in touched
        and (kind is None or item.kind is kind)
        and (not clauses or (isinstance(item, CooperativeItem) and item.local_duties))
    ]
    item = rng.choice(candidates)
    touched.add(item.name)
    return item


def planted_series(
    base: DutyList, versions: int = 5, seed: int = 0, per_kind: int = 2
) -> tuple[list[DutyList], list[LineageView]]:
    """Return ``versions`` lists starting from ``base`` and the expected lineages."""
    rng = random.Random(seed)  # noqa: S311 - seeded test data
    lineages: dict[str, _Planted] = {}  # by current name (names are unique in base)
    ended: list[_Planted] = []
    for item in base.items:
        lineages[item.name] = _Planted(events=[(0, "appeared", item.name)])
    series = [base]
    current = base
    for version in range(1, versions):
        touched: set[str] = set()

        for _ in range(per_kind):
            # rename: a phrase added at the front keeps the name recognisable
            item = _pick(rng, current, touched, None, clauses=False)
            new_name = "依法" + item.name
            current = edits.edit(current, *_find(current, item.name), name=new_name)
            planted = lineages.pop(item.name)
            planted.events.append((version, "renamed", new_name))
            lineages[new_name] = planted
            touched.add(new_name)
            # edit a clause
            item = _pick(rng, current, touched, PartKind.COOPERATIVE, clauses=True)
            assert isinstance(item, CooperativeItem)
            first = item.local_duties[0]
            local = (attrs.evolve(first, text="及时" + first.text), *item.local_duties[1:])
            current = edits.edit(current, *_find(current, item.name), local_duties=local)
            lineages[item.name].events.append((version, "edited", item.name))
            # move to another category of the same part
            item = _pick(rng, current, touched, PartKind.BASIC, clauses=False)
            kind, c, i = _find(current, item.name)
            target = (c + 3) % len(edits.part(current, kind).categories)
            current = edits.move(current, (kind, c, i), (kind, target, 0))
            lineages[item.name].events.append((version, "moved", item.name))
            # take back: a cooperative item goes to the recalled list, its superior
            # department's duties becoming the working method, its own duties dropped
            item = _pick(rng, current, touched, PartKind.COOPERATIVE, clauses=False)
            assert isinstance(item, CooperativeItem)
            current = edits.move(current, _find(current, item.name), (PartKind.RECALLED, 0, 0))
            lineages[item.name].events.append((version, "taken-back", item.name))
            if item.superior_duties or item.local_duties or any(d.lead for d in item.departments):
                lineages[item.name].events.append((version, "edited", item.name))
            # remove
            item = _pick(rng, current, touched, None, clauses=False)
            current = edits.remove(current, *_find(current, item.name))
            planted = lineages.pop(item.name)
            planted.events.append((version, "removed", item.name))
            ended.append(planted)
            # add
            name = "".join(rng.sample(_NEW_NAMES, 12))  # unlike any other name
            kind, c, i = _find(
                current, _pick(rng, current, touched, PartKind.BASIC, clauses=False).name
            )
            template = edits.item_at(current, kind, c, i)
            current = edits.insert(current, kind, c, i, attrs.evolve(template, name=name))
            lineages[name] = _Planted(events=[(version, "appeared", name)])
            touched.add(name)
            # split into qualified names, both keeping the clauses
            item = _pick(rng, current, touched, PartKind.COOPERATIVE, clauses=False)
            kind, c, i = _find(current, item.name)
            current = edits.remove(current, kind, c, i)
            whole = lineages.pop(item.name)
            whole.events.append((version, "split", item.name))
            ended.append(whole)
            for suffix in ("排查", "宣传"):
                part_name = f"{item.name}（{suffix}）"
                current = edits.insert(current, kind, c, i, attrs.evolve(item, name=part_name))
                lineages[part_name] = _Planted(
                    events=[(version, "split", part_name)], parents=[whole.events[0][2]]
                )
                whole.children.append(part_name)
                touched.add(part_name)
        current = edits.renumber(current)
        series.append(current)
    everything = [*lineages.values(), *ended]
    expected = sorted(
        (tuple(p.events), tuple(sorted(p.parents)), tuple(sorted(p.children))) for p in everything
    )
    return series, expected
