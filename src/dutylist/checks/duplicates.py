"""Duplicate rules: category titles, item names (same or near-identical), copied duties.

Item names are compared after normalisation: whitespace removed, full-width ASCII folded
(NFKC), closing punctuation (``。；``) dropped. Near-identical means a rapidfuzz
``fuzz.ratio`` (normalised Indel similarity, 0–100) of at least the configured
``similarity`` (default 90) on the normalised names.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterator

from dutylist.checks.context import Context, Issue, Rule, field_name, item_label, part_name, where
from dutylist.checks.findings import Severity
from dutylist.messages import N_, _
from dutylist.model import Category, CooperativeItem, DutyList, Item, Part
from dutylist.parse.vocabulary import squash


def normalise_name(name: str) -> str:
    """Return an item name as compared: no spaces, NFKC-folded, no closing punctuation."""
    return unicodedata.normalize("NFKC", squash(name)).rstrip("。.;；,，")


def duplicate_category_title(duty_list: DutyList, _context: Context) -> Iterator[Issue]:
    """Report a category title used twice in one part (``五、文化和旅游`` … ``六、文化和旅游``)."""
    for part in duty_list.parts:
        seen: dict[str, Category] = {}
        for category in part.categories:
            title = normalise_name(category.title)
            if not title:
                continue
            first = seen.get(title)
            if first is None:
                seen[title] = category
                continue
            yield Issue(
                message=_("{part}的类别标题“{title}”与类别“{first}”重复").format(
                    part=part_name(part.kind), title=category.title, first=first.heading.strip()
                ),
                location=where(part, category, field="heading"),
                subject=category.title,
                hint=_("合并这两个类别，并改正标注的事项数和类别序号"),
            )


def _named_items(duty_list: DutyList) -> list[tuple[Part, Category, Item, str]]:
    named = (
        (part, category, item, normalise_name(item.name))
        for part, category, item in duty_list.iter_items()
    )
    return [entry for entry in named if entry[3]]


def duplicate_item_name(duty_list: DutyList, _context: Context) -> Iterator[Issue]:
    """Report an item with the same name as an earlier item, in the same or another part."""
    seen: dict[str, Item] = {}
    for part, category, item, name in _named_items(duty_list):
        first = seen.get(name)
        if first is None:
            seen[name] = item
            continue
        yield Issue(
            message=_("{item}与{first}名称相同：“{name}”").format(
                item=item_label(item), first=item_label(first), name=item.name[:30]
            ),
            location=where(part, category, item, field="name"),
            subject=item.name,
            hint=_("一个事项只属于一个部分：删除其中一个或改名"),
        )


def similar_item_name(duty_list: DutyList, context: Context) -> Iterator[Issue]:
    """Report an item whose name is near-identical to an earlier item's name."""
    from rapidfuzz import fuzz, process  # noqa: PLC0415

    named = _named_items(duty_list)
    threshold = context.config.similarity
    # fuzz.ratio >= threshold needs 2·min(len, len') / (len + len') >= threshold / 100:
    # only earlier names of a close enough length can match.
    names = [name for *_, name in named]
    by_length: dict[int, list[int]] = {}
    for later, (part, category, item, name) in enumerate(named):
        size = len(name)
        earlier: list[int] = []
        low = math.ceil(size * threshold / (200 - threshold))
        for length in range(low, math.floor(size * (200 - threshold) / threshold) + 1):
            earlier.extend(by_length.get(length, ()))
        by_length.setdefault(size, []).append(later)
        if not earlier:
            continue
        earlier.sort()  # earliest first, as ties are reported
        found = process.extractOne(
            name, [names[i] for i in earlier], scorer=fuzz.ratio, score_cutoff=threshold
        )
        if found is None or found[0] == name:
            continue
        best = (found[0], found[1], earlier[found[2]])
        first = named[best[2]][2]
        yield Issue(
            message=_("{item}与{first}名称几乎相同（相似度{similarity}）：“{name}”").format(
                item=item_label(item),
                first=item_label(first),
                similarity=f"{best[1]:.0f}",
                name=item.name[:30],
            ),
            location=where(part, category, item, field="name"),
            subject=item.name,
            hint=_("核对这两个事项是否为同一项职责"),
        )


def duplicated_duty(duty_list: DutyList, _context: Context) -> Iterator[Issue]:
    """Report a clause repeated word for word in the same item (cell to cell or in a cell)."""
    for part, category, item in duty_list.iter_items():
        if not isinstance(item, CooperativeItem):
            continue
        seen: dict[str, str] = {}
        for field, clauses in (
            ("superior_duties", item.superior_duties),
            ("local_duties", item.local_duties),
        ):
            for index, clause in enumerate(clauses, start=1):
                text = normalise_name(clause.text)
                if len(text) < 8:
                    continue
                if text in seen:
                    yield Issue(
                        message=_("{item}：{field}第{index}条与{other}中的一条逐字相同").format(
                            item=item_label(item),
                            field=field_name(field),
                            index=index,
                            other=field_name(seen[text]),
                        ),
                        location=where(part, category, item, field=field, clause=index),
                        subject=clause.text,
                        hint=_("写明本级做什么，与上级部门的职责相区分"),
                    )
                else:
                    seen[text] = field


RULES = (
    Rule(
        code="duplicate-category-title",
        severity=Severity.ERROR,
        summary=N_("同一部分的两个类别标题相同。"),
        check=duplicate_category_title,
    ),
    Rule(
        code="duplicate-item-name",
        severity=Severity.ERROR,
        summary=N_("两个事项（同一部分或不同部分）名称相同。"),
        check=duplicate_item_name,
    ),
    Rule(
        code="similar-item-name",
        severity=Severity.WARNING,
        summary=N_("两个事项名称几乎相同（默认 rapidfuzz 相似度 ≥ 90）。"),
        check=similar_item_name,
    ),
    Rule(
        code="duplicated-duty",
        severity=Severity.INFO,
        summary=N_("配合事项中有逐字重复的职责条目。"),
        check=duplicated_duty,
    ),
)
