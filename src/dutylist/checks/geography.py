"""Department rules that need the office's place: prefixes, places, renames.

The office's context (province, city, county and its kind, the office) comes from the
configuration's ``office`` or the list's title (:mod:`dutylist.departments.context`). A
name with another level's prefix (``县住建局`` in a district) or another place's name
(``市公安局武侯区分局`` in 南关区) is reported with the prefix or place expected and why.
When the context cannot be read, the rules say so once and fall back on the list's own
evidence: the county-level prefix most of its names use.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from dutylist.checks.context import Context, Issue, Rule
from dutylist.checks.departments import department_occurrences, location, naming, place_of
from dutylist.checks.findings import FindingLocation, Severity
from dutylist.departments.context import COUNTY_PREFIXES, short_name
from dutylist.departments.occurrences import Occurrence
from dutylist.departments.registry import ResolutionKind
from dutylist.messages import N_, _
from dutylist.model import DutyList


def _misplaced(context: Context, *, prefix: bool) -> dict[str, list[Occurrence]]:
    """Return spelling → occurrences of misplaced names: by prefix, or by place."""
    found: dict[str, list[Occurrence]] = defaultdict(list)
    for occurrence in department_occurrences(context):
        resolution = occurrence.resolution
        by_prefix = resolution.found in COUNTY_PREFIXES
        if resolution.kind is ResolutionKind.MISPLACED and by_prefix == prefix:
            found[resolution.cleaned].append(occurrence)
    return found


def office_context_unknown(duty_list: DutyList, context: Context) -> Iterator[Issue]:
    """Say once that the office's place is unknown, so prefixes and places go unchecked."""
    office = context.registry.context
    if office.known or next(naming(context), None) is None:
        return
    yield Issue(
        message=_(
            "未能从标题“{title}”读出本单位所属的区、县或旗：部门名称的前缀和地名只按清单自身的"
            "多数写法核对"
        ).format(title=duty_list.title or ""),
        location=FindingLocation(),
        subject=office.describe() or None,
        hint=_(
            '在配置中写明 office = "省市区县街道乡镇"，例如 office = "四川省成都市武侯区玉林街道"'
        ),
    )


def wrong_department_prefix(_list: DutyList, context: Context) -> Iterator[Issue]:
    """Report a name with another county level's prefix: 县住建局 in a district's list."""
    office = context.registry.context
    if office.known:
        for spelling, found in _misplaced(context, prefix=True).items():
            resolution = found[0].resolution
            yield Issue(
                message=_(
                    "“{name}”用了“{found}”前缀：本清单属于{county}（据{source}），"
                    "区县级部门的前缀应为“{level}”"
                ).format(
                    name=spelling,
                    found=resolution.found,
                    county=office.county,
                    source=_source(context),
                    level=office.level,
                ),
                location=location(found[0]),
                subject=spelling,
                hint=_("写作 {name}").format(name=resolution.expected or spelling),
            )
        return
    yield from _mixed_prefixes(context)


def _mixed_prefixes(context: Context) -> Iterator[Issue]:
    by_level: dict[str, list[Occurrence]] = defaultdict(list)
    for occurrence in naming(context):
        level = occurrence.resolution.level
        if level is not None and level != "市":
            by_level[level].append(occurrence)
    if len(by_level) < 2:
        return
    counts = Counter({level: len(found) for level, found in by_level.items()})
    majority, uses = counts.most_common(1)[0]
    for level, found in by_level.items():
        if level == majority:
            continue
        for spelling in dict.fromkeys(o.resolution.cleaned for o in found):
            first = next(o for o in found if o.resolution.cleaned == spelling)
            yield Issue(
                message=_(
                    "“{name}”用了“{level}”前缀，而本清单多数部门名称用“{majority}”（{uses} 处）；"
                    "标题未写明所属区县，按多数写法核对"
                ).format(name=spelling, level=level, majority=majority, uses=uses),
                location=location(first),
                subject=spelling,
                hint=_("写作 {name}").format(name=majority + spelling.removeprefix(level)),
            )


