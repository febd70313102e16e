"""Compare the lists of several offices (交叉比对): what each lacks, adds or places differently.

Duties are identified across offices by :mod:`dutylist.corpus.clusters`. For each office
the comparison reports, against the template when one is given, else against the other
offices:

- **missing**: duties the template has, or (without a template) that more than half of
  the other offices have, and this office lacks;
- **only here**: duties no other office and not the template has;
- **other part**: duties this office places in another part than the template, or than
  most offices holding the duty (basic in one office, cooperative in another);
- **other departments**: cooperative or recalled duties this office gives to other
  departments than the template, or than most offices holding the duty in that part.

Department names are compared without the office's own place names and county prefix
(区民政局 in one district and 县民政局 in a county are the same department).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence

import attrs

from dutylist.corpus.clusters import Duty, cluster, duty_key
from dutylist.corpus.sources import Source
from dutylist.errors import DutylistError
from dutylist.model import CooperativeItem, DutyList, Item, PartKind, RecalledItem
from dutylist.patterns import compile_on_use

_PART_ORDER = {PartKind.BASIC: 0, PartKind.COOPERATIVE: 1, PartKind.RECALLED: 2}
_LEVEL_PREFIX = compile_on_use(r"^[区县市旗]")


@attrs.frozen(kw_only=True)
class Holding:
    """How one office holds one duty."""

    office: int
    """The office's index in :attr:`Comparison.offices`."""
    part: PartKind
    """The part the office puts the duty in."""
    name: str
    """The item name as the office printed it."""
    number: int | None
    """The item's number in that office's list."""
    departments: frozenset[str]
    """The departments (compared form), for cooperative and recalled items."""


@attrs.frozen(kw_only=True)
class OfficeEntry:
    """One office taking part in a comparison."""

    name: str
    """The office's name (from the title, else the file name)."""
    source: str
    """The file its list was read from."""
    label: str | None = None
    """The list's version label, when it has one."""
    template: bool = False
    """True for the template (the county's guiding catalogue), which is no office."""


@attrs.frozen(kw_only=True)
class Difference:
    """One thing an office does differently."""

    kind: str
    """``missing``, ``only-here``, ``other-part`` or ``other-departments``."""
    duty: Duty
    """The duty concerned."""
    office: int
    """The office's index."""
    found: str | None = None
    """What the office has: its part or its departments (for the last two kinds)."""
    expected: str | None = None
    """What the template or most offices have."""


@attrs.frozen(kw_only=True)
class Comparison:
    """The duties of several offices side by side, and each office's differences."""

    offices: tuple[OfficeEntry, ...]
    """The offices in order (the template first, when there is one)."""
    duties: tuple[Duty, ...]
    """Every duty found, in order of first appearance."""
    holdings: tuple[tuple[Holding, ...], ...]
    """For each duty, how each office that has it holds it."""
    differences: tuple[Difference, ...]
    """Every difference, by office then kind then duty."""

    def of_office(self, office: int) -> tuple[Difference, ...]:
        """Return the differences of the office at index ``office``."""
        return tuple(d for d in self.differences if d.office == office)

    def matrix(self) -> list[tuple[Duty, list[PartKind | None]]]:
        """Return, per duty, the part each office puts it in (None: the office lacks it)."""
        rows = []
        for duty, holdings in zip(self.duties, self.holdings, strict=True):
            parts: list[PartKind | None] = [None] * len(self.offices)
            for holding in holdings:
                parts[holding.office] = holding.part
            rows.append((duty, parts))
        return rows


def _places(duty_list: DutyList, *, short_stems: bool = False) -> list[str]:
    """Return the office's place names and their stems (长春市 → 长春), longest first.

    One-character stems (嵩县 → 嵩) are included only when ``short_stems`` is true: they
    are safe to remove from department names (市公安局嵩分局), not from duty names.
    """
    office = duty_list.office
    if office is None:
        return []
    places = [office.province, office.city, office.district, office.name]
    least = 2 if short_stems else 3
    stems = [p[:-1] for p in (office.city, office.district) if p and len(p) >= least]
    name = office.name
    for suffix in ("街道办事处", "人民政府", "办事处", "街道", "镇", "乡", "苏木"):
        if name.endswith(suffix) and len(name) > len(suffix):
            stems.append(name[: -len(suffix)])
            break
    return [p for p in (*places, *stems) if p]


def department_form(name: str, places: Sequence[str]) -> str:
    """Return a department name comparable across offices: no own places, no level prefix."""
    text = name
    for place in sorted(places, key=len, reverse=True):
        text = text.replace(place, "")
    return _LEVEL_PREFIX.sub("", text)


def _departments(item: Item, places: Sequence[str]) -> frozenset[str]:
    if isinstance(item, CooperativeItem):
        return frozenset(department_form(d.name, places) for d in item.departments)
    if isinstance(item, RecalledItem):
        return frozenset(department_form(d.name, places) for d in item.receiving_departments)
    return frozenset()


def office_name(duty_list: DutyList, source: str) -> str:
    """Return the name to show for the office of ``duty_list``."""
    if duty_list.office is not None:
        office = duty_list.office
        return "".join(p for p in (office.district, office.name) if p)
    return source


