from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dutylist.cli import main
from dutylist.corpus.batch import CheckOptions, check_file
from tests.builders.corpus import Corpus, build_corpus


@pytest.fixture(scope="module")
def offices(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return build_corpus(tmp_path_factory.mktemp("offices"), seed=8, offices=6, unreadable=2)


def _root(corpus: Corpus) -> Path:
    return corpus.offices[0].path.parents[2]


def _invoke(*args: object):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_a_folder_gives_a_summary_row_per_file_and_the_worst_exit_code(offices: Corpus):
    result = _invoke("check", _root(offices), "-j", "2")
    assert result.exit_code == 2  # two files cannot be read
    for path in offices.files:
        assert path.name in result.stdout
    assert "合计" in result.stdout


def test_readable_files_only_exit_with_their_worst_code(offices: Corpus):
    files = [plan.path for plan in offices.offices]
    result = _invoke("check", *files, "-j", "1")
    expected = max(check_file(str(path), CheckOptions()).exit_code for path in files)
    assert result.exit_code == expected


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_json_puts_every_finding_in_its_own_file(offices: Corpus, jobs: str):
    result = _invoke("check", _root(offices), "--format", "json", "-j", jobs)
    report = json.loads(result.stdout)
    files = {finding["location"]["source"]["file"] for finding in report["findings"]}
    assert files == {str(path) for path in offices.files}
    unreadable = [f for f in report["findings"] if f["code"] == "unreadable-file"]
    assert sorted(f["location"]["source"]["file"] for f in unreadable) == sorted(
        str(path) for path in offices.unreadable
    )
    for plan in offices.offices:
        alone = check_file(str(plan.path), CheckOptions()).report
        assert alone is not None
        mine = [
            f["code"]
            for f in report["findings"]
            if f["location"]["source"]["file"] == str(plan.path)
        ]
        assert mine == [finding.code for finding in alone.findings]


def test_github_annotations_name_each_file(offices: Corpus):
    result = _invoke("check", *(plan.path for plan in offices.offices[:2]), "--format", "github")
    for plan in offices.offices[:2]:
        assert f"file={plan.path}" in result.stdout


def test_a_glob_that_matches_nothing_is_reported_as_unreadable(offices: Corpus, tmp_path: Path):
    result = _invoke("check", offices.offices[0].path, str(tmp_path / "*.docx"))
    assert result.exit_code == 2
    assert "*.docx" in result.stdout


def test_baselines_are_refused_with_many_sources(offices: Corpus, tmp_path: Path):
    result = _invoke("check", _root(offices), "--write-baseline", tmp_path / "b.json")
    assert result.exit_code == 2
    assert not (tmp_path / "b.json").exists()
