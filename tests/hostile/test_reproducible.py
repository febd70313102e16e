"""The hostile corpus is the same bytes on every run: a failure found once can be found again.

The valid documents the families damage are written by openpyxl, reportlab, python-docx
and json; the writers that stamp the clock into a file (openpyxl's modification time and
zip dates, reportlab's creation date and document id) are told not to. Each test builds
cases twice, the second time after the clock has moved on to the next second, with the
base documents rebuilt, and compares the bytes.
"""

from __future__ import annotations

import time

import pytest

from tests.hostile.cases import FAMILIES, Case, cases
from tests.hostile.families import BASE_DOCUMENTS

STAMPED = ("xlsx-damaged", "pdf-damaged", "html-pages", "zip-flipped-bit", "json-text")
"""Families built straight from a base document whose writer could stamp the time."""


def _build(names: tuple[str, ...]) -> dict[str, Case]:
    for base in BASE_DOCUMENTS:
        base.cache_clear()
    return {case.ident: case for name in names for case in cases(name)}


def _next_second() -> None:
    """Wait until the clock shows another second (the resolution of the stamps)."""
    time.sleep(1.05 - time.time() % 1)


def _differing(names: tuple[str, ...]) -> list[str]:
    first = _build(names)
    _next_second()
    second = _build(names)
    assert first.keys() == second.keys()
    return [ident for ident, case in first.items() if case.files != second[ident].files]


def test_cases_from_stamped_documents_are_the_same_bytes_twice() -> None:
    assert _differing(STAMPED) == []


@pytest.mark.slow
def test_every_case_is_the_same_bytes_twice() -> None:
    assert _differing(tuple(sorted(FAMILIES))) == []
