"""The department registry and the normaliser of department names.

The registry (``dutylist/data/departments.toml``, plus any user files) lists each
department's canonical name, its usual abbreviation and its aliases, a list of generic
terms (``相关部门``) and spelling rules (strip ``牵头``; ``市``/``长春市`` prefixes;
``监管`` ↔ ``监督管理``). :meth:`Registry.normalise` turns a name as printed into a
:class:`Resolution`; unknown names get the closest known names as suggestions
(rapidfuzz, imported only when a name is unknown).
"""

from __future__ import annotations

import enum
import functools
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from importlib import resources
from typing import Any

import attrs

from dutylist.errors import FormatError
from dutylist.io.files import parse_toml, read_toml
from dutylist.location import Location
from dutylist.messages import _
from dutylist.model import (
    Category,
    Clause,
    CooperativeItem,
    Department,
    DutyList,
    Item,
    Part,
    PartKind,
    RecalledItem,
)


class ResolutionKind(enum.Enum):
    """How a printed name was matched to the registry."""

    EXACT = "exact"
    """The canonical (full official) name."""
    ABBREVIATION = "abbreviation"
    """The department's usual abbreviation (``区住建局``): standard."""
    ALIAS = "alias"
    """A listed alternative spelling (``政府办``): valid but not the standard form."""
    RULE = "rule"
    """Matched only after the spelling rules (``市市场监管局南关区分局``)."""
    GENERIC = "generic"
    """A placeholder or functional reference (``相关部门``), not a department."""
    UNKNOWN = "unknown"
    """Not in the registry."""

    @property
    def standard(self) -> bool:
        """Return True for the canonical name and the usual abbreviation."""
        return self in {ResolutionKind.EXACT, ResolutionKind.ABBREVIATION}


@attrs.frozen(kw_only=True)
class Suggestion:
    """A known spelling close to an unknown name."""

    spelling: str
    """The known spelling (abbreviation, alias or canonical name)."""
    canonical: str
    """The canonical name it belongs to."""
    score: float
    """rapidfuzz ``fuzz.ratio`` of the two strings, 0–100."""
    distance: int
    """Edit distance (optimal string alignment: a swap of two neighbours counts once)."""


@attrs.frozen(kw_only=True)
class Resolution:
    """The result of normalising one department name."""

    name: str
    """The name as given."""
    cleaned: str
    """The name without spaces and ``牵头``: the spelling that is compared."""
    canonical: str | None
    """The canonical name, or None for generic and unknown names."""
    kind: ResolutionKind
    """How the name was matched."""
    suggestions: tuple[Suggestion, ...] = ()
    """For unknown names: the closest known names, best first."""

    @property
    def probable_typo(self) -> bool:
        """Return True when an unknown name is one or two edits from a known spelling.

        One edit for names up to six characters, two for longer ones.
        """
        if self.kind is not ResolutionKind.UNKNOWN or not self.suggestions:
            return False
        best = min(self.suggestions, key=lambda suggestion: suggestion.distance)
        return 0 < best.distance <= (1 if len(self.cleaned) <= 6 else 2)


@attrs.frozen(kw_only=True)
class Entry:
    """One department of the registry."""

    canonical: str
    """The full official name."""
    abbreviation: str | None = None
    """The usual short form, e.g. ``区住建局``."""
    level: str | None = None
    """``市``, ``区`` or ``街``."""
    aliases: tuple[str, ...] = ()
    """Other valid spellings."""

    @property
    def standard(self) -> str:
        """Return the standard spelling: the abbreviation, else the canonical name."""
        return self.abbreviation or self.canonical


@attrs.frozen(kw_only=True)
class Rules:
    """General spelling rules applied before and during matching."""

    strip_chars: tuple[str, ...] = (" ", "\u3000", "\u00a0", "\t")
    separators: tuple[str, ...] = ("、", "，", ",")
    strip_suffixes: tuple[str, ...] = ("牵头",)
    prefix_variants: tuple[tuple[str, str], ...] = ()
    """Pairs (short, long): a name starting with ``long`` may be written with ``short``."""
    replacements: tuple[tuple[str, str], ...] = ()
    """Pairs (from, to) applied to both sides before comparing."""
    not_departments: tuple[str, ...] = ()
    """Strings that contain a department spelling but are not one (``全国残联``)."""