def wrong_department_place(_list: DutyList, context: Context) -> Iterator[Issue]:
    """Report a name naming another place: 市公安局武侯区分局 in 南关区's list.

    When every place-bearing name consistently names one other place, the list was
    probably copied from that place's list: one finding says so.
    """
    office = context.registry.context
    misplaced = _misplaced(context, prefix=False)
    if not misplaced or not office.known:
        return
    named = [found[0].resolution.found or "" for found in misplaced.values()]
    places = {short_name(place) for place in named}
    own = {office.county, office.county_short} - {None}
    own_uses = sum(
        1
        for o in naming(context)
        if o.resolution.kind is not ResolutionKind.MISPLACED
        and any(place in o.resolution.cleaned for place in own if place)
    )
    uses = sum(len(found) for found in misplaced.values())
    if len(places) == 1 and own_uses == 0 and uses >= 2:
        place = max(named, key=len)  # 武侯区 rather than 武侯
        first = min(
            (found[0] for found in misplaced.values()),
            key=lambda o: department_occurrences(context).index(o),
        )
        yield Issue(
            message=_(
                "本清单的 {uses} 处带地名的部门名称都写作{place}，而标题写明本单位属于{county}："
                "清单可能是从{place}的清单照搬的"
            ).format(uses=uses, place=place, county=office.county),
            location=location(first),
            subject=place,
            hint=_("把 {place} 改为 {county}（如 {expected}）").format(
                place=place, county=office.county, expected=first.resolution.expected
            ),
        )
        return
    for spelling, found in misplaced.items():
        resolution = found[0].resolution
        yield Issue(
            message=_("{where}：“{name}”写的是{place}，而本清单属于{county}（据{source}）").format(
                where=place_of(found[0]),
                name=spelling,
                place=resolution.found,
                county=office.county,
                source=_source(context),
            ),
            location=location(found[0]),
            subject=spelling,
            hint=_("写作 {name}").format(name=resolution.expected or spelling),
        )


def retired_department_name(_list: DutyList, context: Context) -> Iterator[Issue]:
    """Report, once per department, a name retired by a reform (区政数局 → 区数据局)."""
    by_canonical: dict[str, list[Occurrence]] = defaultdict(list)
    for occurrence in department_occurrences(context):
        resolution = occurrence.resolution
        if resolution.rename is not None and resolution.canonical is not None:
            by_canonical[resolution.canonical].append(occurrence)
    for found in by_canonical.values():
        resolution = found[0].resolution
        rename = resolution.rename
        if rename is None:  # pragma: no cover - filtered above
            continue
        current = resolution.current or rename.new
        yield Issue(
            message=_("“{name}”（{old}）{since}已改为{new}：现名 {current}").format(
                name=resolution.cleaned,
                old=rename.old,
                since=_("于 {year} 年").format(year=rename.since) if rename.since else "",
                new=rename.new,
                current=current,
            ),
            location=location(found[0]),
            subject=resolution.canonical,
            hint=_("如本地已改名，写作 {current}").format(current=current),
        )


def _source(context: Context) -> str:
    return _("配置") if context.config.office else _("标题")


RULES = (
    Rule(
        code="office-context-unknown",
        severity=Severity.INFO,
        summary=N_("无法读出本单位所属区县：部门前缀和地名按多数写法核对"),
        check=office_context_unknown,
    ),
    Rule(
        code="wrong-department-prefix",
        severity=Severity.WARNING,
        summary=N_("部门名称用了其他区县级别的前缀（区里写县住建局）"),
        check=wrong_department_prefix,
    ),
    Rule(
        code="wrong-department-place",
        severity=Severity.WARNING,
        summary=N_("部门名称写的是其他地方（其他区的分局）"),
        check=wrong_department_place,
    ),
    Rule(
        code="retired-department-name",
        severity=Severity.INFO,
        summary=N_("部门名称是改革中已停用的旧名（区政数局 → 区数据局）"),
        check=retired_department_name,
    ),
)
