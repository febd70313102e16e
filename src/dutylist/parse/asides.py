"""Rows of a list's tables that are no item: totals, notes, headings split over two cells.

These recognisers look at one row's texts; the assembler (:mod:`dutylist.parse.assemble`)
decides what to do with them. Their words are in ``data/headers.toml`` (``[totals]``,
``[notes]``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from dutylist.numerals import CHINESE_NUMERAL_CHARS
from dutylist.parse.vocabulary import packaged_words, parse_category_heading, squash
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
