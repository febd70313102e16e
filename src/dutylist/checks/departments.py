"""Department rules: misspelt and unknown names, aliases, generic terms, inconsistency.

Names in *naming positions* (a cooperative item's department cell, a block prefix such
as ``区财政局：``, a recalled item's 承接部门) are resolved through the list's registry
(:func:`dutylist.departments.registry.registry_for`: the national vocabulary expanded for
the office's own place). Running text (item names and clauses) is scanned for the same
spellings. The list is its own evidence: spellings are counted across it, and a name used
only once that is one or two edits from a name the list uses more often is a typo even
when the vocabulary knows neither. The prefix, place and rename rules are in
:mod:`dutylist.checks.geography`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from dutylist.checks.context import Context, Issue, Rule, item_label, where
from dutylist.checks.findings import FindingLocation, Severity
from dutylist.departments.occurrences import Occurrence, Position, occurrences
from dutylist.departments.registry import Resolution, ResolutionKind, Suggestion
from dutylist.messages import N_, _
from dutylist.model import DutyList


def department_occurrences(context: Context) -> list[Occurrence]:
    """Return every department occurrence of the list (computed once per run)."""
    return context.memo(
        "department-occurrences",
        lambda: list(occurrences(context.duty_list, context.registry)),
    )


def naming(context: Context) -> Iterator[Occurrence]:
    """Yield the occurrences in naming positions (cells, block prefixes, 承接部门)."""
    return (o for o in department_occurrences(context) if o.position.naming)


def location(occurrence: Occurrence) -> FindingLocation:
    """Return the finding location of an occurrence."""
    return where(
        occurrence.part,
        occurrence.category,
        occurrence.item,
        field=occurrence.field,
        clause=occurrence.index,
    )


def _short(name: str, limit: int = 24) -> str:
    return name if len(name) <= limit else name[:limit] + "…"


def place_of(occurrence: Occurrence) -> str:
    """Return ``cooperative 94 departments`` style text for where an occurrence is."""
    text = _("（正文）") if occurrence.position is Position.TEXT else ""
    return f"{item_label(occurrence.item)} {occurrence.field}{text}"


def _typo(context: Context, resolution: Resolution) -> Suggestion | None:
    """Return the name ``resolution`` is probably a typo of, or None.

    Known spellings, and spellings the list itself uses more often, are candidates.
    """

    def local_counts() -> Counter[str]:
        return Counter(o.resolution.cleaned for o in naming(context))

    counts: Counter[str] = context.memo("department-spelling-counts", local_counts)
    if resolution.kind is not ResolutionKind.UNKNOWN:
        return None
    own = counts[resolution.cleaned]
    local = [
        spelling
        for spelling, count in counts.items()
        if count > own or context.registry.knows(spelling)
    ]
    suggestions = context.registry.suggest(resolution.cleaned, local=local)
    if not suggestions:
        return None
    best = min(suggestions, key=lambda suggestion: suggestion.distance)
    limit = 1 if len(resolution.cleaned) <= 6 else 2
    return best if 0 < best.distance <= limit else None


def misspelt_department(_list: DutyList, context: Context) -> Iterator[Issue]:
    """Report an unknown department name one or two edits from a known or locally used one."""
    for occurrence in naming(context):
        resolution = occurrence.resolution
        best = _typo(context, resolution)
        if best is not None:
            yield Issue(
                message=_("{place}：“{name}”不是已知的部门名称，可能是“{best}”的笔误").format(
                    place=place_of(occurrence), name=resolution.cleaned, best=best.spelling
                ),
                location=location(occurrence),
                subject=resolution.cleaned,
                hint=_("写作 {best}").format(best=best.spelling)
                + (f"（{best.canonical}）" if best.canonical else ""),
            )


def unknown_department(_list: DutyList, context: Context) -> Iterator[Issue]:
    """Report a well-formed department name the vocabulary does not know (not an error)."""
    for occurrence in naming(context):
        resolution = occurrence.resolution
        if resolution.kind is ResolutionKind.UNKNOWN and _typo(context, resolution) is None:
            names = "、".join(suggestion.spelling for suggestion in resolution.suggestions)
            yield Issue(
                message=_("{place}：词汇表中没有“{name}”").format(
                    place=place_of(occurrence), name=_short(resolution.cleaned)
                ),
                location=location(occurrence),
                subject=resolution.cleaned,
                hint=(
                    _("最接近的已知名称：{names}；或将其加入部门名录（--departments）").format(
                        names=names
                    )
                    if names
                    else _("如确为部门，可将其加入部门名录（--departments）")
                ),
            )


def generic_department(_list: DutyList, context: Context) -> Iterator[Issue]:
    """Report a generic term (``相关部门``, ``行业监管部门``) where a department belongs."""
    for occurrence in naming(context):
        if occurrence.resolution.kind is ResolutionKind.GENERIC:
            yield Issue(
                message=_("{place}：“{name}”并未指明具体部门").format(
                    place=place_of(occurrence), name=_short(occurrence.resolution.cleaned)
                ),
                location=location(occurrence),
                subject=occurrence.resolution.cleaned,
                hint=_("写明负责的部门"),
            )


def _inconsistent(context: Context) -> dict[str, list[Occurrence]]:
    """Return canonical → naming occurrences, for departments named in several ways."""

    def compute() -> dict[str, list[Occurrence]]:
        by_canonical: dict[str, list[Occurrence]] = defaultdict(list)
        for occurrence in naming(context):
            resolution = occurrence.resolution
            if resolution.canonical is not None and resolution.kind is not ResolutionKind.MISPLACED:
                by_canonical[resolution.canonical].append(occurrence)
        return {
            canonical: found
            for canonical, found in by_canonical.items()
            if len({occurrence.resolution.cleaned for occurrence in found}) > 1
        }

    return context.memo("department-inconsistent", compute)


def spellings_text(found: list[Occurrence]) -> str:
    """Return ``spelling ×uses (places)`` for each spelling, most used first."""
    places: dict[str, list[str]] = defaultdict(list)
    uses: Counter[str] = Counter()
    for occurrence in found:
        spelling = occurrence.resolution.cleaned
        uses[spelling] += 1
        if place_of(occurrence) not in places[spelling]:
            places[spelling].append(place_of(occurrence))
    return "；".join(
        f"{spelling} ×{uses[spelling]}（{'，'.join(places[spelling])}）"
        for spelling in sorted(places, key=lambda spelling: -uses[spelling])
    )


def display(context: Context, canonical: str) -> str:
    """Return how to write ``canonical`` here: the list's usual standard form, else official."""

    def compute() -> dict[str, str]:
        counts: dict[str, Counter[str]] = defaultdict(Counter)
        for occurrence in department_occurrences(context):
            resolution = occurrence.resolution
            if resolution.canonical is not None and resolution.kind.standard:
                counts[resolution.canonical][resolution.cleaned] += 1
        return {key: value.most_common(1)[0][0] for key, value in counts.items()}

    usual = context.memo("department-usual-spelling", compute)
    return usual.get(canonical) or context.registry.standard(canonical)


