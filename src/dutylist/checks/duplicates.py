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

from dutylist.checks.context import Context, Issue, Rule, item_label, where
from dutylist.checks.findings import Severity
from dutylist.model import Category, CooperativeItem, DutyList, Item, Part
from dutylist.parse.vocabulary import squash


def normalise_name(name: str) -> str:
    """Return an item name as compared: no spaces, NFKC-folded, no closing punctuation."""
    return unicodedata.normalize("NFKC", squash(name)).rstrip("。.;；,，")


def duplicate_category_title(duty_list: DutyList, _: Context) -> Iterator[Issue]:
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
                message=f"category title {category.title!r} of the {part.kind.value} part "
                f"repeats category {first.heading.strip()}",
                location=where(part, category, field="heading"),
                subject=category.title,
                hint="merge the two categories and fix the declared count and ordinals",
            )


def _named_items(duty_list: DutyList) -> list[tuple[Part, Category, Item, str]]:
    named = (
        (part, category, item, normalise_name(item.name))
        for part, category, item in duty_list.iter_items()
    )
    return [entry for entry in named if entry[3]]


def duplicate_item_name(duty_list: DutyList, _: Context) -> Iterator[Issue]:
    """Report an item with the same name as an earlier item, in the same or another part."""
    seen: dict[str, Item] = {}
    for part, category, item, name in _named_items(duty_list):
        first = seen.get(name)
        if first is None:
            seen[name] = item
            continue
        yield Issue(
            message=f"{item_label(item)} has the same name as {item_label(first)}: "
            f"{item.name[:30]!r}",
            location=where(part, category, item, field="name"),
            subject=item.name,
            hint="an item belongs to one part only: remove or rename one of them",
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
            message=f"{item_label(item)} is named almost like {item_label(first)} "
            f"(similarity {best[1]:.0f}): {item.name[:30]!r}",
            location=where(part, category, item, field="name"),
            subject=item.name,
            hint="check whether the two items are the same duty",
        )


def duplicated_duty(duty_list: DutyList, _: Context) -> Iterator[Issue]:
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
                        message=f"{item_label(item)}: clause {index} of {field} repeats a "
                        f"clause of {seen[text]} word for word",
                        location=where(part, category, item, field=field, clause=index),
                        subject=clause.text,
                        hint="say what the office does, as distinct from the superior department",
                    )
                else:
                    seen[text] = field


RULES = (
    Rule(
        code="duplicate-category-title",
        severity=Severity.ERROR,
        summary="Two categories of one part have the same title.",
        check=duplicate_category_title,
    ),
    Rule(
        code="duplicate-item-name",
        severity=Severity.ERROR,
        summary="Two items, in one part or in two, have the same name.",
        check=duplicate_item_name,
    ),
    Rule(
        code="similar-item-name",
        severity=Severity.WARNING,
        summary="Two items have near-identical names (rapidfuzz ratio ≥ 90 by default).",
        check=similar_item_name,
    ),
    Rule(
        code="duplicated-duty",
        severity=Severity.INFO,
        summary="A cooperative item repeats a duty clause word for word.",
        check=duplicated_duty,
    ),
)
