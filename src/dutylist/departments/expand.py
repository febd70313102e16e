"""Expand department knowledge for one office: every spelling, and patterns for places.

For each body and each of its prefix rules the rule's templates are filled with the
office's context (``{level}{short}`` → 区住建局). Spellings are added in priority order,
the first claim winning: literal departments of registry files, the canonical names and
standard forms of every body, their aliases, and — when the context is known — the same
forms with another level's prefix (县住建局 in a district: *misplaced*). Templates naming
a place the context does not fix, or a place other than the office's own
(市公安局武侯区分局 in 南关区), become regular expressions tried on names no spelling
matches.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable, Iterator, Mapping

import attrs

from dutylist.departments.context import COUNTY_PREFIXES, OfficeContext
from dutylist.departments.knowledge import Body, Knowledge, PrefixRule
from dutylist.patterns import compile_on_use


class ResolutionKind(enum.Enum):
    """How a printed name was matched."""

    EXACT = "exact"
    """The canonical (full official) name."""
    ABBREVIATION = "abbreviation"
    """A standard written form (``区住建局``)."""
    ALIAS = "alias"
    """An accepted but non-standard spelling (``区住房和城乡建设局``, ``政府办``)."""
    MISPLACED = "misplaced"
    """A known department with another level's prefix or another place's name."""
    GENERIC = "generic"
    """A placeholder or functional reference (``相关部门``), not a department."""
    UNKNOWN = "unknown"
    """Not in the registry."""

    @property
    def standard(self) -> bool:
        """Return True for the canonical name and the standard forms."""
        return self in {ResolutionKind.EXACT, ResolutionKind.ABBREVIATION}


@attrs.frozen(kw_only=True)
class Spelling:
    """What one spelling means in this office's context."""

    canonical: str
    kind: ResolutionKind
    level: str | None = None
    place: str | None = None
    expected: str | None = None
    found: str | None = None
    body: Body | None = None
    rule: str | None = None


Resolver = Callable[[re.Match[str]], Spelling | None]


@attrs.frozen(kw_only=True)
class Expansion:
    """The knowledge expanded for one office."""

    spellings: dict[str, Spelling]
    official: dict[str, str | None]
    """Canonical name → the official short form (None when the rule has none)."""
    levels: dict[str, str]
    """Canonical name → 市 (the city's) or the county's prefix."""
    patterns: tuple[tuple[re.Pattern[str], Resolver], ...]
    generic: frozenset[str]
    not_departments: frozenset[str]


_FIELD = compile_on_use(r"\{(\w+)\}")
_PLACE_PATTERNS = {
    "county": r"(?P<county>[\u4e00-\u9fff]{1,8}?(?:区|县|旗|市))",
    "county_short": r"(?P<county_short>[\u4e00-\u9fff]{2,6}?)",
    "city": r"(?P<city>[\u4e00-\u9fff]{1,8}?(?:市|州|盟|地区))",
    "city_short": r"(?P<city_short>[\u4e00-\u9fff]{2,6}?)",
}
_COUNTY_RULES = frozenset({"county", "unit", "party", "youth"})


def _values(context: OfficeContext, level: str | None) -> dict[str, str | None]:
    return {
        "level": level,
        "county": context.county,
        "county_short": context.county_short,
        "city": context.city,
        "city_short": context.city_short,
        "city_level": context.city_level,
        "province": context.province,
    }


def fill(template: str, values: Mapping[str, str | None]) -> str | None:
    """Return ``template`` with its ``{fields}`` filled, or None when one is unknown."""
    missing = False

    def value(match: re.Match[str]) -> str:
        nonlocal missing
        found = values.get(match.group(1))
        if found is None:
            missing = True
            return ""
        return found

    filled = _FIELD.sub(value, template)
    return None if missing else filled


def _fills(
    template: str, body: Body, values: Mapping[str, str | None], *, alias: bool
) -> Iterator[str]:
    if template in {"{name}", "{short}"} and not body.bare:
        return
    names = (body.name, *body.aliases) if alias else (body.name,)
    shorts = (*body.shorts, *body.aliases) if alias else body.shorts
    options = shorts if "{short}" in template else names if "{name}" in template else ("",)
    for option in dict.fromkeys(options):
        spelling = fill(template, {**values, "name": option, "short": option})
        if spelling is not None and len(spelling) >= 2:
            yield spelling


