"""``dutylist inspect`` and .xlsx/.html sources in every command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dutylist.cli import main
from dutylist.io.json import write_json
from dutylist.io.xlsx.write import write_xlsx
from dutylist.model import DutyList
from tests.builders import sample_spec
from tests.builders.offices import Office, build_html_office, build_xlsx_office

SPEC = sample_spec()


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_inspect_names_each_column_role_and_the_word_or_content_that_decided_it(
    tmp_path: Path,
) -> None:
    office = Office(headers={"departments": "区直部门", "local": "协作内容"}, remarks=True)
    path = build_xlsx_office(SPEC, office, tmp_path / "list.xlsx")
    code, out, _ = run("inspect", str(path))
    assert code == 0
    lines = out.splitlines()
    department = next(line for line in lines if line.startswith("  区直部门\t"))
    assert department.split("\t")[1] == "departments"
    assert "区直部门" in department.split("\t")[2]
    local = next(line for line in lines if line.startswith("  协作内容\t"))
    assert local.split("\t")[1] == "local_duties"  # no vocabulary word: the clauses decided
    assert "clauses" in local.split("\t")[2]
    remarks = next(line for line in lines if line.startswith("  备注\t"))
    assert remarks.split("\t")[1] == "remarks"
    categories = [line for line in lines if line.startswith("  配合履职事项清单\t")]
    assert [line.split("\t")[1] for line in categories] == [
        "一、经济发展（2项）",
        "二、应急管理及消防（2项）",
    ]
    assert "配合履职事项清单：4 项，2 个类别" in lines


def test_inspect_reports_an_unreadable_table_in_one_line(tmp_path: Path) -> None:
    office = Office(headers={"number": "栏一", "name": "栏二"})
    path = build_xlsx_office(SPEC, office, tmp_path / "list.xlsx")
    code, _, err = run("inspect", str(path))
    assert code == 0  # a number column and a text column: content places them
    bad = tmp_path / "bad.html"
    bad.write_text(
        "<html><body><h1>某街道履行职责事项清单</h1><p>基本履职事项清单</p><table>"
        "<tr><td>栏一</td><td>栏二</td></tr><tr><td>1</td><td>2</td></tr></table></body></html>",
        encoding="utf-8",
    )
    code, _, err = run("inspect", str(bad))
    assert code == 2
    assert err.startswith("dutylist: error: ")
    assert "表格 1，第 1 行" in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("suffix", [".xlsx", ".html"])
def test_every_command_accepts_xlsx_and_html_sources(tmp_path: Path, suffix: str) -> None:
    if suffix == ".xlsx":
        source = build_xlsx_office(SPEC, Office(), tmp_path / "list.xlsx")
    else:
        source = build_html_office(SPEC, Office(), tmp_path / "list.html")
    out = tmp_path / "list.json"
    code, _, _ = run("convert", str(source), str(out))
    assert code == 0
    data = json.loads(out.read_text("utf-8"))
    assert [sum(len(c["items"]) for c in p["categories"]) for p in data["parts"]] == [5, 4, 3]
    code, shown, _ = run("show", str(source))
    assert code == 0
    assert "配合履职事项清单" in shown
    code, _, _ = run("check", str(source))
    assert code in {0, 1}
    code, _, _ = run("diff", str(source), str(out))
    assert code == 0


def test_diff_between_an_xlsx_and_a_revised_json(tmp_path: Path, mingzhu: DutyList) -> None:
    xlsx = tmp_path / "m.xlsx"
    write_xlsx(mingzhu, xlsx)
    same = tmp_path / "m.json"
    write_json(mingzhu, same)
    code, _, _ = run("diff", str(xlsx), str(same))
    assert code == 0
    code, _, _ = run("convert", str(xlsx), str(tmp_path / "m.docx"))
    assert code == 0


def test_header_words_from_the_configuration_are_known(tmp_path: Path) -> None:
    office = Office(headers={"name": "甲乙丙"}, categories="（一）")
    path = build_xlsx_office(SPEC, office, tmp_path / "list.xlsx")
    (tmp_path / "dutylist.toml").write_text('[headers]\nname = ["甲乙丙"]\n', encoding="utf-8")
    code, out, _ = run("inspect", str(path))
    assert code == 0
    name = next(line for line in out.splitlines() if line.startswith("  甲乙丙\t"))
    assert name.split("\t")[1:] == ["name", "表头词“甲乙丙”"]


@pytest.mark.parametrize("suffix", [".xlsx", ".html"])
def test_xlsx_and_html_on_standard_input_are_told_apart(tmp_path: Path, suffix: str) -> None:
    if suffix == ".xlsx":
        source = build_xlsx_office(SPEC, Office(), tmp_path / "list.xlsx")
    else:
        source = build_html_office(SPEC, Office(), tmp_path / "list.html", encoding="gbk")
    result = CliRunner().invoke(
        main, ["convert", "-", "-", "--to", "json"], input=source.read_bytes()
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert [sum(len(c["items"]) for c in p["categories"]) for p in data["parts"]] == [5, 4, 3]
