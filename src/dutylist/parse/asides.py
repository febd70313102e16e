"""Rows of a list's tables that are no item: totals, notes, split headings, header rows.

Totals rows, notes, a row numbering the columns, headings split over the 序号 and 事项名称
cells, and the second row of a two-row header.

These recognisers look at one row's texts; the assembler (:mod:`dutylist.parse.assemble`)
decides what to do with them. Their words are in ``data/headers.toml`` (``[totals]``,
``[notes]``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from dutylist.numerals import CHINESE_NUMERAL_CHARS
from dutylist.parse.vocabulary import (
    Role,
    header_role,
    packaged_words,
    parse_category_heading,
    squash,
)
from dutylist.patterns import compile_on_use


@cache
def _totals_row() -> re.Pattern[str]:
    words = "|".join(re.escape(word) for word in packaged_words("totals"))
    return re.compile(
        rf"^(?:{words})[:：]?(?:[（(]?(?:共|计)?[0-9０-９]{{1,5}}(?:项|条|个|件)?[)）]?)?$"
    )


def is_totals_row(cells: Sequence[str]) -> bool:
    """Return True for a row counting the items above it: ``合计 | 93项``, ``合计：共93项``.

    The row's filled cells, read together, are a totals word and at most a count.
    """
    filled = [squash(cell) for cell in cells if cell.strip()]
    return 0 < len(filled) <= 2 and bool(_totals_row().match("".join(filled)))


@cache
def _notes_label() -> re.Pattern[str]:
    words = "|".join(re.escape(word) for word in packaged_words("notes"))
    return re.compile(rf"^(?:{words})(?:[:：].*)?$", re.DOTALL)


def is_notes_label(text: str) -> bool:
    """Return True for a line starting notes on the list: ``说明：``, ``填表说明``, ``注：…``.

    The numbered lines after it (``1.本清单…``) are notes, not categories.
    """
    return bool(_notes_label().match(squash(text)))


def is_column_numbers(cells: Sequence[tuple[str, ...]]) -> bool:
    """Return True for a row numbering the table's columns (``1 | 2 | 3 | 4 | 5``).

    Some offices' forms print it under the header row; it is no item.
    """
    if len(cells) < 2 or len(cells[1]) != 1 or cells[1][0].strip() != "2":
        return False  # the usual row, told apart by its second cell
    return all(
        len(cell) == 1 and cell[0].strip() == str(index)
        for index, cell in enumerate(cells, start=1)
    )


_BARE_ORDINAL = compile_on_use(rf"^[{CHINESE_NUMERAL_CHARS}]{{1,4}}$")


def split_heading(ordinal: str, title: str) -> str | None:
    """Return the heading of a row with its ordinal and title in two cells, or None.

    Some offices type ``一`` (or ``（一）``, ``第一类``) into the 序号 cell and
    ``党的建设（3项）`` into the 事项名称 cell of an unmerged row; the heading is then
    ``一、党的建设（3项）``. An ordinal must be Chinese: ``1`` there is an item's number.
    """
    ordinal, title = ordinal.strip(" \u3000"), title.strip(" \u3000")
    if not ordinal or not title or "\n" in title:
        return None
    joined = f"{ordinal}、{title}" if _BARE_ORDINAL.match(ordinal) else f"{ordinal}{title}"
    heading = parse_category_heading(joined)
    return joined if heading is not None and heading.ordinal is not None else None


_DUTIES = "职责"
_DUTY_ROLES = frozenset([Role.SUPERIOR_DUTIES, Role.LOCAL_DUTIES])


def grouped_headers(first: Sequence[str], second: Sequence[str]) -> tuple[str, ...]:
    """Return the second row of a two-row header with its group header read into it.

    A header cell merged over several columns (``职责分工``) is read once in the first
    row; the cells merged down (``序号``) repeat their text in the second, which holds
    the grouped columns' own headers. Under a group naming duties (``职责分工``, ``职责``)
    those may say whose duties a column holds and no more (``上级部门`` | ``街道``): such
    a header is read as those duties (``上级部门职责``, ``街道职责``) when that names a
    column of duties. Any other second row is returned as it is.
    """
    extra = len(second) - len(first)
    flat_first, flat_second = [squash(t) for t in first], [squash(t) for t in second]
    group = next(
        (i for i, (a, b) in enumerate(zip(flat_first, flat_second, strict=False)) if a != b),
        len(first) - 1,
    )
    if extra < 1 or flat_first[group + 1 :] != flat_second[group + extra + 1 :]:
        return tuple(second)
    if _DUTIES not in flat_first[group]:
        return tuple(second)
    result = list(second)
    for index in range(group, group + extra + 1):
        duties = flat_second[index] + _DUTIES
        if _DUTIES not in flat_second[index] and header_role(duties) in _DUTY_ROLES:
            result[index] = duties
    return tuple(result)
