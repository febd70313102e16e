"""``dutylist departments``: the department view and ``--init``, in the list's own places."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner

from dutylist.cli import main
from dutylist.departments.registry import Registry, ResolutionKind
from dutylist.io import dump, load
from tests.checks.renaming import Place, rename

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "mingzhu.json"
WUHOU = Place("四川省", "成都市", "武侯", "区", "玉林", "街道")


def _invoke(*args: object):
    return CliRunner().invoke(main, [str(arg) for arg in args])


@pytest.fixture(scope="module")
def moved(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("wuhou") / "yulin.json"
    dump(rename(load(EXAMPLE), WUHOU), path)
    return path


def test_the_view_uses_the_lists_own_places(moved: Path) -> None:
    result = _invoke("departments", moved, "--format", "json")
    assert result.exit_code == 0
    views = {view["name"]: view for view in json.loads(result.stdout)}
    assert views["区住建局"]["canonical"] == "武侯区住房和城乡建设局"
    assert views["市公安局武侯区分局"]["canonical"] == "成都市公安局武侯区分局"
    assert "南关" not in result.stdout


def test_init_writes_a_registry_that_reads_back(moved: Path, tmp_path: Path) -> None:
    result = _invoke("departments", moved, "--init")
    assert result.exit_code == 0
    registry_file = tmp_path / "departments.toml"
    registry_file.write_text(result.stdout, encoding="utf-8")
    registry = Registry.from_files([registry_file])
    housing = registry.normalise("区住建局")
    assert (housing.canonical, housing.kind) == (
        "武侯区住房和城乡建设局",
        ResolutionKind.ABBREVIATION,
    )
    assert registry.normalise("市公安局武侯分区局").kind is ResolutionKind.UNKNOWN  # commented out
    checked = _invoke("check", moved, "--departments", registry_file, "--format", "json")
    codes = {finding["code"] for finding in json.loads(checked.stdout)["findings"]}
    assert "misspelt-department" in codes
    assert "unknown-department" not in codes


@pytest.mark.parametrize("command", ["check", "departments", "diff"])
def test_a_malformed_registry_is_one_error_and_exit_2(
    moved: Path, tmp_path: Path, command: str
) -> None:
    registry_file = tmp_path / "bad.toml"
    registry_file.write_text('mode = "merge"\n', encoding="utf-8")
    inputs = [moved, moved] if command == "diff" else [moved]
    result = _invoke(command, *inputs, "--departments", registry_file)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("dutylist: error:")
    assert "bad.toml" in result.stderr


def test_office_option_replaces_the_title(tmp_path: Path) -> None:
    duty_list = rename(load(EXAMPLE), WUHOU)
    path = tmp_path / "untitled.json"
    dump(attrs.evolve(duty_list, title="履行职责事项清单", office=None), path)
    plain = json.loads(_invoke("departments", path, "--format", "json").stdout)
    placed = json.loads(
        _invoke(
            "departments", path, "--office", "四川省成都市武侯区玉林街道", "--format", "json"
        ).stdout
    )
    assert {view["canonical"] for view in placed} >= {"武侯区住房和城乡建设局"}
    assert "武侯区住房和城乡建设局" not in {view["canonical"] for view in plain}


def test_an_unreadable_office_is_one_error(moved: Path) -> None:
    result = _invoke("check", moved, "--office", "某某单位")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "某某单位" in result.stderr