def preferred(context: Context, canonical: str, counts: Counter[str]) -> str:
    """Return the spelling to suggest: the official short form, else the list's majority."""
    official = context.registry.official(canonical)
    if official is not None:
        return official
    return max(counts, key=lambda spelling: (counts[spelling], -len(spelling)))


def inconsistent_department_spelling(_list: DutyList, context: Context) -> Iterator[Issue]:
    """Report, once per department, a department named in several ways in one list.

    Naming positions (cells, block prefixes, 承接部门) decide; the finding lists every
    spelling with its count and places, running text included, points at the first
    place of the rarest spelling and suggests the official form where the vocabulary has
    one, else the list's majority.
    """
    for canonical, found in _inconsistent(context).items():
        counts = Counter(occurrence.resolution.cleaned for occurrence in found)
        suggested = preferred(context, canonical, counts)
        rarest = min(counts, key=lambda spelling: (counts[spelling], spelling == suggested))
        odd = next(o for o in found if o.resolution.cleaned == rarest)
        everywhere = [
            o for o in department_occurrences(context) if o.resolution.canonical == canonical
        ]
        official = context.registry.official(canonical) is not None
        yield Issue(
            message=_("{canonical} 在本清单中有 {n} 种写法：{spellings}").format(
                canonical=canonical, n=len(counts), spellings=spellings_text(everywhere)
            ),
            location=location(odd),
            subject=canonical,
            hint=(
                _("统一写作 {name}（规范简称）")
                if official
                else _("统一写作 {name}（本清单多数写法）")
            ).format(name=suggested),
        )


def department_alias(_list: DutyList, context: Context) -> Iterator[Issue]:
    """Report a valid but non-standard department spelling in a naming position.

    Departments already reported by ``inconsistent-department-spelling`` are skipped.
    """
    reported = _inconsistent(context)
    for occurrence in naming(context):
        resolution = occurrence.resolution
        if resolution.kind is not ResolutionKind.ALIAS or resolution.canonical is None:
            continue
        if resolution.canonical in reported:
            continue
        standard = display(context, resolution.canonical)
        yield Issue(
            message=_("{place}：“{name}”是 {canonical} 的非规范写法").format(
                place=place_of(occurrence), name=resolution.cleaned, canonical=resolution.canonical
            ),
            location=location(occurrence),
            subject=resolution.cleaned,
            hint=_("写作 {name}").format(name=standard),
        )


def department_mention_variant(_list: DutyList, context: Context) -> Iterator[Issue]:
    """Report, once per department, running text naming it in a non-standard way."""
    by_canonical: dict[str, list[Occurrence]] = defaultdict(list)
    for occurrence in department_occurrences(context):
        resolution = occurrence.resolution
        if (
            occurrence.position is Position.TEXT
            and resolution.canonical is not None
            and resolution.kind is ResolutionKind.ALIAS
        ):
            by_canonical[resolution.canonical].append(occurrence)
    for canonical, found in by_canonical.items():
        standard = display(context, canonical)
        yield Issue(
            message=_("正文将 {standard} 写作 {spellings}").format(
                standard=standard, spellings=spellings_text(found)
            ),
            location=location(found[0]),
            subject=canonical,
            hint=_("写作 {name}").format(name=standard),
        )


RULES = (
    Rule(
        code="misspelt-department",
        severity=Severity.ERROR,
        summary=N_("部门名称写错：与已知或本清单常用的名称只差一两个字"),
        check=misspelt_department,
    ),
    Rule(
        code="unknown-department",
        severity=Severity.INFO,
        summary=N_("词汇表中没有的部门名称（写法规范）"),
        check=unknown_department,
    ),
    Rule(
        code="inconsistent-department-spelling",
        severity=Severity.WARNING,
        summary=N_("同一部门在清单中有多种写法（只报告一次）"),
        check=inconsistent_department_spelling,
    ),
    Rule(
        code="department-alias",
        severity=Severity.INFO,
        summary=N_("部门名称用了有效但不规范的写法"),
        check=department_alias,
    ),
    Rule(
        code="department-mention-variant",
        severity=Severity.INFO,
        summary=N_("正文以不规范的写法提到部门（只报告一次）"),
        check=department_mention_variant,
    ),
    Rule(
        code="generic-department",
        severity=Severity.INFO,
        summary=N_("应写具体部门处用了泛称（相关部门）"),
        check=generic_department,
    ),
)
