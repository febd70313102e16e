"""Numbering rules: item numbers, category ordinals, clause numbers inside cells.

Item numbering is either continuous through a part (1…93) or restarts in each category;
the scheme is detected per part (restarting when most categories after the first start
at 1) and checked accordingly.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterator, Sequence

import attrs

from dutylist.checks.context import Context, Issue, Rule, field_name, item_label, part_name, where
from dutylist.checks.findings import FindingLocation, Severity
from dutylist.departments.occurrences import clauses_of
from dutylist.messages import N_, _
from dutylist.model import Category, Clause, DutyList, Item, Part
from dutylist.numerals import split_number, to_chinese_number


class Scheme(enum.Enum):
    """How items are numbered within a part."""

    CONTINUOUS = "continuous"
    RESTARTING = "restarting"


def detect_scheme(part: Part) -> Scheme:
    """Return the part's numbering scheme: restarting when most later categories start at 1."""
    firsts = [category.items[0].number for category in part.categories[1:] if category.items]
    restarts = sum(1 for number in firsts if number == 1)
    return Scheme.RESTARTING if firsts and restarts * 2 > len(firsts) else Scheme.CONTINUOUS


def _scopes(part: Part) -> Iterator[list[tuple[Category, Item]]]:
    if detect_scheme(part) is Scheme.RESTARTING:
        for category in part.categories:
            yield [(category, item) for item in category.items]
    else:
        yield [(category, item) for category in part.categories for item in category.items]


def number_not_numeric(duty_list: DutyList, _context: Context) -> Iterator[Issue]:
    """Report an item whose sequence number is missing or not a number."""
    for part, category, item in duty_list.iter_items():
        if item.number is None:
            printed = item.printed_number
            name = item.name[:20]
            yield Issue(
                message=_("{part}中的事项“{name}”的序号“{printed}”不是数字").format(
                    part=part_name(part.kind), name=name, printed=printed
                )
                if printed
                else _("{part}中的事项“{name}”没有序号").format(
                    part=part_name(part.kind), name=name
                ),
                location=where(part, category, item, field="number"),
                subject=printed,
            )


def number_gap(duty_list: DutyList, _context: Context) -> Iterator[Issue]:
    """Report numbers missing from a part's (or a category's) sequence, at the next item."""
    for part in duty_list.parts:
        for scope in _scopes(part):
            numbered = [(c, i) for c, i in scope if i.number is not None]
            if not numbered:
                continue
            first_with: dict[int, tuple[Category, Item]] = {}
            for category, item in numbered:
                first_with.setdefault(item.number or 0, (category, item))
            previous = 0
            for number in sorted(n for n in first_with if n >= 1):
                if number > previous + 1:
                    category, item = first_with[number]
                    low, high = previous + 1, number - 1
                    shown = str(low) if low == high else f"{low}–{high}"
                    yield Issue(
                        message=_("{part}在{item}之前缺少序号{numbers}").format(
                            part=part_name(part.kind), item=item_label(item), numbers=shown
                        ),
                        location=where(part, category, item, field="number"),
                        subject=shown,
                        hint=_("重新编排序号，或补回缺少的事项"),
                    )
                previous = number


def number_duplicate(duty_list: DutyList, _context: Context) -> Iterator[Issue]:
    """Report an item number used a second time within its part (or category)."""
    for part in duty_list.parts:
        for scope in _scopes(part):
            seen: set[int] = set()
            for category, item in scope:
                if item.number is None:
                    continue
                if item.number in seen:
                    yield Issue(
                        message=_("{item}与前面的事项序号重复").format(item=item_label(item)),
                        location=where(part, category, item, field="number"),
                        subject=str(item.number),
                        hint=_("重新编排序号"),
                    )
                seen.add(item.number)


def number_out_of_order(duty_list: DutyList, _context: Context) -> Iterator[Issue]:
    """Report an item numbered lower than the item before it (not a repeat)."""
    for part in duty_list.parts:
        for scope in _scopes(part):
            seen: set[int] = set()
            previous: int | None = None
            for category, item in scope:
                number = item.number
                if number is None:
                    continue
                if previous is not None and number < previous and number not in seen:
                    yield Issue(
                        message=_("{item}排在第{previous}项之后").format(
                            item=item_label(item), previous=previous
                        ),
                        location=where(part, category, item, field="number"),
                        subject=str(number),
                        hint=_("按顺序排列事项，或重新编排序号"),
                    )
                seen.add(number)
                previous = number