def _canonical(
    rule: PrefixRule, body: Body, values: Mapping[str, str | None], *, first: bool
) -> str:
    template = body.canonical if first and body.canonical else rule.canonical
    named = {**values, "name": body.name, "short": body.short or body.name}
    return fill(template, named) or spell(rule, body, values) or body.name


def spell(
    rule: PrefixRule, body: Body, context: OfficeContext | Mapping[str, str | None]
) -> str | None:
    """Return the official written form of ``body`` under ``rule`` (its first standard form)."""
    values = _values(context, context.level) if isinstance(context, OfficeContext) else context
    return next(_fills(rule.standard[0], body, values, alias=False), None)


def _entries(knowledge: Knowledge) -> list[tuple[Body, PrefixRule, bool]]:
    return [
        (body, knowledge.rules[rule], index == 0)
        for body in knowledge.bodies
        for index, rule in enumerate(body.rules)
    ]


def expand(knowledge: Knowledge, context: OfficeContext) -> Expansion:
    """Return every spelling of ``knowledge`` in ``context``, and the place patterns."""
    spellings: dict[str, Spelling] = {}
    official: dict[str, str | None] = {}
    levels: dict[str, str] = {}
    own_levels = (context.level,) if context.level else COUNTY_PREFIXES[:3]
    for literal in knowledge.literals:
        official[literal.canonical] = literal.abbreviation or literal.canonical
        if literal.level:
            levels[literal.canonical] = literal.level
        named = (
            (literal.canonical, ResolutionKind.EXACT),
            *((name, ResolutionKind.ABBREVIATION) for name in (literal.abbreviation,) if name),
        )
        for name, kind in named:
            spellings.setdefault(name, Spelling(canonical=literal.canonical, kind=kind))
    entries = _entries(knowledge)
    for alias in (False, True):
        if alias:  # a literal's aliases never demote a standard form of the vocabulary
            for literal in knowledge.literals:
                for name in literal.aliases:
                    spellings.setdefault(
                        name, Spelling(canonical=literal.canonical, kind=ResolutionKind.ALIAS)
                    )
        for body, rule, first in entries:
            for level in own_levels:
                values = _values(context, level)
                canonical = _canonical(rule, body, values, first=first)
                exact = Spelling(
                    canonical=canonical,
                    kind=ResolutionKind.EXACT,
                    level=level if level and canonical.startswith(level) else None,
                    place=context.county if rule.name not in {"city", "city_party"} else None,
                    body=body,
                    rule=rule.name,
                )
                if not alias:
                    spellings.setdefault(canonical, exact)
                    official.setdefault(
                        canonical, spell(rule, body, values) if rule.official else None
                    )
                    levels.setdefault(
                        canonical,
                        level or "区" if rule.name in _COUNTY_RULES else context.city_level,
                    )
                templates = (*rule.aliases, *body.literal) if alias else rule.standard
                kind = ResolutionKind.ALIAS if alias else ResolutionKind.ABBREVIATION
                for template in templates:
                    written = attrs.evolve(exact, level=level if "{level}" in template else None)
                    for spelling in _fills(template, body, values, alias=alias):
                        actual = ResolutionKind.EXACT if spelling == canonical else kind
                        spellings.setdefault(spelling, attrs.evolve(written, kind=actual))
    if context.level is not None:
        _misplaced_levels(spellings, entries, context)
    return Expansion(
        spellings=spellings,
        official=official,
        levels=levels,
        patterns=tuple(_patterns(knowledge, context)),
        generic=frozenset(_expand_terms(knowledge.generic, context, own_levels)),
        not_departments=frozenset(_expand_terms(knowledge.not_departments, context, own_levels)),
    )


def _expand_terms(
    terms: Iterable[str], context: OfficeContext, levels: Iterable[str]
) -> Iterator[str]:
    for term in terms:
        for level in levels:
            filled = fill(term, _values(context, level))
            if filled is not None:
                yield filled


