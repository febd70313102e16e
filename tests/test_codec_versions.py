"""Files written by earlier releases still load (schema_version 1 → 2)."""

from __future__ import annotations

import json
from pathlib import Path

from dutylist.codec import SCHEMA_VERSION, from_data, to_data
from dutylist.io.json import read_json

DATA = Path(__file__).parent / "data"
EXAMPLES = Path(__file__).parents[1] / "examples"


def test_the_reference_list_saved_as_version_1_loads_equal_to_the_current_file() -> None:
    # tests/data/v1/mingzhu.json is examples/mingzhu.json as committed before version 2.
    old = read_json(DATA / "v1" / "mingzhu.json")
    assert json.loads((DATA / "v1" / "mingzhu.json").read_text("utf-8"))["schema_version"] == 1
    assert old == read_json(EXAMPLES / "mingzhu.json")
    assert to_data(old)["schema_version"] == SCHEMA_VERSION == 2


def test_version_1_remarks_and_basis_columns_move_from_extra_to_their_fields() -> None:
    item = {
        "kind": "basic",
        "number": 1,
        "name": "甲",
        "extra": {"备注": "已调整", "法律依据": "《条例》", "具体内容": "乙"},
    }
    data = {
        "schema_version": 1,
        "title": "某街道履行职责事项清单",
        "parts": [{"kind": "basic", "title": "基本履职事项清单", "categories": [
            {"ordinal": 1, "title": "党建", "heading": "一、党建", "items": [item]}
        ]}],
    }  # fmt: skip
    loaded = from_data(data).items[0]
    assert (loaded.remarks, loaded.basis, dict(loaded.extra)) == (
        "已调整",
        "《条例》",
        {"具体内容": "乙"},
    )
    assert item["extra"] == {
        "备注": "已调整",
        "法律依据": "《条例》",
        "具体内容": "乙",
    }  # not modified