def _chinese(value: int) -> str:
    return to_chinese_number(value) if 0 <= value < 1000 else str(value)


def category_ordinal_sequence(duty_list: DutyList, _context: Context) -> Iterator[Issue]:
    """Report category ordinals (一、二、三 …) that are missing, repeated or out of order."""
    for part in duty_list.parts:
        if all(category.ordinal is None for category in part.categories):
            continue  # a 类别 column, or no categories: nothing is numbered
        expected = 1
        for category in part.categories:
            if not category.heading.strip():
                continue
            if category.ordinal != expected:
                message = (
                    _("类别“{heading}”没有序号，应为“{expected}”")
                    if category.ordinal is None
                    else _("类别“{heading}”的序号为“{printed}”，应为“{expected}”")
                )
                yield Issue(
                    message=message.format(
                        heading=category.heading.strip(),
                        printed=_chinese(category.ordinal or 0),
                        expected=_chinese(expected),
                    ),
                    location=where(part, category, field="heading"),
                    subject=category.title,
                    hint=_("编为“{expected}、”").format(expected=_chinese(expected)),
                )
            expected = (category.ordinal or expected) + 1


# ------------------------------------------------------------------ clause numbers


def _blocks(clauses: Sequence[tuple[int, Clause]]) -> Iterator[list[tuple[int, Clause]]]:
    """Split a cell's clauses into department blocks (numbering restarts in each)."""
    block: list[tuple[int, Clause]] = []
    department: str | None = None
    for index, clause in clauses:
        if block and clause.department != department:
            yield block
            block = []
        department = clause.department
        block.append((index, clause))
    if block:
        yield block


@attrs.frozen
class _Cell:
    """The clauses of one cell, each printed number split once per run."""

    part: Part
    category: Category
    item: Item
    field: str
    clauses: list[tuple[int, Clause]]
    """(1-based index, clause), in order."""
    styles: dict[int, tuple[int | None, str]]
    """The printed number and its style (:func:`split_number`) of each clause, by index."""


def _cells(context: Context) -> list[_Cell]:
    """Return every cell of clauses in the list, item by item (computed once per run)."""

    def compute() -> list[_Cell]:
        found = []
        for part, category, item in context.duty_list.iter_items():
            cells: dict[str, list[tuple[int, Clause]]] = {}
            for field, index, clause in clauses_of(item):
                cells.setdefault(field, []).append((index, clause))
            for field, clauses in cells.items():
                styles = {index: _split(clause) for index, clause in clauses}
                found.append(_Cell(part, category, item, field, clauses, styles))
        return found

    return context.memo("clause-cells", compute)


def _split(clause: Clause) -> tuple[int | None, str]:
    number, _rest, style = split_number(clause.printed)
    return number, style


_LEVELS = {"1.": "1.", "1、": "1.", "1,": "1.", "1:": "1.", "1)": "1.", "1": "1."}
"""Clause styles of the same level: ``1.`` and ``1、`` mix; ``（1）`` and ``①`` nest below."""


def clause_missing_separator(_list: DutyList, context: Context) -> Iterator[Issue]:
    """Report a clause number with no separator after it (``1对…`` for ``1.对…``)."""
    for cell in _cells(context):
        for index, clause in cell.clauses:
            number, style = cell.styles[index]
            if style == "1":
                yield Issue(
                    message=_("{item}：{field}第{number}条的序号后没有分隔符：“{text}”").format(
                        item=item_label(cell.item),
                        field=field_name(cell.field),
                        number=number,
                        text=clause.printed[:12],
                    ),
                    location=_where(cell, index),
                    subject=clause.printed,
                    hint=_("写作“{number}.{start}…”").format(number=number, start=clause.text[:6]),
                )


def _where(cell: _Cell, index: int) -> FindingLocation:
    return where(cell.part, cell.category, cell.item, field=cell.field, clause=index)


