"""What every rule gets: the list, the configuration, the registry, shared results.

A rule is a plain function ``(duty_list, context) -> Iterator[Issue]``. The runner in
:mod:`dutylist.checks` turns each :class:`Issue` into a :class:`~dutylist.checks.findings.Finding`
with the rule's code and (configured) severity, so a rule never repeats its own code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from dutylist.checks.findings import FindingLocation, Severity
from dutylist.departments.registry import Registry, registry_for
from dutylist.model import Category, DutyList, Item, Part
from dutylist.wording import field_name, numbered_item, part_name

if TYPE_CHECKING:
    from dutylist.config import Config

if TYPE_CHECKING:
    from dutylist.config import Config

T = TypeVar("T")

__all__ = [
    "Check",
    "Context",
    "Issue",
    "Rule",
    "field_name",
    "item_label",
    "part_name",
    "where",
]


@attrs.frozen(kw_only=True)
class Issue:
    """A finding before the runner gives it a code and a severity."""

    message: str
    location: FindingLocation
    hint: str | None = None
    subject: str | None = None


Check = Callable[[DutyList, "Context"], Iterator[Issue]]
"""The signature of a rule's function."""


@attrs.frozen(kw_only=True)
class Rule:
    """A consistency rule: a stable code, a default severity, a summary and a function."""

    code: str
    """Stable kebab-case code, documented in ``docs/checks.md``."""
    severity: Severity
    """Default severity; configuration may change it."""
    summary: str
    """One line saying what the rule reports: Chinese source text, shown through ``_()``."""
    check: Check = attrs.field(eq=False, repr=False)
    """The function that finds the issues."""


class Context:
    """Shared state for one check run: configuration, registry and cached results."""

    def __init__(
        self, duty_list: DutyList, config: Config, registry: Registry | None = None
    ) -> None:
        """Create the context of checking ``duty_list`` with ``config``."""
        self.duty_list = duty_list
        self.config = config
        self._registry = registry
        self._cache: dict[str, Any] = {}

    @property
    def registry(self) -> Registry:
        """Return the list's department registry (its place, the configured files), built lazily."""
        if self._registry is None:
            self._registry = registry_for(self.duty_list, self.config)
        return self._registry

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """Return ``compute()``, computed once per run under ``key``."""
        if key not in self._cache:
            self._cache[key] = compute()
        value: T = self._cache[key]
        return value


def where(
    part: Part | None = None,
    category: Category | None = None,
    item: Item | None = None,
    *,
    field: str | None = None,
    clause: int | None = None,
) -> FindingLocation:
    """Return a finding location built from model objects."""
    source = None
    for thing in (item, category, part):
        if thing is not None and thing.source is not None:
            source = thing.source
            break
    return FindingLocation(
        part=part.kind if part is not None else None,
        category=category.ordinal if category is not None else None,
        category_title=category.title if category is not None else None,
        item=item.number if item is not None else None,
        item_name=item.name if item is not None else None,
        field=field,
        clause=clause,
        source=source,
    )


def item_label(item: Item) -> str:
    """Return ``配合事项第94项`` style text for an item (``cooperative 94`` in English)."""
    return numbered_item(item.kind, item.printed_number or "?")
