"""The department registry: knowledge expanded for one office, and the normaliser.

A :class:`Registry` is the :mod:`~dutylist.departments.knowledge` (bodies and prefix
rules) expanded for an :class:`~dutylist.departments.context.OfficeContext`: in 南关区 the
body 住房和城乡建设局 under the ``county`` rule is written 区住建局 (standard),
区住房和城乡建设局 (alias) …, and 县住建局 or 市公安局武侯区分局 are *misplaced* (another
level's prefix, another place's name). :meth:`Registry.normalise` turns a printed name
into a :class:`Resolution`; unknown names get the closest known names as suggestions
(rapidfuzz, imported only when a name is unknown). :func:`registry_for` builds the
registry of a list from the configuration: the one way every command gets it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING

import attrs

from dutylist.departments.context import (
    COUNTY_PREFIXES,
    OfficeContext,
    context_of,
    parse_context,
)
from dutylist.departments.expand import ResolutionKind, Spelling, expand, spell
from dutylist.departments.knowledge import Knowledge, Mode, PrefixRule, load_knowledge
from dutylist.errors import UsageError
from dutylist.messages import _
from dutylist.patterns import compile_on_use

if TYPE_CHECKING:
    from dutylist.config import Config
    from dutylist.model import DutyList


@attrs.frozen(kw_only=True)
class Suggestion:
    """A known spelling close to an unknown name."""

    spelling: str
    canonical: str | None
    """The canonical name it belongs to (None for a spelling only the list uses)."""
    score: float
    """rapidfuzz ``fuzz.ratio`` of the two strings, 0–100."""
    distance: int
    """Edit distance (optimal string alignment: a swap of two neighbours counts once)."""


@attrs.frozen(kw_only=True)
class Rename:
    """A department renamed by a reform: 政务服务和数据管理局 → 数据局 (2024)."""

    old: str
    """The retired body's name."""
    new: str
    """The current body's name."""
    since: int | None = None
    """The year of the reform, when known."""


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
    suggestions: tuple[Suggestion, ...] = ()
    """For unknown names: the closest known names, best first."""
    expected: str | None = None
    """For misplaced names: the spelling this office's context expects."""
    found: str | None = None
    """For misplaced names: the prefix or place that does not fit."""
    level: str | None = None
    """The county-level prefix the spelling uses (区, 县, 市, 旗), if any."""
    place: str | None = None
    """The place named in the spelling (南关区, 南关), if any."""
    rename: Rename | None = None
    """Set when the name is a retired one."""
    current: str | None = None
    """For retired names: the current department's standard spelling here."""

    @property
    def probable_typo(self) -> bool:
        """Return True when an unknown name is one or two edits from a known spelling.

        One edit for names up to six characters, two for longer ones.
        """
        if self.kind is not ResolutionKind.UNKNOWN or not self.suggestions:
            return False
        best = min(self.suggestions, key=lambda suggestion: suggestion.distance)
        return 0 < best.distance <= (1 if len(self.cleaned) <= 6 else 2)


_STRIP = str.maketrans("", "", " \u3000\u00a0\t")
_LEAD = compile_on_use(r"(?:[（(]牵头[)）]|牵头)+$")
_NOTE = compile_on_use(r"^(?P<name>.{2,}?)[（(][^（）()]{1,24}[)）]$")
"""A name followed by a note in brackets: 县人社局（县医保局）, 旗林业和草原局（旗林草局）."""


def clean(name: str) -> str:
    """Return ``name`` without spaces and a trailing ``牵头``: the spelling compared."""
    cleaned = name.translate(_STRIP)
    stripped = _LEAD.sub("", cleaned)
    return stripped or cleaned