class Registry:
    """A department registry: entries, generic terms and rules, with a normaliser."""

    def __init__(
        self,
        entries: Iterable[Entry],
        *,
        generic: Iterable[str] = (),
        rules: Rules | None = None,
    ) -> None:
        """Create a registry from entries, generic terms and rules."""
        self.entries: tuple[Entry, ...] = tuple(entries)
        self.rules = rules or Rules()
        self.generic: frozenset[str] = frozenset(self._clean(term) for term in generic)
        self._by_canonical = {entry.canonical: entry for entry in self.entries}
        self._spellings: dict[str, tuple[str, ResolutionKind]] = {}
        for entry in self.entries:
            for alias in entry.aliases:
                self._spellings[self._clean(alias)] = (entry.canonical, ResolutionKind.ALIAS)
            if entry.abbreviation:
                self._spellings[self._clean(entry.abbreviation)] = (
                    entry.canonical,
                    ResolutionKind.ABBREVIATION,
                )
            self._spellings[self._clean(entry.canonical)] = (
                entry.canonical,
                ResolutionKind.EXACT,
            )
        self._by_key = {self.key(spelling): value[0] for spelling, value in self._spellings.items()}
        self._cache: dict[str, Resolution] = {}
        self._mention_pattern: re.Pattern[str] | None = None

    @classmethod
    def from_files(
        cls, paths: Iterable[str | os.PathLike[str]] = (), *, include_default: bool = True
    ) -> Registry:
        """Return the packaged registry merged with the registry files in ``paths``.

        Raises:
            ReadError: a file cannot be read.
            FormatError: a file is not a valid registry.
        """
        data: list[tuple[Mapping[str, Any], str]] = []
        if include_default:
            data.append((_packaged_data(), "dutylist/data/departments.toml"))
        for path in paths:
            name = os.fspath(path)
            data.append((read_toml(path, _("部门名录")), name))
        return _merge(data)

    def entry(self, canonical: str) -> Entry | None:
        """Return the entry with this canonical name, or None."""
        return self._by_canonical.get(canonical)

    def standard(self, canonical: str) -> str:
        """Return the standard spelling of a canonical department (its abbreviation)."""
        entry = self._by_canonical.get(canonical)
        return entry.standard if entry is not None else canonical

    @property
    def spellings(self) -> Mapping[str, tuple[str, ResolutionKind]]:
        """Return every known spelling with its canonical name and kind."""
        return self._spellings

    def _clean(self, name: str) -> str:
        cleaned = name
        for char in self.rules.strip_chars:
            cleaned = cleaned.replace(char, "")
        cleaned = re.sub(r"[（(]牵头[)）]$", "", cleaned)
        changed = True
        while changed:
            changed = False
            for suffix in self.rules.strip_suffixes:
                if suffix and cleaned.endswith(suffix) and len(cleaned) > len(suffix):
                    cleaned = cleaned.removesuffix(suffix)
                    changed = True
        return cleaned

    def key(self, name: str) -> str:
        """Return the comparison key of a cleaned name: rules applied, short prefixes."""
        key = name
        for old, new in self.rules.replacements:
            key = key.replace(old, new)
        for short, long in self.rules.prefix_variants:
            if key.startswith(long):
                key = short + key.removeprefix(long)
        return key

    def normalise(self, name: str) -> Resolution:
        """Return how ``name`` resolves: canonical name and kind, or suggestions."""
        cached = self._cache.get(name)
        if cached is not None:
            return cached
        cleaned = self._clean(name)
        resolution = self._resolve(name, cleaned)
        self._cache[name] = resolution
        return resolution

    def _resolve(self, name: str, cleaned: str) -> Resolution:
        found = self._spellings.get(cleaned)
        if found is not None:
            return Resolution(name=name, cleaned=cleaned, canonical=found[0], kind=found[1])
        canonical = self._by_key.get(self.key(cleaned))
        if canonical is not None:
            return Resolution(
                name=name, cleaned=cleaned, canonical=canonical, kind=ResolutionKind.RULE
            )
        if cleaned in self.generic or self.key(cleaned) in self.generic:
            return Resolution(
                name=name, cleaned=cleaned, canonical=None, kind=ResolutionKind.GENERIC
            )
        return Resolution(
            name=name,
            cleaned=cleaned,
            canonical=None,
            kind=ResolutionKind.UNKNOWN,
            suggestions=self.suggest(cleaned),
        )

    def suggest(self, name: str, limit: int = 3) -> tuple[Suggestion, ...]:
        """Return up to ``limit`` known departments closest to ``name``, best first.

        Candidates are every known spelling scored with rapidfuzz ``fuzz.ratio`` (cut
        off below 60), one suggestion per canonical department.
        """
        from rapidfuzz import fuzz, process  # noqa: PLC0415
        from rapidfuzz.distance import OSA  # noqa: PLC0415

        choices = list(self._spellings)
        matches = process.extract(name, choices, scorer=fuzz.ratio, limit=12, score_cutoff=60)
        suggestions: list[Suggestion] = []
        seen: set[str] = set()
        for spelling, score, _index in matches:
            canonical = self._spellings[spelling][0]
            if canonical in seen:
                continue
            seen.add(canonical)
            suggestions.append(
                Suggestion(
                    spelling=spelling,
                    canonical=canonical,
                    score=round(float(score), 1),
                    distance=int(OSA.distance(name, spelling)),
                )
            )
        suggestions.sort(key=lambda suggestion: (suggestion.distance, -suggestion.score))
        return tuple(suggestions[:limit])

    def mentions(self, text: str) -> Iterator[tuple[int, str, Resolution]]:
        """Yield ``(offset, spelling, resolution)`` for each department named in ``text``.

        Longest match first, no overlaps; strings listed in ``not_departments`` are
        skipped.
        """
        if self._mention_pattern is None:
            words = set(self._spellings) | set(self.rules.not_departments)
            alternatives = sorted((w for w in words if len(w) >= 2), key=len, reverse=True)
            self._mention_pattern = re.compile("|".join(map(re.escape, alternatives)))
        excluded = set(self.rules.not_departments)
        for match in self._mention_pattern.finditer(text):
            if match.group() not in excluded:
                yield match.start(), match.group(), self.normalise(match.group())


