"""Department knowledge: the national vocabulary, the prefix rules, and registry files.

The packaged file ``dutylist/data/departments.toml`` holds department *bodies*
(住房和城乡建设局 = 住建局), the *rules* that put a place in front of them (区住建局 in a
district, 市公安局武侯区分局 for a city bureau's branch), generic terms and renames.
Registry files (``--departments FILE``, ``departments = [...]`` in the configuration) add
to it (``mode = "extend"``, the default) or replace its vocabulary (``mode = "replace"``),
with bodies in the same form or literal ``[[department]]`` entries written for one office
(what ``dutylist departments --init`` produces). The format is in docs/departments.md.
"""

from __future__ import annotations

import enum
import functools
import os
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

import attrs

from dutylist.errors import FormatError
from dutylist.io.files import parse_toml as io_parse_toml
from dutylist.io.files import read_toml
from dutylist.location import Location
from dutylist.messages import _
from dutylist.packaged import packaged_text

PACKAGED = "dutylist/data/departments.toml"
"""The name the packaged knowledge is reported under."""

T = TypeVar("T")


class Mode(enum.Enum):
    """How a registry file combines with the packaged knowledge."""

    EXTEND = "extend"
    """Add to the national vocabulary (the default)."""
    REPLACE = "replace"
    """Use only the files' vocabulary (the prefix rules stay unless a file redefines them)."""


@attrs.frozen(kw_only=True)
class PrefixRule:
    """How a body is written in an office's context: a set of name templates."""

    name: str
    """The rule's key: ``county``, ``party``, ``branch`` …"""
    canonical: str
    """Template of the full official name: ``{county}{name}``."""
    standard: tuple[str, ...]
    """Templates of the standard written forms; the first is the official short form."""
    aliases: tuple[str, ...] = ()
    """Templates of accepted, non-standard forms."""
    official: bool = True
    """False when no form is official (the list's majority is suggested instead)."""


@attrs.frozen(kw_only=True)
class Body:
    """One department of the national vocabulary, without its place: 住房和城乡建设局."""

    name: str
    """The full name without the place."""
    short: str | None = None
    """The official short form (住建局)."""
    also: tuple[str, ...] = ()
    """Other standard short forms."""
    aliases: tuple[str, ...] = ()
    """Other accepted names, full or short."""
    rules: tuple[str, ...] = ("county", "city")
    """The prefix rules it takes."""
    literal: tuple[str, ...] = ()
    """Extra alias spellings (templates)."""
    bare: bool = True
    """False when the name alone (人民政府, 办公室) is too common a word to be a mention."""
    canonical: str | None = None
    """A template replacing the rule's canonical name (for the first rule)."""
    renamed_to: str | None = None
    """The current body's name, when this one was renamed."""
    since: int | None = None
    """The year of the rename."""

    @property
    def shorts(self) -> tuple[str, ...]:
        """Return the standard short forms: the official one (or the name), then ``also``."""
        return (self.short or self.name, *self.also)


@attrs.frozen(kw_only=True)
class Literal:
    """A department written out for one office (a registry file's ``[[department]]``)."""

    canonical: str
    """The full official name."""
    abbreviation: str | None = None
    """The standard spelling."""
    level: str | None = None
    """市 or the county's prefix, shown in the department view."""
    aliases: tuple[str, ...] = ()
    """Accepted, non-standard spellings."""


@attrs.frozen(kw_only=True, eq=False)
class Knowledge:
    """Everything known about departments, before it is expanded for one office.

    Compared by identity: the packaged knowledge is read once and shared.
    """

    bodies: tuple[Body, ...] = ()
    """The vocabulary: departments without their place."""
    rules: Mapping[str, PrefixRule] = attrs.field(factory=dict)
    """The prefix rules by name."""
    literals: tuple[Literal, ...] = ()
    """Departments written out for one place (registry files' ``[[department]]``)."""
    generic: tuple[str, ...] = ()
    """Terms that name no particular department (templates)."""
    not_departments: tuple[str, ...] = ()
    """Text that contains a department's spelling but is no department (templates)."""
    sources: tuple[str, ...] = ()
    """The files it was read from."""


