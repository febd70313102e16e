"""Item history across versions: every planted event, in every lineage."""

from __future__ import annotations

import pytest

from dutylist.diff.history import EventKind, history
from dutylist.model import DutyList
from tests.diff.series import lineage_view, planted_series


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_history_reproduces_the_planted_lineage_of_every_item(mingzhu: DutyList, seed: int) -> None:
    series, expected = planted_series(mingzhu, versions=5, seed=seed, per_kind=3)
    found = history(series)
    assert [version.label for version in found.versions] == ["v1", "v2", "v3", "v4", "v5"]
    assert lineage_view(found) == expected


def test_one_items_family_follows_splits(mingzhu: DutyList) -> None:
    series, _ = planted_series(mingzhu, versions=3, seed=4)
    found = history(series, labels=["2023", "2024", "2025"])
    assert [version.label for version in found.versions] == ["2023", "2024", "2025"]
    whole = next(lineage for lineage in found.lineages if lineage.children)
    assert found.find(str(whole.id)) == (whole,)
    assert whole.events[-1].kind is EventKind.SPLIT
    family = found.family(whole)
    assert [lineage.id for lineage in family] == sorted([whole.id, *whole.children])
    part = found.lineages[whole.children[0] - 1]
    assert found.find(part.names[0]) == (part,)
    assert part.parents == (whole.id,)
    assert found.family(part) == family


def test_a_single_version_has_every_item_appearing(mingzhu: DutyList) -> None:
    found = history([mingzhu])
    assert [lineage.events[0].name for lineage in found.lineages] == [
        item.name for item in mingzhu.items
    ]
    assert {(e.version, e.kind) for lineage in found.lineages for e in lineage.events} == {
        (0, EventKind.APPEARED)
    }