class Registry:
    """Department knowledge expanded for one office, with a normaliser."""

    def __init__(
        self, knowledge: Knowledge | None = None, context: OfficeContext | None = None
    ) -> None:
        """Expand ``knowledge`` (the packaged one by default) for ``context``."""
        self.knowledge = knowledge if knowledge is not None else load_knowledge()
        self.context = context or OfficeContext()
        expansion = expand(self.knowledge, self.context)
        self._spellings: dict[str, Spelling] = expansion.spellings
        self._official: dict[str, str | None] = expansion.official
        self._levels: dict[str, str] = expansion.levels
        self._patterns = expansion.patterns
        self.generic: frozenset[str] = expansion.generic
        self.not_departments: frozenset[str] = expansion.not_departments
        self._by_body = {body.name: body for body in self.knowledge.bodies}
        self._cache: dict[str, Resolution] = {}
        self._suggestions: dict[tuple[str, int, frozenset[str]], tuple[Suggestion, ...]] = {}
        self._mention_cache: dict[str, tuple[tuple[int, str, Resolution], ...]] = {}
        self._firsts: dict[str, tuple[int, ...]] = {}
        for spelling in (*self._spellings, *self.not_departments):
            if len(spelling) >= 2:
                lengths = set(self._firsts.get(spelling[0], ()))
                lengths.add(len(spelling))
                self._firsts[spelling[0]] = tuple(sorted(lengths, reverse=True))

    @classmethod
    def from_files(
        cls, paths: Iterable[object] = (), *, context: OfficeContext | None = None
    ) -> Registry:
        """Return the packaged knowledge plus the registry files in ``paths``, for ``context``.

        Raises:
            dutylist.errors.ReadError: a file cannot be read.
            dutylist.errors.FormatError: a file is not a valid registry.
        """
        return cls(load_knowledge([str(path) for path in paths]), context)

    @functools.cached_property
    def spellings(self) -> Mapping[str, tuple[str, ResolutionKind]]:
        """Return every known spelling with its canonical name and kind."""
        return {key: (value.canonical, value.kind) for key, value in self._spellings.items()}

    def clear_caches(self) -> None:
        """Forget the names and texts resolved so far (they are cached per registry)."""
        self._cache.clear()
        self._mention_cache.clear()
        self._suggestions.clear()

    def knows(self, spelling: str) -> bool:
        """Return True when ``spelling`` (cleaned) is a known spelling in this context."""
        return spelling in self._spellings

    def standard(self, canonical: str) -> str:
        """Return the standard spelling of a canonical department (the official short form)."""
        return self._official.get(canonical) or canonical

    def official(self, canonical: str) -> str | None:
        """Return the official short form of ``canonical``, None when there is none."""
        return self._official.get(canonical)

    def level_of(self, canonical: str) -> str | None:
        """Return the level of a department: 市 (the city's) or the county's prefix."""
        return self._levels.get(canonical)

    def canonical(self, name: str) -> str | None:
        """Return the canonical name of ``name``, or None when unknown or generic."""
        return self.normalise(name).canonical

    def normalise(self, name: str) -> Resolution:
        """Return how ``name`` resolves: canonical name and kind, or suggestions."""
        cached = self._cache.get(name)
        if cached is None:
            cached = self._resolve(name, clean(name))
            self._cache[name] = cached
        return cached

    def _resolve(self, name: str, cleaned: str) -> Resolution:
        found = self._spellings.get(cleaned)
        if found is None and cleaned in self.generic:
            return Resolution(
                name=name, cleaned=cleaned, canonical=None, kind=ResolutionKind.GENERIC
            )
        found = found or self._match_pattern(cleaned)
        if found is not None:
            return self._resolution(name, cleaned, found)
        note = _NOTE.match(cleaned)
        if note is not None:  # 县人社局（县医保局）: a known name with a note after it
            base = note.group("name")
            found = self._spellings.get(base) or self._match_pattern(base)
            if found is not None:
                return self._resolution(name, base, found)
        return Resolution(
            name=name,
            cleaned=cleaned,
            canonical=None,
            kind=ResolutionKind.UNKNOWN,
            suggestions=self.suggest(cleaned),
        )

    def _resolution(self, name: str, cleaned: str, found: Spelling) -> Resolution:
        rename, current = None, None
        body = found.body
        if body is not None and body.renamed_to is not None:
            rename = Rename(old=body.name, new=body.renamed_to, since=body.since)
            successor = self._by_body.get(body.renamed_to)
            if successor is not None and found.rule is not None:
                current = spell(self.knowledge.rules[found.rule], successor, self.context)
        return Resolution(
            name=name,
            cleaned=cleaned,
            canonical=found.canonical,
            kind=found.kind,
            expected=found.expected,
            found=found.found,
            level=found.level,
            place=found.place,
            rename=rename,
            current=current,
        )

    def _match_pattern(self, cleaned: str) -> Spelling | None:
        for pattern, resolve in self._patterns:
            match = pattern.fullmatch(cleaned)
            if match is not None:
                spelling = resolve(match)
                if spelling is not None:
                    return spelling
        return None

    def suggest(
        self, name: str, limit: int = 3, *, local: Iterable[str] = ()
    ) -> tuple[Suggestion, ...]:
        """Return up to ``limit`` known spellings closest to ``name``, best first.

        Candidates are the known standard and alias spellings and the ``local`` spellings
        (names the list itself uses), scored with rapidfuzz ``fuzz.ratio`` (cut off below
        60); nearest first, a spelling the list uses before one it does not, one
        suggestion per department.
        """
        used = frozenset(local)
        key = (name, limit, used)
        cached = self._suggestions.get(key)
        if cached is None:
            cached = self._suggest(name, limit, used)
            self._suggestions[key] = cached
        return cached

    def _suggest(self, name: str, limit: int, used: frozenset[str]) -> tuple[Suggestion, ...]:
        from rapidfuzz import fuzz, process  # noqa: PLC0415
        from rapidfuzz.distance import OSA  # noqa: PLC0415

        known = [
            spelling
            for spelling, value in self._spellings.items()
            if value.kind is not ResolutionKind.MISPLACED
        ]
        choices = known + [spelling for spelling in used if spelling not in self._spellings]
        matches = process.extract(name, choices, scorer=fuzz.ratio, limit=12, score_cutoff=60)
        candidates = []
        for spelling, score, _index in matches:
            found = self._spellings.get(spelling)
            candidates.append(
                Suggestion(
                    spelling=spelling,
                    canonical=found.canonical if found is not None else None,
                    score=round(float(score), 1),
                    distance=int(OSA.distance(name, spelling)),
                )
            )
        candidates.sort(key=lambda s: (s.distance, s.spelling not in used, -s.score))
        suggestions: list[Suggestion] = []
        seen: set[str] = set()
        for suggestion in candidates:
            key = suggestion.canonical or suggestion.spelling
            if key not in seen:
                seen.add(key)
                suggestions.append(suggestion)
        return tuple(suggestions[:limit])

    def mentions(self, text: str) -> Iterator[tuple[int, str, Resolution]]:
        """Yield ``(offset, spelling, resolution)`` for each department named in ``text``.

        Leftmost, longest match first, no overlaps; strings listed in ``not_departments``
        are skipped.
        """
        found = self._mention_cache.get(text)
        if found is None:
            found = tuple(self._scan(text))
            self._mention_cache[text] = found
        return iter(found)

    def _scan(self, text: str) -> Iterator[tuple[int, str, Resolution]]:
        firsts, spellings, excluded = self._firsts, self._spellings, self.not_departments
        position, end = 0, len(text)
        while position < end:
            lengths = firsts.get(text[position])
            if lengths is not None:
                for length in lengths:
                    candidate = text[position : position + length]
                    if candidate in spellings or candidate in excluded:
                        if candidate not in excluded:
                            yield position, candidate, self.normalise(candidate)
                        position += length - 1
                        break
            position += 1

    def rename_between(self, old: str, new: str) -> Rename | None:
        """Return the rename that turned department ``old`` into ``new``, or None.

        ``rename_between("区政数局", "区数据局")`` is the 2024 rename of 政务服务和数据管理局
        to 数据局; the diff calls this to tell a renamed department from a replaced one.
        """
        before, after = self.normalise(old), self.normalise(new)
        if before.rename is None or after.canonical is None:
            return None
        if after.canonical == self.canonical(before.current or ""):
            return before.rename
        return None

    @property
    def renames(self) -> tuple[Rename, ...]:
        """Return every rename the knowledge records."""
        return tuple(
            Rename(old=body.name, new=body.renamed_to, since=body.since)
            for body in self.knowledge.bodies
            if body.renamed_to is not None
        )


