"""Duplicate rules: category titles, item names (same or near-identical), copied duties.

Item names are compared after normalisation: whitespace removed, full-width ASCII folded
(NFKC), closing punctuation (``。；``) dropped. Near-identical means a rapidfuzz
``fuzz.ratio`` (normalised Indel similarity, 0–100) of at least the configured
``similarity`` (default 90) on the normalised names.
"""

from __future__ import annotations

import math
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TypeVar

from dutylist.checks.context import Context, Issue, Rule, field_name, item_label, part_name, where
from dutylist.checks.findings import Severity
from dutylist.messages import N_, _
from dutylist.model import Category, CooperativeItem, DutyList, Item, Part
from dutylist.parse.vocabulary import squash

T = TypeVar("T")


def normalise_name(name: str) -> str:
    """Return an item name as compared: no spaces, NFKC-folded, no closing punctuation."""
    return unicodedata.normalize("NFKC", squash(name)).rstrip("。.;；,，")


def _repeats(keyed: Iterable[tuple[str, T]]) -> Iterator[tuple[T, T]]:
    """Yield (value, the first value with its key) for each value whose key came before."""
    first: dict[str, T] = {}
    for key, value in keyed:
        if key in first:
            yield value, first[key]
        else:
            first[key] = value


def duplicate_category_title(duty_list: DutyList, _context: Context) -> Iterator[Issue]:
    """Report a category title used twice in one part (``五、文化和旅游`` … ``六、文化和旅游``)."""
    for part in duty_list.parts:
        titled = ((normalise_name(category.title), category) for category in part.categories)
        for category, first in _repeats((title, c) for title, c in titled if title):
            yield Issue(
                message=_("{part}的类别标题“{title}”与类别“{first}”重复").format(
                    part=part_name(part.kind), title=category.title, first=first.heading.strip()
                ),
                location=where(part, category, field="heading"),
                subject=category.title,
                hint=_("合并这两个类别，并改正标注的事项数和类别序号"),
            )


def _named_items(context: Context) -> list[tuple[Part, Category, Item, str]]:
    """Return every item with a name, and the name as compared (once per run)."""

    def compute() -> list[tuple[Part, Category, Item, str]]:
        named = (
            (part, category, item, normalise_name(item.name))
            for part, category, item in context.duty_list.iter_items()
        )
        return [entry for entry in named if entry[3]]

    return context.memo("named-items", compute)


def duplicate_item_name(_list: DutyList, context: Context) -> Iterator[Issue]:
    """Report an item with the same name as an earlier item, in the same or another part."""
    named = ((name, (part, category, item)) for part, category, item, name in _named_items(context))
    for (part, category, item), (*_first_place, first) in _repeats(named):
        yield Issue(
            message=_("{item}与{first}名称相同：“{name}”").format(
                item=item_label(item), first=item_label(first), name=item.name[:30]
            ),
            location=where(part, category, item, field="name"),
            subject=item.name,
            hint=_("一个事项只属于一个部分：删除其中一个或改名"),
        )


def similar_item_name(_list: DutyList, context: Context) -> Iterator[Issue]:
    """Report an item whose name is near-identical to an earlier item's name."""
    named = _named_items(context)
    names = [name for *_, name in named]
    message = _("{item}与{first}名称几乎相同（相似度{similarity}）：“{name}”")
    hint = _("核对这两个事项是否为同一项职责")  # a list of copies has a finding per item
    labels: dict[int, str] = {}  # an earlier item is often the match of many later ones
    for later, earlier, score in nearest_earlier(names, context.config.similarity):
        part, category, item, name = named[later]
        if names[earlier] == name:
            continue  # the same name: duplicate-item-name reports it
        if earlier not in labels:
            labels[earlier] = item_label(named[earlier][2])
        yield Issue(
            message=message.format(
                item=item_label(item),
                first=labels[earlier],
                similarity=f"{score:.0f}",
                name=item.name[:30],
            ),
            location=where(part, category, item, field="name"),
            subject=item.name,
            hint=hint,
        )


MAX_CANDIDATES = 16
"""About how many earlier names one name is compared with when looking for near-duplicates."""
MAX_COMPARED_LENGTH = 500
"""Names longer than this (no real item name is) are not compared for near-duplicates."""


def _bigrams(text: str) -> list[str]:
    r"""Return the character pairs of ``text``, a repeated pair marked by its occurrence.

    The first ``ab`` is ``"ab"``, the second ``"ab\x01"``, the third ``"ab\x02"``: keys
    that sort as ``(pair, occurrence)`` would, without a tuple for every pair.
    """
    pairs = [text[index : index + 2] for index in range(len(text) - 1)]
    if len(set(pairs)) == len(pairs):  # the usual case: no pair repeats
        return pairs
    seen: dict[str, int] = {}
    grams = []
    for pair in pairs:
        count = seen.get(pair, 0)
        seen[pair] = count + 1
        grams.append(pair + chr(count) if count else pair)
    return grams