def _misplaced_levels(
    spellings: dict[str, Spelling],
    entries: list[tuple[Body, PrefixRule, bool]],
    context: OfficeContext,
) -> None:
    own = _values(context, context.level)
    others = [level for level in COUNTY_PREFIXES[:3] if level != context.level]
    for body, rule, first in entries:
        canonical = _canonical(rule, body, own, first=first)
        for alias, templates in ((False, rule.standard), (True, rule.aliases)):
            for template in templates:
                if "{level}" not in template:
                    continue
                expected = next(_fills(template, body, own, alias=False), None)
                for level in others:
                    for spelling in _fills(template, body, _values(context, level), alias=alias):
                        spellings.setdefault(
                            spelling,
                            Spelling(
                                canonical=canonical,
                                kind=ResolutionKind.MISPLACED,
                                level=level,
                                expected=expected,
                                found=level,
                                body=body,
                                rule=rule.name,
                            ),
                        )


def _patterns(
    knowledge: Knowledge, context: OfficeContext
) -> Iterator[tuple[re.Pattern[str], Resolver]]:
    """Yield a pattern for each template that names a place not fixed by ``context``."""
    open_fields = {"county", "county_short"}
    if context.city is None:
        open_fields |= {"city", "city_short"}
    for rule in knowledge.rules.values():
        bodies = [body for body in knowledge.bodies if rule.name in body.rules]
        if not bodies:
            continue
        for alias, templates in ((False, rule.standard), (True, rule.aliases)):
            for template in templates:
                fields = set(_FIELD.findall(template))
                if not fields & open_fields or not fields & {"name", "short"}:
                    continue
                yield _pattern(
                    template, rule, bodies, context, alias=alias, open_fields=open_fields
                )


def _pattern(  # noqa: PLR0913 - everything one pattern depends on
    template: str,
    rule: PrefixRule,
    bodies: list[Body],
    context: OfficeContext,
    *,
    alias: bool,
    open_fields: set[str],
) -> tuple[re.Pattern[str], Resolver]:
    lookup: dict[str, Body] = {}
    for body in bodies:
        words = (*body.shorts, body.name, *(body.aliases if alias else ()))
        for word in words:
            lookup.setdefault(word, body)
    alternatives = "|".join(map(re.escape, sorted(lookup, key=len, reverse=True)))
    values = _values(context, context.level)
    pieces: list[str] = []
    position = 0
    for match in _FIELD.finditer(template):
        pieces.append(re.escape(template[position : match.start()]))
        field = match.group(1)
        if field in {"name", "short"}:
            pieces.append(f"(?P<body>{alternatives})")
        elif field in open_fields:
            pieces.append(_PLACE_PATTERNS[field])
        elif field == "level" and values["level"] is None:
            pieces.append("(?P<level>区|县|旗)")
        else:
            pieces.append(re.escape(values.get(field) or ""))
        position = match.end()
    pieces.append(re.escape(template[position:]))
    pattern = re.compile("".join(pieces))

    def resolve(match: re.Match[str]) -> Spelling | None:
        groups = {key: value for key, value in match.groupdict().items() if value}
        body = lookup[groups.pop("body")]
        level = groups.pop("level", None) or context.level
        place = groups.get("county") or groups.get("county_short")
        if place is not None and place in {context.county, context.county_short}:
            return None
        if place is not None and context.abbreviates_county(place):
            # 西乌旗应急管理局 in 西乌珠穆沁旗: this county's own department, its name cut short
            own = _canonical(rule, body, values, first=body.rules[0] == rule.name)
            return Spelling(
                canonical=own, kind=ResolutionKind.ALIAS, level=level, place=context.county,
                body=body, rule=rule.name,
            )  # fmt: skip
        found_values = {**_values(context, level), **groups}
        if "county_short" in groups and "county" not in groups:
            found_values["county"] = groups["county_short"]
        canonical = _canonical(rule, body, found_values, first=body.rules[0] == rule.name)
        if context.known and place is not None:
            return Spelling(
                canonical=canonical,
                kind=ResolutionKind.MISPLACED,
                level=level,
                place=place,
                expected=fill(template, {**values, "name": body.name, "short": match["body"]}),
                found=place,
                body=body,
                rule=rule.name,
            )
        kind = ResolutionKind.ALIAS if alias else ResolutionKind.ABBREVIATION
        return Spelling(
            canonical=canonical, kind=kind, level=level, place=place, body=body, rule=rule.name
        )

    return pattern, resolve
