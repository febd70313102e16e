"""Item history reports: text, Markdown, HTML (checked in headless Chromium) and JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dutylist import schemas
from dutylist.cli import main
from dutylist.diff.history import History, history
from dutylist.io import dump
from dutylist.model import DutyList
from dutylist.reports.history import render_html, render_markdown, render_text, to_data
from tests.diff.series import planted_series
from tests.reports.changes.test_html_chromium import check_html, needs_chromium


@pytest.fixture(scope="module")
def series(mingzhu: DutyList) -> list[DutyList]:
    return planted_series(mingzhu, versions=3, seed=5)[0]


@pytest.fixture(scope="module")
def found(series: list[DutyList]) -> History:
    return history(series, labels=["2023版", "2024版", "2025版"])


def _renamed(found: History) -> tuple[int, str, str]:
    for lineage in found.lineages:
        for event in lineage.events:
            if event.kind.value == "renamed":
                return lineage.id, event.detail, event.name
    raise AssertionError("no rename planted")


def test_text_lists_each_changed_item_with_its_events(found: History) -> None:
    text = render_text(found)
    assert text.startswith("清单事项沿革\n3 个版本，")
    assert "2023版 → 2024版 → 2025版\n" in text
    identifier, old, new = _renamed(found)
    assert f"\n#{identifier} {new}\n  2023版  出现  " in text
    assert f"{new}（原名「{old}」）\n" in text
    unchanged = [lineage for lineage in found.lineages if len(lineage.events) == 1]
    assert unchanged
    assert f"\n#{unchanged[0].id} " not in text


def test_markdown_has_a_table_per_item(found: History) -> None:
    markdown = render_markdown(found)
    identifier, _, new = _renamed(found)
    assert (
        f'<a id="item-{identifier}"></a>\n\n## #{identifier} {new}\n\n| 版本 | 变化 | 事项 |'
        in (markdown)
    )


def test_json_validates_against_the_shipped_schema(found: History) -> None:
    import jsonschema

    data = json.loads(json.dumps(to_data(found), ensure_ascii=False))
    validator = jsonschema.Draft202012Validator(
        schemas.load("history"), registry=schemas.registry()
    )
    assert list(validator.iter_errors(data)) == []
    assert len(data["lineages"]) == len(found.lineages)
    assert "history" in schemas.NAMES


def test_the_command_follows_one_item(series: list[DutyList], tmp_path: Path) -> None:
    paths = []
    for index, version in enumerate(series, start=1):
        path = tmp_path / f"v{index}.json"
        dump(version, path)
        paths.append(str(path))
    found = history(series)
    whole = next(lineage for lineage in found.lineages if lineage.children)
    result = CliRunner().invoke(
        main, ["history", *paths, "--item", whole.names[0], "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [lineage["id"] for lineage in data["lineages"]] == sorted([whole.id, *whole.children])
    assert [version["label"] for version in data["versions"]] == ["v1", "v2", "v3"]
    missing = CliRunner().invoke(main, ["history", *paths, "--item", "没有这个事项"])
    assert missing.exit_code == 2
    assert "没有这个事项" in missing.output


@needs_chromium
def test_the_html_loads_in_headless_chromium(found: History, tmp_path: Path) -> None:
    page = tmp_path / "history.html"
    page.write_text(render_html(found), encoding="utf-8")
    identifier, _, new = _renamed(found)
    expect = ("清单事项沿革", f"#{identifier} {new}", "2023版 → 2024版 → 2025版")
    assert check_html.check(page, expect=expect) == []