@functools.cache
def packaged_knowledge() -> Knowledge:
    """Return the packaged national vocabulary and prefix rules (read once)."""
    text = packaged_text("data/departments.toml")
    return combine([(parse_toml(text, PACKAGED), PACKAGED)])


def load_knowledge(
    paths: Iterable[str | os.PathLike[str]] = (), mode: Mode | None = None
) -> Knowledge:
    """Return the packaged knowledge combined with the registry files in ``paths``.

    Args:
        paths: registry files (TOML).
        mode: ``replace`` drops the packaged vocabulary; by default a file's own ``mode``
            decides, and ``extend`` applies when none says.

    Raises:
        ReadError: a file cannot be read.
        FormatError: a file is not a valid registry; the message names the key.
    """
    files: list[tuple[Mapping[str, Any], str]] = []
    for path in paths:
        name = os.fspath(path)
        files.append((read_toml(path, _("部门名录")), name))
    if not files and mode is not Mode.REPLACE:
        return packaged_knowledge()
    modes = {_mode(data, name) for data, name in files}
    replace = mode is Mode.REPLACE or (mode is None and Mode.REPLACE in modes)
    packaged = packaged_knowledge()
    if replace:
        return combine(files, start=Knowledge(rules=packaged.rules))
    return combine(files, start=packaged)


def parse_toml(text: str, name: str) -> Mapping[str, Any]:
    """Return the TOML in ``text``, nesting and numbers bounded as in :mod:`dutylist.io.files`.

    Raises:
        FormatError: it is not valid TOML.
    """
    return io_parse_toml(text, name, _("部门名录"))


def _fail(message: str, name: str) -> FormatError:
    return FormatError(message, Location(file=name))


def _mode(data: Mapping[str, Any], name: str) -> Mode:
    value = data.get("mode", "extend")
    try:
        return Mode(value)
    except ValueError:
        raise _fail(
            _('mode 须为 "extend" 或 "replace"，而不是 {value!r}').format(value=value), name
        ) from None


