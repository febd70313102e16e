"""Every department name printed in a list, where it is, and what it resolves to.

Names in *naming positions* (a cooperative item's department cell, a block prefix such
as ``区财政局：``, a recalled item's 承接部门) and *mentions* in running text (item names,
clauses), each resolved through a :class:`~dutylist.departments.registry.Registry`;
:func:`normalise_departments` writes the canonical names into a copy of the list.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator

import attrs

from dutylist.departments.registry import Registry, Resolution, registry_for
from dutylist.fields import CLAUSE_FIELDS, department_field
from dutylist.model import (
    Category,
    Clause,
    CooperativeItem,
    Department,
    DutyList,
    Item,
    Part,
    RecalledItem,
)


class Position(enum.Enum):
    """Where in an item a department name occurs."""

    CELL = "cell"
    """A cooperative item's department cell (对应上级部门)."""
    PREFIX = "prefix"
    """A block prefix before duty clauses (``区财政局：``)."""
    RECEIVING = "receiving"
    """A recalled item's receiving department (承接部门)."""
    TEXT = "text"
    """Running text: an item name or a clause."""

    @property
    def naming(self) -> bool:
        """Return True for positions that name a department as such (not running text)."""
        return self is not Position.TEXT


@attrs.frozen(kw_only=True)
class Occurrence:
    """One department name printed somewhere in a list."""

    spelling: str
    """The name as printed (for cells: the parsed name)."""
    resolution: Resolution
    """What it resolves to."""
    position: Position
    """What kind of place it is in."""
    part: Part = attrs.field(eq=False)
    category: Category = attrs.field(eq=False)
    item: Item = attrs.field(eq=False)
    field: str
    """The model field: ``departments``, ``superior_duties`` …"""
    index: int | None = None
    """1-based position within the field (department or clause), when relevant."""
    lead: bool = False
    """True for a cell department marked ``牵头``."""


def clauses_of(item: Item) -> Iterator[tuple[str, int, Clause]]:
    """Yield ``(field, 1-based index, clause)`` for every clause of ``item``."""
    for field in CLAUSE_FIELDS.get(item.kind, ()):
        clauses: tuple[Clause, ...] = getattr(item, field)
        for index, clause in enumerate(clauses, start=1):
            yield field, index, clause


def occurrences(
    duty_list: DutyList, registry: Registry, *, text: bool = True
) -> Iterator[Occurrence]:
    """Yield every department name in ``duty_list``, in printed order.

    Args:
        duty_list: the list.
        registry: resolves each name.
        text: also scan running text (item names, clause texts) for known spellings.
    """
    for site in duty_list.iter_items():
        item = site[2]
        if text:
            for _, _, resolution in registry.mentions(item.name):
                yield _occurrence(site, resolution, Position.TEXT, "name")
        cell = department_field(item)
        if cell is not None:
            field, departments = cell
            position = Position.CELL if field == "departments" else Position.RECEIVING
            for index, department in enumerate(departments, start=1):
                resolution = registry.normalise(department.name)
                yield _occurrence(site, resolution, position, field, index, lead=department.lead)
        previous: tuple[str, str | None] | None = None
        for field, index, clause in clauses_of(item):
            if clause.department is not None and (field, clause.department) != previous:
                resolution = registry.normalise(clause.department)
                yield _occurrence(site, resolution, Position.PREFIX, field, index)
            previous = (field, clause.department)
            if text:
                for _, _, resolution in registry.mentions(clause.text):
                    yield _occurrence(site, resolution, Position.TEXT, field, index)


def _occurrence(  # noqa: PLR0913 - one value per Occurrence field
    site: tuple[Part, Category, Item],
    resolution: Resolution,
    position: Position,
    field: str,
    index: int | None = None,
    *,
    lead: bool = False,
) -> Occurrence:
    part, category, item = site
    return Occurrence(
        spelling=resolution.name,
        resolution=resolution,
        position=position,
        part=part,
        category=category,
        item=item,
        field=field,
        index=index,
        lead=lead,
    )


def normalise_departments(duty_list: DutyList, registry: Registry | None = None) -> DutyList:
    """Return a copy of ``duty_list`` with :attr:`Department.canonical` filled in.

    Names the registry cannot resolve (unknown or generic) keep ``canonical=None``. The
    default registry is the list's own (:func:`~dutylist.departments.registry.registry_for`):
    canonical names carry the list's own places.
    """
    registry = registry or registry_for(duty_list)

    def fill(departments: tuple[Department, ...]) -> tuple[Department, ...]:
        return tuple(
            attrs.evolve(department, canonical=registry.normalise(department.name).canonical)
            for department in departments
        )

    def item_copy(item: Item) -> Item:
        if isinstance(item, CooperativeItem):
            return attrs.evolve(item, departments=fill(item.departments))
        if isinstance(item, RecalledItem):
            return attrs.evolve(item, receiving_departments=fill(item.receiving_departments))
        return item

    parts = tuple(
        attrs.evolve(
            part,
            categories=tuple(
                attrs.evolve(category, items=tuple(item_copy(item) for item in category.items))
                for category in part.categories
            ),
        )
        for part in duty_list.parts
    )
    return attrs.evolve(duty_list, parts=parts)
