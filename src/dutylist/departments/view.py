"""The department's view of a list: what each department leads, cooperates on, receives.

Built from the department names in cooperative department cells (对应上级部门), block
prefixes (``区财政局：``), recalled items' receiving departments (承接部门) and running
text, all resolved through the registry, so every spelling of a department lands in one
place.
"""

from __future__ import annotations

from collections import Counter

import attrs

from dutylist.departments.occurrences import Occurrence, Position, occurrences
from dutylist.departments.registry import Registry, ResolutionKind, registry_for
from dutylist.model import DutyList, ItemKey


@attrs.frozen(kw_only=True)
class DepartmentView:
    """One department and its items."""

    name: str
    """The list's most frequent standard spelling, else the official short form, else its
    most frequent spelling (for unknown names: the name as printed)."""
    canonical: str | None
    """The canonical name; None for names the registry does not know."""
    kind: ResolutionKind
    """How the name resolved: a known kind, ``generic`` or ``unknown``."""
    level: str | None = None
    """``市`` (the city's) or the county's prefix (``区``, ``县``, ``旗``), from the registry."""
    leads: tuple[ItemKey, ...] = ()
    """Cooperative items it leads: marked 牵头, or the only department in the cell."""
    cooperates: tuple[ItemKey, ...] = ()
    """Cooperative items it shares with other departments without leading them."""
    receives: tuple[ItemKey, ...] = ()
    """Recalled items it takes over (承接部门)."""
    mentioned: tuple[ItemKey, ...] = ()
    """Items whose text or block prefixes name it without listing it in a department cell."""
    spellings: tuple[tuple[str, int], ...] = ()
    """Every spelling seen, with how often, most frequent first."""


@attrs.define
class _Draft:
    name: str
    canonical: str | None
    kind: ResolutionKind
    leads: list[ItemKey] = attrs.Factory(list)
    cooperates: list[ItemKey] = attrs.Factory(list)
    receives: list[ItemKey] = attrs.Factory(list)
    mentioned: list[ItemKey] = attrs.Factory(list)
    spellings: Counter[str] = attrs.Factory(Counter)


def _add(target: list[ItemKey], key: ItemKey) -> None:
    if key not in target:
        target.append(key)


def department_views(
    duty_list: DutyList, registry: Registry | None = None
) -> tuple[DepartmentView, ...]:
    """Return every department named in ``duty_list`` with its items, busiest first.

    The default registry is the list's own (its office's context), so the names shown
    carry the list's own places.
    """
    registry = registry or registry_for(duty_list)
    drafts: dict[str, _Draft] = {}
    found = list(occurrences(duty_list, registry))
    lead_marked = {id(o.item) for o in found if o.position is Position.CELL and o.lead}
    cell_sizes: Counter[int] = Counter(id(o.item) for o in found if o.position is Position.CELL)
    for occurrence in found:
        draft = _draft(drafts, occurrence, registry)
        draft.spellings[occurrence.resolution.cleaned] += 1
        key = occurrence.item.key
        if occurrence.position is Position.RECEIVING:
            _add(draft.receives, key)
        elif occurrence.position is Position.CELL:
            alone = cell_sizes[id(occurrence.item)] == 1
            leads = occurrence.lead or (alone and id(occurrence.item) not in lead_marked)
            _add(draft.leads if leads else draft.cooperates, key)
        else:
            _add(draft.mentioned, key)
    views = []
    for draft in drafts.values():
        listed = {*draft.leads, *draft.cooperates, *draft.receives}
        name = _name(draft, registry)
        views.append(
            DepartmentView(
                name=name,
                canonical=draft.canonical,
                kind=draft.kind,
                level=registry.level_of(draft.canonical) if draft.canonical else None,
                leads=tuple(draft.leads),
                cooperates=tuple(draft.cooperates),
                receives=tuple(draft.receives),
                mentioned=tuple(key for key in draft.mentioned if key not in listed),
                spellings=tuple(draft.spellings.most_common()),
            )
        )
    views.sort(
        key=lambda view: (
            -(len(view.leads) + len(view.cooperates) + len(view.receives)),
            -len(view.mentioned),
            view.name,
        )
    )
    return tuple(views)


def _name(draft: _Draft, registry: Registry) -> str:
    """Return the list's usual standard spelling, else the official one, else the usual one."""
    if draft.canonical is None:
        return draft.name
    standard = [
        spelling
        for spelling, _ in draft.spellings.most_common()
        if registry.normalise(spelling).kind.standard
    ]
    if standard:
        return standard[0]
    return registry.official(draft.canonical) or draft.spellings.most_common(1)[0][0]


def _draft(drafts: dict[str, _Draft], occurrence: Occurrence, registry: Registry) -> _Draft:
    resolution = occurrence.resolution
    if resolution.canonical is not None:
        key, name = resolution.canonical, registry.standard(resolution.canonical)
        kind = ResolutionKind.EXACT
    else:
        key, name, kind = f"?{resolution.cleaned}", resolution.cleaned, resolution.kind
    if key not in drafts:
        drafts[key] = _Draft(name=name, canonical=resolution.canonical, kind=kind)
    return drafts[key]
