"""Findings on a JSON list locate the JSON file (line and path) for CI, keeping the origin."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from dutylist.cli import main

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "mingzhu.json"


def _resolve(data: Any, path: str) -> Any:
    for key, index in re.findall(r"\.([^.\[]+)|\[(\d+)\]", path.removeprefix("$")):
        data = data[key] if key else data[int(index)]
    return data


def _value_starting_at(text: str, line: int) -> Any:
    """Decode the value on ``line`` (after its key, when the line holds a member)."""
    row = text.split("\n")[line - 1]
    start = sum(len(r) + 1 for r in text.split("\n")[: line - 1]) + len(row) - len(row.lstrip())
    decoder = json.JSONDecoder()
    value, end = decoder.raw_decode(text, start)
    after = text[end:].lstrip(" ")
    if isinstance(value, str) and after.startswith(":"):
        value_start = len(text) - len(after) + 1
        value_start += len(text[value_start:]) - len(text[value_start:].lstrip(" "))
        value = decoder.raw_decode(text, value_start)[0]
    return value


@pytest.fixture(scope="module")
def sarif(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("cwd")
    (folder / "lists").mkdir()
    (folder / "lists/mingzhu.json").write_bytes(EXAMPLE.read_bytes())
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        result = CliRunner().invoke(main, ["check", "lists/mingzhu.json", "--format", "sarif"])
    assert result.exit_code == 1, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_findings_point_at_the_line_of_their_item_in_the_json_file(sarif: dict[str, Any]):
    text = EXAMPLE.read_text(encoding="utf-8")
    data = json.loads(text)
    results = sarif["runs"][0]["results"]
    assert results
    for result in results:
        location = result["locations"][0]
        assert location["physicalLocation"]["artifactLocation"]["uri"] == "lists/mingzhu.json"
        path = location["logicalLocations"][-1]["fullyQualifiedName"]
        line = location["physicalLocation"]["region"]["startLine"]
        # the value starting on that line is the one the JSON path names
        assert _value_starting_at(text, line) == _resolve(data, path), path
        if ".items[" in path:
            item = _resolve(data, path[: path.index("]", path.index(".items[")) + 1])
            assert item["name"] in json.dumps(result, ensure_ascii=False) or item["number"]


def test_the_original_capture_is_kept_as_secondary_provenance(sarif: dict[str, Any]):
    with_origin = [r for r in sarif["runs"][0]["results"] if "relatedLocations" in r]
    assert with_origin
    origin = with_origin[0]["relatedLocations"][0]["physicalLocation"]
    assert origin["artifactLocation"]["uri"] == "examples/mingzhu.txt"
    assert origin["region"]["startLine"] > 0


def test_sarif_uris_are_relative_to_the_working_directory(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(REPO)
    result = CliRunner().invoke(main, ["check", str(EXAMPLE), "--format", "sarif"])
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in json.loads(result.stdout)["runs"][0]["results"]
    }
    assert uris == {"examples/mingzhu.json"}


def test_github_annotations_name_the_checked_file(tmp_path: Path):
    target = tmp_path / "list.json"
    target.write_bytes(EXAMPLE.read_bytes())
    result = CliRunner().invoke(main, ["check", str(target), "--format", "github"])
    lines = result.stdout.splitlines()
    assert lines
    for line in lines:
        assert f"file={target}," in line.replace("%3A", ":").replace("%2C", ",")
        assert re.search(r",line=\d+,", line)


def test_the_json_report_carries_path_and_origin():
    result = CliRunner().invoke(main, ["check", str(EXAMPLE), "--format", "json"])
    finding = json.loads(result.stdout)["findings"][0]
    assert finding["location"]["path"].startswith("$.parts[")
    assert finding["location"]["source"]["file"] == str(EXAMPLE)
    assert finding["location"]["origin"]["file"] == "examples/mingzhu.txt"
