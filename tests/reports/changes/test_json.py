"""The JSON change report: golden file, and it validates against the schema."""

from __future__ import annotations

import json

from dutylist.diff import apply
from dutylist.diff.content import content
from dutylist.diff.serialize import dumps, loads
from tests.diff.test_changes import validate
from tests.reports.revision_pair import EXPECTED, pair


def test_the_change_set_matches_the_golden_file() -> None:
    _, _, changeset = pair()
    expected = (EXPECTED / "mingzhu-revision.json").read_text(encoding="utf-8")
    assert dumps(changeset) == expected


def test_the_golden_file_validates_and_is_a_patch() -> None:
    old, new, _ = pair()
    text = (EXPECTED / "mingzhu-revision.json").read_text(encoding="utf-8")
    validate(json.loads(text))
    assert content(apply(old, loads(text))) == content(new)
