from __future__ import annotations

import json

import attrs
import pytest
from click.testing import CliRunner

from dutylist.cli import main
from dutylist.io import dump
from dutylist.model import PartKind
from tests.checks.model_builders import clean_list, replace_item


def _invoke(*args):
    return CliRunner().invoke(main, list(map(str, args)))


@pytest.fixture
def clean_file(tmp_path):
    path = tmp_path / "clean.json"
    dump(clean_list(), path)
    return path


@pytest.fixture
def warning_file(tmp_path):
    path = tmp_path / "warning.json"
    broken = replace_item(
        clean_list(), PartKind.BASIC, 2, lambda i: attrs.evolve(i, name="做好党员教育 管理")
    )
    dump(broken, path)
    return path


def test_clean_list_exits_0(clean_file):
    result = _invoke("check", clean_file)
    assert result.exit_code == 0
    assert "0 个错误，0 个警告，0 条提示" in result.output


def test_reference_list_exits_1(seed_path):
    result = _invoke("check", seed_path, "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["summary"]["error"] == 2
    codes = {finding["code"] for finding in data["findings"]}
    assert {"misspelt-department", "duplicate-category-title"} <= codes


def test_fail_on_decides_the_exit_code(warning_file):
    assert _invoke("check", warning_file).exit_code == 0
    assert _invoke("check", warning_file, "--fail-on", "warning").exit_code == 1


def test_baseline_round_trip(warning_file, tmp_path):
    baseline = tmp_path / "baseline.json"
    first = _invoke("check", warning_file, "--fail-on", "info", "--write-baseline", baseline)
    assert first.exit_code == 0
    assert baseline.exists()
    # --write-baseline says only what it wrote: no report
    assert first.stdout == ""
    assert "stray-space" not in first.stderr
    assert str(baseline) in first.stderr
    second = _invoke("check", warning_file, "--fail-on", "info", "--baseline", baseline)
    assert second.exit_code == 0
    # accepted findings are counted, not printed
    assert "stray-space" not in second.stdout
    assert "另有 1 个已被基线接受" in second.stdout
    shown = _invoke(
        "check", warning_file, "--fail-on", "info", "--baseline", baseline, "--show-accepted"
    )
    assert "stray-space" in shown.stdout
    assert "（已接受）" in shown.stdout


@pytest.mark.parametrize("fmt", ["github", "junit", "sarif", "text"])
def test_output_file(warning_file, tmp_path, fmt):
    out = tmp_path / f"report.{fmt}"
    result = _invoke("check", warning_file, "--format", fmt, "-o", out)
    assert result.exit_code == 0
    assert "stray-space" in out.read_text(encoding="utf-8")


def test_refuses_to_overwrite_the_input(warning_file):
    result = _invoke("check", warning_file, "-o", warning_file)
    assert result.exit_code == 2


def test_unusable_input_is_one_line_and_exit_2(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    result = _invoke("check", bad)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("dutylist: error:")


def test_bad_registry_file_is_exit_2(clean_file, tmp_path):
    registry = tmp_path / "reg.toml"
    registry.write_text("[[department]]\n", encoding="utf-8")
    assert _invoke("check", clean_file, "--departments", registry).exit_code == 2


def test_departments_option_resolves_a_new_department(tmp_path):
    path = tmp_path / "list.json"
    duty_list = replace_item(
        clean_list(),
        PartKind.COOPERATIVE,
        1,
        lambda i: attrs.evolve(
            i, departments=(attrs.evolve(i.departments[0], name="区数据资源管理中心"),)
        ),
    )
    dump(duty_list, path)
    assert "unknown-department" in _invoke("check", path).output
    registry = tmp_path / "reg.toml"
    registry.write_text(
        '[[department]]\ncanonical = "南关区数据资源管理中心"\naliases = ["区数据资源管理中心"]\n',
        encoding="utf-8",
    )
    assert "unknown-department" not in _invoke("check", path, "--departments", registry).output


def test_configuration_next_to_the_file(warning_file):
    (warning_file.parent / "dutylist.toml").write_text('fail_on = "warning"\n', encoding="utf-8")
    assert _invoke("check", warning_file).exit_code == 1


def test_departments_command(seed_path):
    result = _invoke("departments", seed_path)
    assert result.exit_code == 0
    assert "区住建局" in result.output
    assert "市市场监管局南关区分局 ×1" in result.output
    data = json.loads(_invoke("departments", seed_path, "--format", "json").stdout)
    housing = next(view for view in data if view["name"] == "区住建局")
    assert len(housing["receives"]) == 23