def nearest_earlier(names: Sequence[str], threshold: float) -> Iterator[tuple[int, int, float]]:
    """Yield ``(later, earlier, score)``: each name's best-scoring earlier name.

    The score is rapidfuzz's ``fuzz.ratio``; only scores of at least ``threshold`` count,
    ties go to the earliest name (as ``process.extractOne`` does). Instead of comparing
    every pair, candidates come from an index of character pairs (prefix filtering):
    two names within the threshold share many pairs, so they share one of the rarest few
    of each name's pairs. Names too short for that bound are compared with all others.
    A name is compared with at most about :data:`MAX_CANDIDATES` earlier names (those
    sharing its rarest pairs first), which bounds the work on a list made of
    near-identical names; names longer than :data:`MAX_COMPARED_LENGTH` are skipped.

    The work is linear in the total length of the names: pairs are ranked once (by how
    few names hold them) and each name's pairs become a sorted list of ranks, which
    also index the candidate lists.
    """
    from rapidfuzz import fuzz, process  # noqa: PLC0415

    slack = 1 - threshold / 100 + 1e-9  # the largest share of indel edits allowed
    grams = [_bigrams(name) if len(name) <= MAX_COMPARED_LENGTH else [] for name in names]
    frequency = Counter(gram for name_grams in grams for gram in set(name_grams))
    rank = {gram: order for order, gram in enumerate(sorted(frequency, key=_rarest(frequency)))}
    index: list[list[int]] = [[] for _ in range(len(rank))]  # by rank: names holding the pair
    loose: list[int] = []  # names whose pairs give no guarantee
    for later, name in enumerate(names):
        size = len(name)
        if size > MAX_COMPARED_LENGTH:
            continue
        prefix = _prefix_length(size, slack)
        if prefix is None:
            candidates: Sequence[int] = range(later)
        else:
            rarest = sorted(map(rank.__getitem__, grams[later]))[:prefix]
            found = set(loose)
            for order in rarest:  # rarest first
                found.update(index[order])
                if len(found) >= MAX_CANDIDATES:
                    break
            candidates = sorted(found)
            for order in rarest:
                holders = index[order]
                if len(holders) < MAX_CANDIDATES:
                    holders.append(later)
        if candidates:
            choices = [names[earlier] for earlier in candidates]
            best = process.extractOne(name, choices, scorer=fuzz.ratio, score_cutoff=threshold)
            if best is not None:
                yield later, candidates[best[2]], best[1]
        if prefix is None:
            loose.append(later)


def _rarest(frequency: Counter[str]) -> Callable[[str], tuple[int, str]]:
    return lambda gram: (frequency[gram], gram)


def _prefix_length(size: int, slack: float) -> int | None:
    """Return how many of a name's rarest pairs a near-identical name must share one of.

    A name of ``size`` characters has ``size - 1`` pairs; ``d`` insertions or deletions
    destroy at most ``2 d`` of them, and within the threshold ``d`` is at most
    ``slack × (size + other size)``, the other size being bounded by the same slack. None
    when no pair need be shared.
    """
    if slack >= 1:
        return None
    longest_other = size * (1 + slack) / (1 - slack)
    shared = math.floor(size - 1 - 2 * slack * (size + longest_other))
    return None if shared <= 0 else size - shared


def duplicated_duty(duty_list: DutyList, _context: Context) -> Iterator[Issue]:
    """Report a clause repeated word for word in the same item (cell to cell or in a cell)."""
    for part, category, item in duty_list.iter_items():
        if not isinstance(item, CooperativeItem):
            continue
        clauses = (
            (normalise_name(clause.text), (field, index, clause))
            for field, cell in (
                ("superior_duties", item.superior_duties),
                ("local_duties", item.local_duties),
            )
            for index, clause in enumerate(cell, start=1)
        )
        repeats = _repeats((text, place) for text, place in clauses if len(text) >= 8)
        for (field, index, clause), (other, *_other_place) in repeats:
            yield Issue(
                message=_("{item}：{field}第{index}条与{other}中的一条逐字相同").format(
                    item=item_label(item),
                    field=field_name(field),
                    index=index,
                    other=field_name(other),
                ),
                location=where(part, category, item, field=field, clause=index),
                subject=clause.text,
                hint=_("写明本级做什么，与上级部门的职责相区分"),
            )


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
