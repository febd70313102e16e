from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from dutylist.cli import main
from tests.builders.corpus import Corpus, build_corpus


@pytest.fixture(scope="module")
def offices(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return build_corpus(
        tmp_path_factory.mktemp("offices"), seed=2, offices=4, unreadable=1, formats=("json",)
    )


def _invoke(*args: object):
    return CliRunner().invoke(main, [str(a) for a in args])


def _root(corpus: Corpus) -> Path:
    return corpus.offices[0].path.parents[2]


def test_compare_reports_each_office_and_notes_unreadable_files(offices: Corpus):
    result = _invoke("compare", _root(offices))
    assert result.exit_code == 0, result.output
    for plan in offices.offices:
        assert str(plan.path) in result.stdout
    assert str(offices.unreadable[0]) in result.stderr


def test_exit_code_on_request_when_offices_differ(offices: Corpus):
    assert _invoke("compare", _root(offices), "--exit-code").exit_code == 1


def test_xlsx_goes_to_a_file_or_a_pipe(offices: Corpus, tmp_path: Path):
    piped = _invoke("compare", _root(offices), "--format", "xlsx")
    assert piped.exit_code == 0
    assert piped.stdout_bytes[:2] == b"PK"
    out = tmp_path / "matrix.xlsx"
    result = _invoke("compare", _root(offices), "--format", "xlsx", "-o", out)
    assert result.exit_code == 0, result.output
    sheet = load_workbook(out).worksheets[0]
    assert sheet.max_column == 2 + len(offices.offices)


def test_one_readable_list_is_not_enough(offices: Corpus):
    result = _invoke("compare", offices.offices[0].path, offices.unreadable[0])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_a_template_is_shown_first(offices: Corpus):
    template, *others = (plan.path for plan in offices.offices)
    result = _invoke("compare", *others, "--template", template, "--format", "markdown")
    assert result.exit_code == 0, result.output
    assert "模板" in result.stdout.split("## 事项对照矩阵")[1].splitlines()[2]