def clause_number_sequence(_list: DutyList, context: Context) -> Iterator[Issue]:
    """Report clause numbers in a cell that skip, repeat or do not start at 1.

    Numbering restarts for each department block (``区财政局：1.… 区发改局：1.…``).
    """
    for cell in _cells(context):
        for block in _blocks(cell.clauses):
            styled = [(i, c, cell.styles[i][1]) for i, c in block if c.number is not None]
            main_style = next((s for _, _, s in styled if s != "1"), "1.")
            family = _LEVELS.get(main_style, main_style)
            numbered = [(i, c) for i, c, s in styled if _LEVELS.get(s, s) == family]
            expected = 1
            for index, clause in numbered:
                if clause.number != expected:
                    yield Issue(
                        message=_("{item}：{field}中应为第{expected}条处编为第{number}条").format(
                            item=item_label(cell.item),
                            field=field_name(cell.field),
                            expected=expected,
                            number=clause.number,
                        ),
                        location=_where(cell, index),
                        subject=clause.printed,
                        hint=_("重新编排该单元格中各条的序号"),
                    )
                expected = (clause.number or expected) + 1


def clause_style_mixed(_list: DutyList, context: Context) -> Iterator[Issue]:
    """Report a cell whose clause numbers mix styles (``1.`` and ``1、``)."""
    for cell in _cells(context):
        styles = [
            (index, style)
            for index, clause in cell.clauses
            if clause.number is not None
            and (style := cell.styles[index][1]) != "1"
            and _LEVELS.get(style) == "1."
        ]
        counts = Counter(style for _, style in styles)
        if len(counts) < 2:
            continue
        usual = counts.most_common(1)[0][0]
        index, odd = next((i, s) for i, s in styles if s != usual)
        yield Issue(
            message=_("{item}：{field}中各条的序号既有“{usual}”式，也有“{odd}”式").format(
                item=item_label(cell.item), field=field_name(cell.field), usual=usual, odd=odd
            ),
            location=_where(cell, index),
            subject=odd,
            hint=_("整个单元格统一使用“{usual}”式").format(usual=usual),
        )


def clause_run_together(_list: DutyList, context: Context) -> Iterator[Issue]:
    """Report a numbered clause printed in the previous clause's paragraph.

    Only in cells that otherwise give each clause its own paragraph: a cell printed
    entirely as one paragraph (``1.…2.…3.…``) is a valid layout.
    """
    for cell in _cells(context):
        separate = any(
            position > 0 and not clause.same_paragraph and clause.number is not None
            for position, (_, clause) in enumerate(cell.clauses)
        )
        if not separate:
            continue
        for index, clause in cell.clauses:
            if clause.same_paragraph and clause.number is not None:
                yield Issue(
                    message=_("{item}：{field}第{number}条接在上一条的段落中").format(
                        item=item_label(cell.item),
                        field=field_name(cell.field),
                        number=clause.number,
                    ),
                    location=_where(cell, index),
                    subject=clause.printed,
                    hint=_("第{number}条另起一行").format(number=clause.number),
                )


RULES = (
    Rule(
        code="number-not-numeric",
        severity=Severity.ERROR,
        summary=N_("事项序号缺失或不是数字。"),
        check=number_not_numeric,
    ),
    Rule(
        code="number-gap",
        severity=Severity.ERROR,
        summary=N_("事项序号中缺号（连续编号或按类别编号）。"),
        check=number_gap,
    ),
    Rule(
        code="number-duplicate",
        severity=Severity.ERROR,
        summary=N_("两个事项序号相同。"),
        check=number_duplicate,
    ),
    Rule(
        code="number-out-of-order",
        severity=Severity.ERROR,
        summary=N_("事项序号小于前一个事项。"),
        check=number_out_of_order,
    ),
    Rule(
        code="category-ordinal-sequence",
        severity=Severity.ERROR,
        summary=N_("类别序号一、二、三……缺失、重复或顺序错乱。"),
        check=category_ordinal_sequence,
    ),
    Rule(
        code="clause-missing-separator",
        severity=Severity.WARNING,
        summary=N_("条目序号后没有分隔符（写成 1对… 而不是 1.对…）。"),
        check=clause_missing_separator,
    ),
    Rule(
        code="clause-number-sequence",
        severity=Severity.WARNING,
        summary=N_("单元格中的条目序号跳号、重复或不从 1 开始。"),
        check=clause_number_sequence,
    ),
    Rule(
        code="clause-style-mixed",
        severity=Severity.WARNING,
        summary=N_("单元格中混用了不同的条目序号样式（1. 和 1、）。"),
        check=clause_style_mixed,
    ),
    Rule(
        code="clause-run-together",
        severity=Severity.WARNING,
        summary=N_("有编号的条目接在上一条的段落中。"),
        check=clause_run_together,
    ),
)