def compare_lists(
    lists: Sequence[tuple[str, DutyList]], template: tuple[str, DutyList] | None = None
) -> Comparison:
    """Return the comparison of several offices' lists.

    Args:
        lists: ``(source, list)`` of each office, in the order to show them.
        template: ``(source, list)`` of a guiding catalogue to compare every office with.
    """
    entries = [(source, duty_list, False) for source, duty_list in lists]
    if template is not None:
        entries.insert(0, (template[0], template[1], True))
    offices = tuple(
        OfficeEntry(
            name=office_name(duty_list, source) if not is_template else "模板",
            source=source,
            label=duty_list.metadata.version,
            template=is_template,
        )
        for source, duty_list, is_template in entries
    )
    places = [_places(duty_list) for _, duty_list, _ in entries]
    department_places = [_places(duty_list, short_stems=True) for _, duty_list, _ in entries]
    items = [duty_list.items for _, duty_list, _ in entries]
    duties, assignments = cluster(
        [
            [(item.name, duty_key(item.name, p)) for item in own]
            for own, p in zip(items, places, strict=True)
        ]
    )
    holdings: list[list[Holding]] = [[] for _ in duties]
    for office, (own, chosen) in enumerate(zip(items, assignments, strict=True)):
        for item, index in zip(own, chosen, strict=True):
            holdings[index].append(
                Holding(
                    office=office,
                    part=item.kind,
                    name=item.name,
                    number=item.number,
                    departments=_departments(item, department_places[office]),
                )
            )
    has_template = template is not None
    differences: list[Difference] = []
    for duty, held in zip(duties, holdings, strict=True):
        differences.extend(_differences(duty, held, len(offices), has_template))
    order = {duty.id: index for index, duty in enumerate(duties)}
    differences.sort(key=lambda d: (d.office, _KINDS.index(d.kind), order[d.duty.id]))
    return Comparison(
        offices=offices,
        duties=tuple(duties),
        holdings=tuple(tuple(h) for h in holdings),
        differences=tuple(differences),
    )


_KINDS = ("missing", "only-here", "other-part", "other-departments")


def _usual(values: Sequence[Hashable]) -> Hashable | None:
    """Return the value most offices have, when one value has more than any other."""
    ranked = Counter(values).most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _missing(held: Sequence[Holding], count: int, has_template: bool) -> list[int]:
    first = 1 if has_template else 0
    holders = {h.office for h in held if h.office >= first}
    if has_template:
        expected = any(h.office == 0 for h in held)
    else:
        others = count - first - 1
        expected = False
    missing = []
    for office in range(first, count):
        if office in holders:
            continue
        if expected or (not has_template and len(holders) * 2 > others):
            missing.append(office)
    return missing


def _differences(
    duty: Duty, held: Sequence[Holding], count: int, has_template: bool
) -> list[Difference]:
    found = [
        Difference(kind="missing", duty=duty, office=office)
        for office in _missing(held, count, has_template)
    ]
    reference = held[0] if has_template and held and held[0].office == 0 else None
    offices = [h for h in held if h is not reference]
    if reference is None and len(offices) == 1 and count - (1 if has_template else 0) > 1:
        found.append(Difference(kind="only-here", duty=duty, office=offices[0].office))
    usual = reference.part if reference else _usual([h.part for h in offices])
    if isinstance(usual, PartKind) and len(held) > 1:
        found.extend(
            Difference(
                kind="other-part",
                duty=duty,
                office=h.office,
                found=h.part.value,
                expected=usual.value,
            )
            for h in offices
            if h.part is not usual
        )
    for part in (PartKind.COOPERATIVE, PartKind.RECALLED):
        same = [h for h in offices if h.part is part]
        if reference is not None and reference.part is part:
            departments: Hashable | None = reference.departments
        else:
            departments = _usual([h.departments for h in same]) if len(same) > 1 else None
        if not isinstance(departments, frozenset):
            continue
        found.extend(
            Difference(
                kind="other-departments",
                duty=duty,
                office=h.office,
                found="、".join(sorted(h.departments)),
                expected="、".join(sorted(departments)),
            )
            for h in same
            if h.departments != departments
        )
    return found


def _names_and_places(path: str, from_format: str | None) -> list[tuple[str, str]]:
    """Return ``(name, key)`` of every item of one file (a worker's share of duty_ids_of)."""
    from dutylist.corpus.batch import load_source  # noqa: PLC0415 - avoids a cycle

    try:
        duty_list = load_source(path, from_format)
    except DutylistError:
        return []
    places = _places(duty_list)
    return [(item.name, duty_key(item.name, places)) for item in duty_list.items]


def duty_ids_of(
    sources: Sequence[Source], from_format: str | None = None, *, jobs: int | None = None
) -> dict[str, str]:
    """Return item name → duty id over every readable source, clustered as :func:`compare_lists`.

    Only names cross from the workers, so the pass stays light; the same printed name
    always gets the duty of its first occurrence.
    """
    from functools import partial  # noqa: PLC0415

    from dutylist.corpus.batch import run_batch  # noqa: PLC0415 - avoids a cycle

    keyed = list(
        run_batch(
            sources, partial(_names_and_places, from_format=from_format), lambda _s: [], jobs=jobs
        )
    )
    duties, assignments = cluster(keyed)
    ids: dict[str, str] = {}
    for items, chosen in zip(keyed, assignments, strict=True):
        for (name, _key), index in zip(items, chosen, strict=True):
            ids.setdefault(name, duties[index].id)
    return ids
