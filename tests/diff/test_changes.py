"""The change set as JSON: it validates against the schema and reads back unchanged."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dutylist import schemas
from dutylist.diff import diff_lists
from dutylist.diff.changes import ChangeKind, ChangeSet
from dutylist.diff.serialize import dumps, from_data, loads, to_data
from dutylist.errors import FormatError
from dutylist.model import CooperativeItem, DutyList, PartKind
from tests.diff import edits
from tests.diff.revisions import revisions
from tests.strategies import duty_lists


def validate(data: Any) -> None:
    """Validate ``data`` against the shipped changeset schema through the shipped registry."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(
        schemas.load("changeset"), registry=schemas.registry()
    )
    errors = sorted(validator.iter_errors(data), key=lambda error: list(error.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:3]]


pairs = duty_lists().flatmap(lambda a: st.tuples(st.just(a), revisions(a)))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pairs)
def test_json_validates_and_reads_back(pair: tuple[DutyList, DutyList]) -> None:
    changeset = diff_lists(*pair)
    text = dumps(changeset)
    validate(json.loads(text))
    assert loads(text) == changeset


def test_the_reference_revision_validates(mingzhu: DutyList) -> None:
    revised = edits.renumber(
        edits.move(mingzhu, (PartKind.COOPERATIVE, 2, 2), (PartKind.RECALLED, 2, 0))
    )
    revised = edits.edit(revised, PartKind.BASIC, 0, 1, name="加强党的政治建设")
    data = to_data(diff_lists(mingzhu, revised))
    validate(data)
    assert data["is_empty"] is False
    assert [change["kind"] for change in data["changes"]] == ["added", "removed", "moved"]


def test_an_empty_change_set_says_so(mingzhu: DutyList) -> None:
    data = to_data(diff_lists(mingzhu, mingzhu))
    validate(data)
    assert data["is_empty"] is True
    assert data["changes"] == data["renumbered"] == data["categories"] == []


def test_mirrored_kinds_swap_sides() -> None:
    assert ChangeKind.ADDED.mirror is ChangeKind.REMOVED
    assert ChangeKind.SPLIT.mirror is ChangeKind.MERGED
    assert ChangeKind.MOVED.mirror is ChangeKind.MOVED


def test_a_cosmetic_change_is_classified_in_json(mingzhu: DutyList) -> None:
    item = edits.item_at(mingzhu, PartKind.COOPERATIVE, 0, 1)
    assert isinstance(item, CooperativeItem)
    local = tuple(
        edits.clause(clause.text.replace("，", ","), clause.number) for clause in item.local_duties
    )
    revised = edits.edit(mingzhu, PartKind.COOPERATIVE, 0, 1, local_duties=local)
    data = to_data(diff_lists(mingzhu, revised))
    assert [change["classification"] for change in data["changes"]] == ["cosmetic"]


@pytest.mark.parametrize(
    ("data", "path"),
    [
        ({"changeset_version": 2}, None),
        ([], None),
        ({"changeset_version": 1, "is_empty": True, "old": {"title": 3}}, "$.old.title"),
    ],
)
def test_bad_json_is_a_format_error(data: object, path: str | None) -> None:
    with pytest.raises(FormatError) as caught:
        from_data(data, source="cs.json")
    assert caught.value.location is not None
    assert caught.value.location.file == "cs.json"
    if path is not None:
        assert path in caught.value.message


def test_text_that_is_not_json_is_a_format_error() -> None:
    with pytest.raises(FormatError) as caught:
        loads("{", source="cs.json")
    assert caught.value.location is not None
    assert caught.value.location.line == 1


def test_a_changeset_counts_its_kinds(mingzhu: DutyList) -> None:
    revised = edits.renumber(edits.remove(mingzhu, PartKind.BASIC, 0, 0))
    changeset: ChangeSet = diff_lists(mingzhu, revised)
    assert changeset.count(ChangeKind.REMOVED) == 1
    assert changeset.count(ChangeKind.ADDED) == 0
