"""The FORMATS table: one line per format, readers and writers looked up by name or suffix."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from dutylist import io as dutylist_io
from dutylist.errors import UsageError
from dutylist.io import FORMATS, Format, dump, format_for, load
from dutylist.model import DutyList

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_the_suffix_chooses_the_format() -> None:
    assert format_for("list.DOCX", None) is FORMATS["docx"]
    assert format_for("list.txt", None) is FORMATS["text"]
    assert format_for("list.wps", None) is FORMATS["doc"]


def test_a_name_overrides_the_suffix() -> None:
    assert format_for("list.dat", "json") is FORMATS["json"]


def test_an_unknown_suffix_or_name_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="后缀"):
        format_for("list.csv", None)
    with pytest.raises(UsageError, match="未知格式"):
        format_for("list.json", "csv")


def test_a_reader_gets_the_options_it_accepts() -> None:
    duty_list = load(EXAMPLES / "mingzhu.txt", rendering="attachment")
    assert duty_list.items


def test_an_option_the_reader_does_not_take_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="rendering"):
        load(EXAMPLES / "mingzhu.json", rendering="web")


def test_a_read_only_format_cannot_be_written(tmp_path: Path) -> None:
    duty_list = load(EXAMPLES / "mingzhu.json")
    with pytest.raises(UsageError, match="text"):
        dump(duty_list, tmp_path / "list.txt")
    assert not (tmp_path / "list.txt").exists()


def test_adding_a_format_is_one_line_in_the_table(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[object] = []

    def read_upper(source: object, *, shout: bool = False) -> DutyList:
        seen.append(shout)
        return load(EXAMPLES / "mingzhu.json")

    table = {
        **FORMATS,
        "upper": Format("upper", (".up",), read_upper, options=frozenset({"shout"})),
    }
    monkeypatch.setattr(dutylist_io, "FORMATS", table)

    assert load(io.BytesIO(b""), "upper", shout=True).items
    assert format_for("list.UP", None).name == "upper"
    assert seen == [True]
