"""``dutylist diff``: formats, output files, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dutylist.cli import main
from dutylist.io import dump
from tests.diff.test_changes import validate
from tests.reports.revision_pair import pair


def _invoke(*args: object):
    return CliRunner().invoke(main, [str(arg) for arg in args])


@pytest.fixture(scope="module")
def lists(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("lists")
    old, new, _ = pair()
    dump(old, folder / "old.json")
    dump(new, folder / "new.json")
    return folder / "old.json", folder / "new.json"


def test_text_report_on_the_terminal(lists: tuple[Path, Path]) -> None:
    result = _invoke("diff", *lists)
    assert result.exit_code == 0
    assert "分设" in result.output


def test_exit_code_1_when_the_lists_differ(lists: tuple[Path, Path]) -> None:
    assert _invoke("diff", *lists, "--exit-code").exit_code == 1
    assert _invoke("diff", lists[0], lists[0], "--exit-code").exit_code == 0


@pytest.mark.parametrize("fmt", ["markdown", "html", "json", "text"])
def test_each_format_writes_a_file(lists: tuple[Path, Path], tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"report.{fmt}"
    result = _invoke("diff", *lists, "--format", fmt, "-o", out)
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 1000


def test_json_goes_to_stdout(lists: tuple[Path, Path]) -> None:
    result = _invoke("diff", *lists, "--format", "json")
    data = json.loads(result.stdout)
    validate(data)
    assert data["changeset_version"] == 1
    assert {change["kind"] for change in data["changes"]} >= {"split", "merged", "moved"}


def test_a_missing_file_is_exit_2(lists: tuple[Path, Path], tmp_path: Path) -> None:
    result = _invoke("diff", lists[0], tmp_path / "missing.json")
    assert result.exit_code == 2
    assert "missing.json" in result.output


def test_the_output_may_not_be_an_input(lists: tuple[Path, Path]) -> None:
    result = _invoke("diff", *lists, "--format", "json", "-o", lists[1])
    assert result.exit_code == 2


def test_docx_needs_an_output_file(lists: tuple[Path, Path]) -> None:
    assert _invoke("diff", *lists, "--format", "docx").exit_code == 2


def test_redline_needs_docx(lists: tuple[Path, Path], tmp_path: Path) -> None:
    result = _invoke("diff", *lists, "--redline", "-o", tmp_path / "x.md")
    assert result.exit_code == 2


def _document_xml(path: Path) -> str:
    """Return the body of a written .docx, its revision dates (the time of writing) blanked."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    return re.sub(r'w:date="[^"]*"', 'w:date=""', xml)


def test_format_redline_writes_the_tracked_list(lists: tuple[Path, Path], tmp_path: Path) -> None:
    out = tmp_path / "tracked.docx"
    result = _invoke("diff", *lists, "--format", "redline", "-o", out)
    assert result.exit_code == 0, result.output
    body = _document_xml(out)
    assert "<w:ins " in body
    assert "<w:del " in body
    # --format docx --redline, the older spelling, writes the same document
    older = tmp_path / "older.docx"
    assert _invoke("diff", *lists, "--format", "docx", "--redline", "-o", older).exit_code == 0
    assert _document_xml(older) == body


def test_format_redline_needs_an_output_file(lists: tuple[Path, Path]) -> None:
    result = _invoke("diff", *lists, "--format", "redline")
    assert result.exit_code == 2
    assert result.stderr == "dutylist: error: --format redline 需要用 -o/--output 指定文件\n"


@pytest.mark.parametrize(
    ("spelling", "named"),
    [
        (("--format", "redline"), "--format redline"),
        (("--format", "docx", "--redline"), "--redline"),
    ],
)
@pytest.mark.parametrize("narrowing", [("--substantive-only",), ("--department", "区人社局")])
def test_the_redline_cannot_be_filtered(
    lists: tuple[Path, Path],
    tmp_path: Path,
    spelling: tuple[str, ...],
    named: str,
    narrowing: tuple[str, ...],
) -> None:
    out = tmp_path / "tracked.docx"
    result = _invoke("diff", *lists, *spelling, *narrowing, "-o", out)
    assert result.exit_code == 2
    assert result.stderr == f"dutylist: error: {named} 显示全部变更，不能筛选\n"
    assert not out.exists()


def _changes(*args: object) -> list[dict[str, object]]:
    result = _invoke("diff", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    validate(data)
    changes: list[dict[str, object]] = data["changes"]
    return changes


def test_substantive_only_hides_cosmetic_changes(lists: tuple[Path, Path]) -> None:
    every = _changes(*lists)
    substantive = _changes(*lists, "--substantive-only")
    assert any(change["classification"] == "cosmetic" for change in every)
    assert substantive == [c for c in every if c["classification"] == "substantive"]


def test_department_keeps_the_changes_naming_it(lists: tuple[Path, Path]) -> None:
    from dutylist.diff.content import department_names
    from dutylist.diff.serialize import from_data

    def names(change: dict[str, object]) -> set[str]:
        data = {"changeset_version": 1, "old": {"title": "", "source_file": None, "version": None}}
        data |= {"new": data["old"], "changes": [change]}
        (parsed,) = from_data(data).changes
        items = (*parsed.old_items, *parsed.new_items)
        return {name for item in items for name in department_names(item)}

    every = _changes(*lists)
    kept = _changes(*lists, "--department", "区人社局")
    assert kept
    assert kept == [c for c in every if names(c) & {"区人社局", "区人力资源和社会保障局"}]
    # the canonical name finds the same changes
    assert _changes(*lists, "--department", "区人力资源和社会保障局") == kept
    assert _changes(*lists, "--department", "没有这个部门") == []


def _department_change(data: dict) -> dict:
    (change,) = data["changes"]
    (field,) = change["fields"]
    return field


def test_diff_honours_departments_and_the_configuration(tmp_path: Path) -> None:
    import attrs

    from dutylist.model import PartKind
    from dutylist.parse.cells import parse_departments
    from tests.checks.model_builders import clean_list, replace_item

    old = replace_item(
        clean_list(),
        PartKind.COOPERATIVE,
        1,
        lambda i: attrs.evolve(i, departments=parse_departments("区数据资源管理中心")),
    )
    new = replace_item(
        old,
        PartKind.COOPERATIVE,
        1,
        lambda i: attrs.evolve(i, departments=parse_departments("区数据中心")),
    )
    dump(old, tmp_path / "old.json")
    folder = tmp_path / "new"
    folder.mkdir()
    dump(new, folder / "new.json")
    registry = tmp_path / "departments.toml"
    registry.write_text(
        '[[department]]\ncanonical = "南关区数据资源管理中心"\nabbreviation = "区数据中心"\n'
        'aliases = ["区数据资源管理中心"]\n',
        encoding="utf-8",
    )
    args = ("diff", tmp_path / "old.json", folder / "new.json", "--format", "json")
    plain = _department_change(json.loads(_invoke(*args).stdout))
    assert plain["classification"] == "substantive"
    option = _department_change(json.loads(_invoke(*args, "--departments", registry).stdout))
    assert option["classification"] == "cosmetic"
    (folder / "dutylist.toml").write_text(
        f'departments = ["{registry.as_posix()}"]\n', encoding="utf-8"
    )
    configured = _department_change(json.loads(_invoke(*args).stdout))
    assert configured["classification"] == "cosmetic"


def test_the_department_table_uses_the_lists_own_places(tmp_path: Path) -> None:
    from tests.checks.renaming import Place, rename

    old, new, _ = pair()
    wuhou = Place("四川省", "成都市", "武侯", "区", "玉林", "街道")
    dump(rename(old, wuhou), tmp_path / "old.json")
    dump(rename(new, wuhou), tmp_path / "new.json")
    data = json.loads(
        _invoke("diff", tmp_path / "old.json", tmp_path / "new.json", "--format", "json").stdout
    )
    names = [row["department"] for row in data["summary"]["departments"]]
    assert "武侯区人力资源和社会保障局" in names
    assert not any("南关" in name for name in names)
