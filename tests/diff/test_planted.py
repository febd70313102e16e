"""Exact at any size: planted edits of every kind come back as the planted change set.

Lists of 30 to 30,000 items whose wording repeats (tests/diff/generated.py copies the
reference list, names suffixed ``（k）``, clauses unchanged); the canonical form of the
expected change set is documented in docs/diff.md and built by tests/diff/planted.py.
"""

from __future__ import annotations

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dutylist.diff import apply, diff_lists
from dutylist.diff.content import content
from dutylist.model import DutyList
from tests.diff.generated import generated_list
from tests.diff.planted import canonical, planted_revision


def sized_list(base: DutyList, size: int) -> DutyList:
    """Return a list of about ``size`` items: the reference list cut down, or repeated."""
    if size >= len(base.items):
        return generated_list(base, size)
    share = size / len(base.items)
    parts = []
    for part in base.parts:
        categories = tuple(
            attrs.evolve(
                category, items=category.items[: max(1, round(len(category.items) * share))]
            )
            for category in part.categories[: max(4, round(len(part.categories) * share))]
        )
        parts.append(attrs.evolve(part, categories=categories))
    return attrs.evolve(base, parts=tuple(parts))


def _check(base: DutyList, size: int, seed: int) -> None:
    old = sized_list(base, size)
    new, expected = planted_revision(old, seed=seed)
    changeset = diff_lists(old, new)
    assert canonical(changeset) == expected
    assert content(apply(old, changeset)) == content(new)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(size=st.sampled_from([30, 100, 300, 1000]), seed=st.integers(0, 2**32 - 1))
def test_planted_edits_come_back_exactly(mingzhu: DutyList, size: int, seed: int) -> None:
    _check(mingzhu, size, seed)


@pytest.mark.parametrize("seed", [0, 1])
def test_planted_edits_come_back_exactly_at_3000(mingzhu: DutyList, seed: int) -> None:
    _check(mingzhu, 3000, seed)


@pytest.mark.slow
def test_planted_edits_come_back_exactly_at_30000(mingzhu: DutyList) -> None:
    _check(mingzhu, 30000, 7)
