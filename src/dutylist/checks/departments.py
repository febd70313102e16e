"""Department rules: unknown and misspelt names, aliases, generic terms, inconsistency.

Names in *naming positions* (a cooperative item's department cell, a block prefix such
as ``区财政局：``, a recalled item's 承接部门) are resolved through the registry
(:mod:`dutylist.departments.registry`). Running text (item names and clauses) is scanned for
known spellings too, for the inconsistency rules.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from dutylist.checks.context import Context, Issue, Rule, item_label, where
from dutylist.checks.findings import FindingLocation, Severity
from dutylist.departments.registry import Occurrence, Position, ResolutionKind, occurrences
from dutylist.model import DutyList


def _occurrences(context: Context) -> list[Occurrence]:
    return context.memo(
        "department-occurrences",
        lambda: list(occurrences(context.duty_list, context.registry)),
    )


def _location(occurrence: Occurrence) -> FindingLocation:
    return where(
        occurrence.part,
        occurrence.category,
        occurrence.item,
        field=occurrence.field,
        clause=occurrence.index,
    )


def _short(name: str, limit: int = 24) -> str:
    return name if len(name) <= limit else name[:limit] + "…"


def _place(occurrence: Occurrence) -> str:
    text = " text" if occurrence.position is Position.TEXT else ""
    return f"{item_label(occurrence.item)} {occurrence.field}{text}"


def _naming(context: Context) -> Iterator[Occurrence]:
    return (occurrence for occurrence in _occurrences(context) if occurrence.position.naming)


def misspelt_department(_: DutyList, context: Context) -> Iterator[Issue]:
    """Report an unknown department name one or two edits from a known one."""
    for occurrence in _naming(context):
        resolution = occurrence.resolution
        if resolution.kind is ResolutionKind.UNKNOWN and resolution.probable_typo:
            best = min(resolution.suggestions, key=lambda suggestion: suggestion.distance)
            yield Issue(
                message=f"{_place(occurrence)}: {resolution.cleaned!r} is not a known "
                f"department; probably a typo of {best.spelling!r}",
                location=_location(occurrence),
                subject=resolution.cleaned,
                hint=f"write {best.spelling} ({best.canonical})",
            )


def unknown_department(_: DutyList, context: Context) -> Iterator[Issue]:
    """Report a department name the registry does not know (and that is no near typo)."""
    for occurrence in _naming(context):
        resolution = occurrence.resolution
        if resolution.kind is ResolutionKind.UNKNOWN and not resolution.probable_typo:
            names = "、".join(suggestion.spelling for suggestion in resolution.suggestions)
            yield Issue(
                message=f"{_place(occurrence)}: {_short(resolution.cleaned)!r} is not a known "
                "department",
                location=_location(occurrence),
                subject=resolution.cleaned,
                hint=(
                    f"closest known: {names}; or add it to a registry file (--departments)"
                    if names
                    else "add it to a registry file (--departments)"
                ),
            )


def generic_department(_: DutyList, context: Context) -> Iterator[Issue]:
    """Report a generic term (``相关部门``, ``行业监管部门``) where a department belongs."""
    for occurrence in _naming(context):
        if occurrence.resolution.kind is ResolutionKind.GENERIC:
            yield Issue(
                message=f"{_place(occurrence)}: {_short(occurrence.resolution.cleaned)!r} names no "
                "particular department",
                location=_location(occurrence),
                subject=occurrence.resolution.cleaned,
                hint="name the department(s) responsible",
            )


def _inconsistent(context: Context) -> dict[str, list[Occurrence]]:
    """Return canonical → naming occurrences, for departments named in several ways."""

    def compute() -> dict[str, list[Occurrence]]:
        by_canonical: dict[str, list[Occurrence]] = defaultdict(list)
        for occurrence in _naming(context):
            if occurrence.resolution.canonical is not None:
                by_canonical[occurrence.resolution.canonical].append(occurrence)
        return {
            canonical: found
            for canonical, found in by_canonical.items()
            if len({occurrence.resolution.cleaned for occurrence in found}) > 1
        }

    return context.memo("department-inconsistent", compute)


def _spellings_text(found: list[Occurrence]) -> str:
    """Return ``spelling ×uses (places)`` for each spelling, most used first."""
    places: dict[str, list[str]] = defaultdict(list)
    uses: dict[str, int] = defaultdict(int)
    for occurrence in found:
        spelling = occurrence.resolution.cleaned
        uses[spelling] += 1
        if _place(occurrence) not in places[spelling]:
            places[spelling].append(_place(occurrence))
    return "; ".join(
        f"{spelling} ×{uses[spelling]} ({', '.join(places[spelling])})"
        for spelling in sorted(places, key=lambda spelling: -uses[spelling])
    )


def inconsistent_department_spelling(_: DutyList, context: Context) -> Iterator[Issue]:
    """Report, once per department, a department named in several ways in one list.

    Naming positions (cells, block prefixes, 承接部门) decide; the finding lists every
    spelling with all its places, running text included, and points at the first place
    of the rarest spelling.
    """
    for canonical, found in _inconsistent(context).items():
        counts: dict[str, int] = defaultdict(int)
        for occurrence in found:
            counts[occurrence.resolution.cleaned] += 1
        standard = context.registry.standard(canonical)
        rarest = min(counts, key=lambda spelling: (counts[spelling], spelling == standard))
        odd = next(o for o in found if o.resolution.cleaned == rarest)
        everywhere = [o for o in _occurrences(context) if o.resolution.canonical == canonical]
        yield Issue(
            message=f"{canonical} is written {len(counts)} ways in department cells, prefixes "
            f"and 承接部门; all places: {_spellings_text(everywhere)}",
            location=_location(odd),
            subject=canonical,
            hint=f"write {standard} everywhere",
        )


def department_alias(_: DutyList, context: Context) -> Iterator[Issue]:
    """Report a valid but non-standard department spelling in a naming position.

    Departments already reported by ``inconsistent-department-spelling`` are skipped.
    """
    reported = _inconsistent(context)
    for occurrence in _naming(context):
        resolution = occurrence.resolution
        if resolution.kind not in {ResolutionKind.ALIAS, ResolutionKind.RULE}:
            continue
        if resolution.canonical is None or resolution.canonical in reported:
            continue
        standard = context.registry.standard(resolution.canonical)
        yield Issue(
            message=f"{_place(occurrence)}: {resolution.cleaned!r} is a non-standard "
            f"spelling of {resolution.canonical}",
            location=_location(occurrence),
            subject=resolution.cleaned,
            hint=f"write {standard}",
        )


def department_mention_variant(_: DutyList, context: Context) -> Iterator[Issue]:
    """Report, once per department, running text naming it in a non-standard way."""
    by_canonical: dict[str, list[Occurrence]] = defaultdict(list)
    for occurrence in _occurrences(context):
        resolution = occurrence.resolution
        if (
            occurrence.position is Position.TEXT
            and resolution.canonical is not None
            and resolution.kind in {ResolutionKind.ALIAS, ResolutionKind.RULE}
        ):
            by_canonical[resolution.canonical].append(occurrence)
    for canonical, found in by_canonical.items():
        standard = context.registry.standard(canonical)
        yield Issue(
            message=f"running text names {standard} as {_spellings_text(found)}",
            location=_location(found[0]),
            subject=canonical,
            hint=f"write {standard}",
        )


RULES = (
    Rule(
        code="misspelt-department",
        severity=Severity.ERROR,
        summary="A department name is one or two edits from a known name: a typo.",
        check=misspelt_department,
    ),
    Rule(
        code="unknown-department",
        severity=Severity.WARNING,
        summary="A department name is not in the registry.",
        check=unknown_department,
    ),
    Rule(
        code="inconsistent-department-spelling",
        severity=Severity.WARNING,
        summary="One department is named in several ways in the list (reported once).",
        check=inconsistent_department_spelling,
    ),
    Rule(
        code="department-alias",
        severity=Severity.INFO,
        summary="A department is named by a valid but non-standard spelling.",
        check=department_alias,
    ),
    Rule(
        code="department-mention-variant",
        severity=Severity.INFO,
        summary="Running text names a department in a non-standard way (reported once).",
        check=department_mention_variant,
    ),
    Rule(
        code="generic-department",
        severity=Severity.INFO,
        summary="A generic term (相关部门) stands where a department belongs.",
        check=generic_department,
    ),
)
