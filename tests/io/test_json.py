from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings

from dutylist import schemas
from dutylist.codec import from_data, to_data
from dutylist.errors import FormatError, ReadError
from dutylist.io.json import dumps, loads, read_json, write_json
from dutylist.model import DutyList
from tests.strategies import any_duty_lists, duty_lists

REPO = Path(__file__).resolve().parents[2]
SCHEMA = schemas.load("dutylist")


VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def validate(data: Any) -> None:
    VALIDATOR.validate(data)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(any_duty_lists())
def test_json_round_trip_is_the_identity(duty_list: DutyList) -> None:
    back = loads(dumps(duty_list))
    assert back == duty_list
    assert back.unplaced == duty_list.unplaced
    assert back.metadata.source_file == duty_list.metadata.source_file
    assert [i.source for i in back.items] == [i.source for i in duty_list.items]
    assert dumps(back) == dumps(duty_list)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(any_duty_lists())
def test_every_written_file_validates_against_the_schema(duty_list: DutyList) -> None:
    validate(json.loads(dumps(duty_list)))


@settings(max_examples=20, suppress_health_check=[HealthCheck.too_slow])
@given(duty_lists())
def test_realistic_lists_validate_too(duty_list: DutyList) -> None:
    validate(to_data(duty_list))


def test_reference_json_is_schema_valid_utf8_and_stable(mingzhu: DutyList, tmp_path: Path) -> None:
    first = tmp_path / "m.json"
    second = tmp_path / "m2.json"
    write_json(mingzhu, first)
    raw = first.read_bytes()
    assert "明珠街道办事处".encode() in raw  # not \\u-escaped
    data = json.loads(raw)
    assert next(iter(data)) == "schema_version"
    validate(data)
    write_json(read_json(first), second)
    assert second.read_bytes() == raw


def test_schema_is_in_step_with_the_model() -> None:
    sys.path.insert(0, str(REPO / "tools"))
    try:
        import generate_schema
    finally:
        sys.path.pop(0)
    assert json.loads(generate_schema.render()) == SCHEMA


def _reference_data(mingzhu: DutyList) -> dict[str, Any]:
    return to_data(mingzhu)


@pytest.mark.parametrize(
    ("mutate", "path"),
    [
        (lambda d: d["parts"][1]["categories"][0]["items"][3].update(number="4"),
         "$.parts[1].categories[0].items[3].number"),
        (lambda d: d["parts"][2]["categories"][1]["items"][0].pop("name"),
         "$.parts[2].categories[1].items[0].name"),
        (lambda d: d["parts"][0].update(kind="extra"), "$.parts[0].kind"),
        (lambda d: d["parts"][1]["categories"][0]["items"][0]["departments"][0].update(lead="yes"),
         "$.parts[1].categories[0].items[0].departments[0].lead"),
        (lambda d: d.update(title=None), "$.title"),
        (lambda d: d["metadata"].update(published="yesterday"), "$.metadata.published"),
    ],
)  # fmt: skip
def test_wrong_or_missing_fields_name_their_json_path(
    mingzhu: DutyList, mutate: Any, path: str
) -> None:
    data = _reference_data(mingzhu)
    mutate(data)
    with pytest.raises(FormatError) as info:
        from_data(json.loads(json.dumps(data)), source="m.json")
    assert info.value.message.endswith(f"@ {path}")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "文件为空"),
        (b"{not json", "不是有效的 JSON"),
        (b"[1, 2]", "应为 JSON 对象"),
        (b'{"title": "x"}', "schema_version"),
        (b"\xff\xfe\x00junk", "不是 UTF-8"),
    ],
)
def test_bad_json_files(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(FormatError, match=message) as info:
        read_json(path)
    assert info.value.location is not None
    assert info.value.location.file == str(path)


def test_missing_json_file(tmp_path: Path) -> None:
    with pytest.raises(ReadError):
        read_json(tmp_path / "none.json")