@functools.cache
def _cached(knowledge: Knowledge, context: OfficeContext) -> Registry:
    return Registry(knowledge, context)


def default_registry(context: OfficeContext | None = None) -> Registry:
    """Return the packaged knowledge expanded for ``context`` (built once per context)."""
    return _cached(load_knowledge(), context or OfficeContext())


def registry_for(duty_list: DutyList, config: Config | None = None) -> Registry:
    """Return the registry for ``duty_list``: its office's context, the configured files.

    The one way ``check``, ``diff`` and ``departments`` build a registry: the context comes
    from ``config.office`` or the list's title; ``config.registry_files`` extend or replace
    the packaged knowledge (``config.registry_mode`` or the files' own ``mode``).

    Raises:
        UsageError: the configured office names no place dutylist can read.
        dutylist.errors.DutylistError: a registry file cannot be read or is malformed.
    """
    office = config.office if config is not None else None
    if office and parse_context(office) is None:
        raise UsageError(
            _(
                "无法识别本单位“{office}”：请写明省、市、区县和街道乡镇，"
                "例如 四川省成都市武侯区玉林街道"
            ).format(office=office)
        )
    context = context_of(duty_list, office)
    if config is None or (not config.registry_files and config.registry_mode is None):
        return default_registry(context)
    mode = Mode(config.registry_mode) if config.registry_mode else None
    knowledge = load_knowledge(config.registry_files, mode)
    return Registry(knowledge, context)


COUNTY_LEVELS = COUNTY_PREFIXES
"""The county-level prefixes (区, 县, 旗, 市)."""

__all__ = [
    "COUNTY_LEVELS",
    "PrefixRule",
    "Registry",
    "Rename",
    "Resolution",
    "ResolutionKind",
    "Suggestion",
    "clean",
    "default_registry",
    "registry_for",
]
