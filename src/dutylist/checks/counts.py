"""Count rules: declared category counts and totals stated anywhere in the document."""

from __future__ import annotations

from collections.abc import Iterator

from dutylist.checks.context import Context, Issue, Rule, part_name, where
from dutylist.checks.findings import FindingLocation, Severity
from dutylist.messages import N_, _
from dutylist.model import DutyList, PartKind
from dutylist.numerals import to_ascii_digits
from dutylist.parse.vocabulary import squash
from dutylist.patterns import compile_on_use


def category_count_mismatch(duty_list: DutyList, _context: Context) -> Iterator[Issue]:
    """Report a category whose declared count (``（N项）``) differs from its items."""
    for part in duty_list.parts:
        for category in part.categories:
            declared = category.declared_count
            actual = len(category.items)
            if declared is not None and declared != actual:
                yield Issue(
                    message=_("类别“{heading}”标注{declared}项，实有{actual}项").format(
                        heading=category.heading.strip(), declared=declared, actual=actual
                    ),
                    location=where(part, category, field="heading"),
                    subject=category.title,
                    hint=_("把标题改为（{actual}项），或补上缺少的事项").format(actual=actual),
                )


def missing_declared_count(duty_list: DutyList, _context: Context) -> Iterator[Issue]:
    """Report a category without ``（N项）`` in a list whose other categories declare one."""
    categories = [(part, category) for part in duty_list.parts for category in part.categories]
    if not any(category.declared_count is not None for _part, category in categories):
        return
    for part, category in categories:
        if category.declared_count is None and category.heading.strip():
            yield Issue(
                message=_("类别“{heading}”未标注事项数").format(heading=category.heading.strip()),
                location=where(part, category, field="heading"),
                subject=category.title,
                hint=_("在标题后加上（{count}项）").format(count=len(category.items)),
            )


_PART_WORDS = (
    (PartKind.RECALLED, compile_on_use(r"收回(?:履职)?事项")),
    (PartKind.COOPERATIVE, compile_on_use(r"配合(?:履职)?事项")),
    (PartKind.BASIC, compile_on_use(r"基本(?:履职)?事项")),
)
_TOTAL = compile_on_use(
    r"(?P<total>共|合计|总计)?[（(]?(?:共|合计)?(?P<count>[0-9０-９]{1,4})(?:项|条)"
)


def _stated_totals(text: str) -> Iterator[tuple[PartKind | None, int]]:
    flat = squash(text)
    for match in _TOTAL.finditer(flat):
        before = flat[: match.start()]
        kind = next((kind for kind, pattern in _PART_WORDS if pattern.search(before[-24:])), None)
        if kind is None and match.group("total") is None:
            continue
        yield kind, int(to_ascii_digits(match.group("count")))


def stated_total_mismatch(duty_list: DutyList, _context: Context) -> Iterator[Issue]:
    """Report a total stated in the title, front matter or a part title that is wrong.

    ``基本履职事项清单（93项）`` is compared with the basic part; ``共293项`` without a
    part name with the whole list.
    """
    texts: list[tuple[str, FindingLocation]] = [
        (duty_list.title, FindingLocation(field="title")),
        *((line, FindingLocation(field="front_matter")) for line in duty_list.front_matter),
        *((part.title, where(part, field="title")) for part in duty_list.parts),
    ]
    for text, location in texts:
        for kind, stated in _stated_totals(text):
            part = duty_list.part(kind) if kind is not None else None
            if kind is not None and part is None:
                continue
            actual = len(part.items) if part is not None else len(duty_list.items)
            if stated != actual:
                what = part_name(kind) if kind is not None else _("清单")
                yield Issue(
                    message=_("“{text}”写明{stated}项，但{what}实有{actual}项").format(
                        text=text.strip(), stated=stated, what=what, actual=actual
                    ),
                    location=location
                    if kind is None
                    else FindingLocation(part=kind, field=location.field, source=location.source),
                    subject=text.strip(),
                    hint=_("改为{actual}项，或找出缺少的事项").format(actual=actual),
                )


RULES = (
    Rule(
        code="category-count-mismatch",
        severity=Severity.ERROR,
        summary=N_("类别标注的事项数（N项）与实有事项数不符。"),
        check=category_count_mismatch,
    ),
    Rule(
        code="missing-declared-count",
        severity=Severity.INFO,
        summary=N_("其他类别标题都标注了（N项），该类别标题却没有。"),
        check=missing_declared_count,
    ),
    Rule(
        code="stated-total-mismatch",
        severity=Severity.ERROR,
        summary=N_("标题、目录或部分标题中写明的总数有误。"),
        check=stated_total_mismatch,
    ),
)