@functools.cache
def default_registry() -> Registry:
    """Return the packaged registry (built once)."""
    return Registry.from_files()


def _packaged_data() -> Mapping[str, Any]:
    text = resources.files("dutylist").joinpath("data/departments.toml").read_text("utf-8")
    return _parse_toml(text, "dutylist/data/departments.toml")


def _parse_toml(text: str, name: str) -> Mapping[str, Any]:
    return parse_toml(text, name, _("部门名录"))


def _strings(value: object, where: str, name: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise FormatError(f"{where} must be a list of strings", Location(file=name))
    return tuple(value)


def _pairs(value: object, where: str, name: str) -> tuple[tuple[str, str], ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(
        isinstance(pair, list) and len(pair) == 2 and all(isinstance(s, str) for s in pair)
        for pair in value
    ):
        raise FormatError(f"{where} must be a list of [string, string] pairs", Location(file=name))
    return tuple((pair[0], pair[1]) for pair in value)


def _entry(table: object, index: int, name: str) -> Entry:
    where = f"department[{index}]"
    if not isinstance(table, dict) or not isinstance(table.get("canonical"), str):
        raise FormatError(f"{where} needs a string 'canonical'", Location(file=name))
    for key in ("abbreviation", "level"):
        if table.get(key) is not None and not isinstance(table[key], str):
            raise FormatError(f"{where}.{key} must be a string", Location(file=name))
    return Entry(
        canonical=table["canonical"],
        abbreviation=table.get("abbreviation") or None,
        level=table.get("level") or None,
        aliases=_strings(table.get("aliases"), f"{where}.aliases", name),
    )


def _merge(sources: list[tuple[Mapping[str, Any], str]]) -> Registry:
    entries: dict[str, Entry] = {}
    generic: list[str] = []
    rules: dict[str, list[Any]] = {
        "strip_chars": [],
        "separators": [],
        "strip_suffixes": [],
        "prefix_variants": [],
        "replacements": [],
        "not_departments": [],
    }
    for data, name in sources:
        generic += _strings(data.get("generic"), "generic", name)
        table = data.get("rules", {})
        if not isinstance(table, dict):
            raise FormatError("[rules] must be a table", Location(file=name))
        for key in ("strip_chars", "separators", "strip_suffixes", "not_departments"):
            rules[key] += list(_strings(table.get(key), f"rules.{key}", name))
        for key in ("prefix_variants", "replacements"):
            rules[key] += list(_pairs(table.get(key), f"rules.{key}", name))
        departments = data.get("department", [])
        if not isinstance(departments, list):
            raise FormatError("[[department]] must be an array of tables", Location(file=name))
        for index, table_data in enumerate(departments):
            entry = _entry(table_data, index, name)
            old = entries.get(entry.canonical)
            if old is not None:
                entry = Entry(
                    canonical=entry.canonical,
                    abbreviation=entry.abbreviation or old.abbreviation,
                    level=entry.level or old.level,
                    aliases=tuple(dict.fromkeys(old.aliases + entry.aliases)),
                )
            entries[entry.canonical] = entry
    unique = {key: list(dict.fromkeys(values)) for key, values in rules.items()}
    return Registry(
        entries.values(),
        generic=generic,
        rules=Rules(
            strip_chars=tuple(unique["strip_chars"]) or Rules().strip_chars,
            separators=tuple(unique["separators"]) or Rules().separators,
            strip_suffixes=tuple(unique["strip_suffixes"]) or Rules().strip_suffixes,
            prefix_variants=tuple(unique["prefix_variants"]),
            replacements=tuple(unique["replacements"]),
            not_departments=tuple(unique["not_departments"]),
        ),
    )


# ---------------------------------------------------------------- occurrences in a list


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


_CLAUSE_FIELDS = {
    PartKind.COOPERATIVE: ("superior_duties", "local_duties"),
    PartKind.RECALLED: ("working_method",),
}


def clauses_of(item: Item) -> Iterator[tuple[str, int, Clause]]:
    """Yield ``(field, 1-based index, clause)`` for every clause of ``item``."""
    for field in _CLAUSE_FIELDS.get(item.kind, ()):
        clauses: tuple[Clause, ...] = getattr(item, field)
        for index, clause in enumerate(clauses, start=1):
            yield field, index, clause


def departments_of(item: Item) -> tuple[str, tuple[Department, ...]] | None:
    """Return ``(field, departments)`` of an item's department cell, or None (basic items)."""
    if isinstance(item, CooperativeItem):
        return "departments", item.departments
    if isinstance(item, RecalledItem):
        return "receiving_departments", item.receiving_departments
    return None


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
        cell = departments_of(item)
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

    Names the registry cannot resolve (unknown or generic) keep ``canonical=None``.
    """
    registry = registry or default_registry()

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
