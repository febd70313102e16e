"""Wording shared by every renderer of a comparison (one place for labels)."""

from __future__ import annotations

import itertools
import operator
from collections.abc import Iterable, Iterator

from dutylist.corpus.compare import Comparison, Difference
from dutylist.messages import _
from dutylist.model import PartKind
from dutylist.wording import part_word


def kind_label(kind: str) -> str:
    """Return the heading of one kind of difference."""
    return {
        "missing": _("缺少的事项"),
        "only-here": _("独有的事项"),
        "other-part": _("所在清单不同的事项"),
        "other-departments": _("对应部门不同的事项"),
    }[kind]


def by_kind(differences: Iterable[Difference]) -> Iterator[tuple[str, list[Difference]]]:
    """Yield each run of consecutive differences of one kind, with that kind."""
    for kind, run in itertools.groupby(differences, key=operator.attrgetter("kind")):
        yield kind, list(run)


def part_label(part: PartKind | str | None) -> str:
    """Return the one word that tells a part (基本, 配合, 收回), or an empty string."""
    if part is None:
        return ""
    return part_word(PartKind(part) if isinstance(part, str) else part)


def detail(difference: Difference) -> str:
    """Return what the office has against what was expected, for the last two kinds."""
    if difference.kind == "other-part":
        return _("本单位：{found}；通常：{expected}").format(
            found=part_label(difference.found), expected=part_label(difference.expected)
        )
    if difference.kind == "other-departments":
        return _("本单位：{found}；通常：{expected}").format(
            found=difference.found or "—", expected=difference.expected or "—"
        )
    return ""


def title(comparison: Comparison) -> str:
    """Return the report's title line."""
    offices = sum(1 for office in comparison.offices if not office.template)
    if any(office.template for office in comparison.offices):
        return _("{offices}个单位的清单与模板比对：{duties}项事项").format(
            offices=offices, duties=len(comparison.duties)
        )
    return _("{offices}个单位的清单交叉比对：{duties}项事项").format(
        offices=offices, duties=len(comparison.duties)
    )