def _strings(value: object, where: str, name: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise _fail(_("{where} 须为字符串列表").format(where=where), name)
    return tuple(value)


def _string(table: Mapping[str, Any], key: str, where: str, name: str) -> str | None:
    value = table.get(key)
    if value is not None and not isinstance(value, str):
        raise _fail(_("{where}.{key} 须为字符串").format(where=where, key=key), name)
    return value or None


def _table_list(data: Mapping[str, Any], key: str, name: str) -> list[Mapping[str, Any]]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise _fail(_("[[{key}]] 须为表数组").format(key=key), name)
    return value


def _body(table: Mapping[str, Any], where: str, name: str) -> Body:
    body_name = _string(table, "name", where, name)
    if body_name is None:
        raise _fail(_("{where} 缺少字符串 name").format(where=where), name)
    since = table.get("since")
    if since is not None and (isinstance(since, bool) or not isinstance(since, int)):
        raise _fail(_("{where}.since 须为年份（整数）").format(where=where), name)
    rules = _strings(table.get("rules"), f"{where}.rules", name)
    return Body(
        name=body_name,
        short=_string(table, "short", where, name),
        also=_strings(table.get("also"), f"{where}.also", name),
        aliases=_strings(table.get("aliases"), f"{where}.aliases", name),
        rules=rules or ("county", "city"),
        literal=_strings(table.get("literal"), f"{where}.literal", name),
        canonical=_string(table, "canonical", where, name),
        renamed_to=_string(table, "renamed_to", where, name),
        since=since,
        bare=table.get("bare", True) is not False,
    )


def _literal(table: Mapping[str, Any], where: str, name: str) -> Literal:
    canonical = _string(table, "canonical", where, name)
    if canonical is None:
        raise _fail(_("{where} 缺少字符串 canonical").format(where=where), name)
    return Literal(
        canonical=canonical,
        abbreviation=_string(table, "abbreviation", where, name),
        level=_string(table, "level", where, name),
        aliases=_strings(table.get("aliases"), f"{where}.aliases", name),
    )


def _rule(key: str, table: object, name: str) -> PrefixRule:
    where = f"rule.{key}"
    if not isinstance(table, dict):
        raise _fail(_("[{where}] 须为表").format(where=where), name)
    canonical = _string(table, "canonical", where, name)
    standard = _strings(table.get("standard"), f"{where}.standard", name)
    if canonical is None or not standard:
        raise _fail(_("[{where}] 须有 canonical 和 standard").format(where=where), name)
    official = table.get("official", True)
    if not isinstance(official, bool):
        raise _fail(_("{where}.official 须为 true 或 false").format(where=where), name)
    return PrefixRule(
        name=key,
        canonical=canonical,
        standard=standard,
        aliases=_strings(table.get("aliases"), f"{where}.aliases", name),
        official=official,
    )


def _union(first: tuple[str, ...], then: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(first + then))


def _body_again(old: Body, body: Body) -> Body:
    """Return ``old`` with what ``body``, the same body named again, adds to it."""
    return attrs.evolve(
        old,
        short=body.short or old.short,
        also=_union(old.also, body.also),
        aliases=_union(old.aliases, body.aliases),
        literal=_union(old.literal, body.literal),
    )


def _literal_again(old: Literal, literal: Literal) -> Literal:
    """Return ``literal`` with what ``old``, the same department written earlier, gives it."""
    return attrs.evolve(
        literal,
        abbreviation=literal.abbreviation or old.abbreviation,
        level=literal.level or old.level,
        aliases=_union(old.aliases, literal.aliases),
    )


def _add(records: dict[str, T], key: str, record: T, again: Callable[[T, T], T]) -> None:
    """Add ``record`` under ``key``; a key named again combines the two (``again``)."""
    old = records.get(key)
    records[key] = record if old is None else again(old, record)


def combine(
    sources: list[tuple[Mapping[str, Any], str]], *, start: Knowledge | None = None
) -> Knowledge:
    """Return ``start`` (empty by default) extended by each parsed file in ``sources``.

    A body or department named again adds its aliases to the earlier one.

    Raises:
        FormatError: a file is not a valid registry.
    """
    start = start or Knowledge()
    bodies = {body.name: body for body in start.bodies}
    literals = {literal.canonical: literal for literal in start.literals}
    rules = dict(start.rules)
    generic, not_departments = list(start.generic), list(start.not_departments)
    for data, name in sources:
        unknown = sorted(set(data) - _KEYS)
        if unknown:
            raise _fail(_("部门名录中有未知的键 {key!r}").format(key=unknown[0]), name)
        _mode(data, name)
        generic += _strings(data.get("generic"), "generic", name)
        not_departments += _strings(data.get("not_departments"), "not_departments", name)
        old_rules = data.get("rules", {})  # the 0.x format's [rules] table
        if not isinstance(old_rules, dict):
            raise _fail(_("[rules] 须为表"), name)
        not_departments += _strings(old_rules.get("not_departments"), "not_departments", name)
        rule_tables = data.get("rule", {})
        if not isinstance(rule_tables, dict):
            raise _fail(_("[rule] 须为表"), name)
        for key, table in rule_tables.items():
            rules[key] = _rule(key, table, name)
        for index, table in enumerate(_table_list(data, "body", name)):
            body = _body(table, f"body[{index}]", name)
            _add(bodies, body.name, body, _body_again)
        for index, table in enumerate(_table_list(data, "department", name)):
            literal = _literal(table, f"department[{index}]", name)
            _add(literals, literal.canonical, literal, _literal_again)
    for body in bodies.values():
        for rule in body.rules:
            if rule not in rules:
                raise _fail(
                    _("部门 {body} 使用了未定义的规则 {rule!r}").format(body=body.name, rule=rule),
                    sources[-1][1] if sources else PACKAGED,
                )
    return Knowledge(
        bodies=tuple(bodies.values()),
        rules=rules,
        literals=tuple(literals.values()),
        generic=tuple(dict.fromkeys(generic)),
        not_departments=tuple(dict.fromkeys(not_departments)),
        sources=(*start.sources, *(name for _, name in sources)),
    )


_KEYS = {"mode", "generic", "not_departments", "rule", "rules", "body", "department"}
