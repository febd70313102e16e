"""Department rules: unknown and misspelt names, aliases, generic terms, inconsistency.

Names in *naming positions* (a cooperative item's department cell, a block prefix such
as ``区财政局：``, a recalled item's 承接部门) are resolved through the registry
(:mod:`dutylist.departments.registry`). Running text (item names and clauses) is scanned for
known spellings too, for the inconsistency rules.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from dutylist.checks.context import Context, Issue, Rule, field_name, item_label, where
from dutylist.checks.findings import FindingLocation, Severity
from dutylist.departments.registry import Occurrence, Position, ResolutionKind, occurrences
from dutylist.messages import N_, _
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
    place = _("{item}{field}的正文") if occurrence.position is Position.TEXT else _("{item}{field}")
    return place.format(item=item_label(occurrence.item), field=field_name(occurrence.field))


def _naming(context: Context) -> Iterator[Occurrence]:
    return (occurrence for occurrence in _occurrences(context) if occurrence.position.naming)


def misspelt_department(_list: DutyList, context: Context) -> Iterator[Issue]:
    """Report an unknown department name one or two edits from a known one."""
    for occurrence in _naming(context):
        resolution = occurrence.resolution
        if resolution.kind is ResolutionKind.UNKNOWN and resolution.probable_typo:
            best = min(resolution.suggestions, key=lambda suggestion: suggestion.distance)
            yield Issue(
                message=_("{place}：“{name}”不是已知部门，可能是“{spelling}”的笔误").format(
                    place=_place(occurrence), name=resolution.cleaned, spelling=best.spelling
                ),
                location=_location(occurrence),
                subject=resolution.cleaned,
                hint=_("写作“{spelling}”（{canonical}）").format(
                    spelling=best.spelling, canonical=best.canonical
                ),
            )


def unknown_department(_list: DutyList, context: Context) -> Iterator[Issue]:
    """Report a department name the registry does not know (and that is no near typo)."""
    for occurrence in _naming(context):
        resolution = occurrence.resolution
        if resolution.kind is ResolutionKind.UNKNOWN and not resolution.probable_typo:
            names = _("、").join(suggestion.spelling for suggestion in resolution.suggestions)
            yield Issue(
                message=_("{place}：“{name}”不是已知部门").format(
                    place=_place(occurrence), name=_short(resolution.cleaned)
                ),
                location=_location(occurrence),
                subject=resolution.cleaned,
                hint=(
                    _("最接近的已知部门：{names}；或把它加入部门名录文件（--departments）").format(
                        names=names
                    )
                    if names
                    else _("把它加入部门名录文件（--departments）")
                ),
            )


def generic_department(_list: DutyList, context: Context) -> Iterator[Issue]:
    """Report a generic term (``相关部门``, ``行业监管部门``) where a department belongs."""
    for occurrence in _naming(context):
        if occurrence.resolution.kind is ResolutionKind.GENERIC:
            yield Issue(
                message=_("{place}：“{name}”没有指明具体部门").format(
                    place=_place(occurrence), name=_short(occurrence.resolution.cleaned)
                ),
                location=_location(occurrence),
                subject=occurrence.resolution.cleaned,
                hint=_("写明负责的具体部门"),
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
    return _("；").join(
        _("{spelling} ×{uses}（{places}）").format(
            spelling=spelling, uses=uses[spelling], places=_("、").join(places[spelling])
        )
        for spelling in sorted(places, key=lambda spelling: -uses[spelling])
    )


def inconsistent_department_spelling(_list: DutyList, context: Context) -> Iterator[Issue]:
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
            message=_(
                "{canonical}在部门栏、部门前缀和承接部门中有 {count} 种写法；所有出处：{places}"
            ).format(canonical=canonical, count=len(counts), places=_spellings_text(everywhere)),
            location=_location(odd),
            subject=canonical,
            hint=_("统一写作“{standard}”").format(standard=standard),
        )


def department_alias(_list: DutyList, context: Context) -> Iterator[Issue]:
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
            message=_("{place}：“{name}”是{canonical}的非标准写法").format(
                place=_place(occurrence), name=resolution.cleaned, canonical=resolution.canonical
            ),
            location=_location(occurrence),
            subject=resolution.cleaned,
            hint=_("写作“{standard}”").format(standard=standard),
        )


def department_mention_variant(_list: DutyList, context: Context) -> Iterator[Issue]:
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
            message=_("正文把{standard}写作 {spellings}").format(
                standard=standard, spellings=_spellings_text(found)
            ),
            location=_location(found[0]),
            subject=canonical,
            hint=_("写作“{standard}”").format(standard=standard),
        )


RULES = (
    Rule(
        code="misspelt-department",
        severity=Severity.ERROR,
        summary=N_("部门名称与某个已知名称只差一两个字：笔误。"),
        check=misspelt_department,
    ),
    Rule(
        code="unknown-department",
        severity=Severity.WARNING,
        summary=N_("部门名称不在部门名录中。"),
        check=unknown_department,
    ),
    Rule(
        code="inconsistent-department-spelling",
        severity=Severity.WARNING,
        summary=N_("同一部门在清单中有多种写法（只报告一次）。"),
        check=inconsistent_department_spelling,
    ),
    Rule(
        code="department-alias",
        severity=Severity.INFO,
        summary=N_("部门使用了有效但不规范的写法。"),
        check=department_alias,
    ),
    Rule(
        code="department-mention-variant",
        severity=Severity.INFO,
        summary=N_("正文以不规范的写法提到部门（只报告一次）。"),
        check=department_mention_variant,
    ),
    Rule(
        code="generic-department",
        severity=Severity.INFO,
        summary=N_("应写具体部门的地方用了泛称（相关部门）。"),
        check=generic_department,
    ),
)
