from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from dutylist.cli import main
from tests.builders.corpus import Corpus, build_corpus


@pytest.fixture(scope="module")
def offices(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return build_corpus(
        tmp_path_factory.mktemp("offices"), seed=4, offices=4, unreadable=1, formats=("json",)
    )


def _invoke(*args: object):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.mark.parametrize("to", ["parquet", "csv"])
def test_export_writes_every_table_and_reports_unreadable_files(
    offices: Corpus, tmp_path: Path, to: str
):
    root = offices.offices[0].path.parents[2]
    result = _invoke("export", root, "-o", tmp_path, "--to", to, "-j", "1", "--duty-ids")
    assert result.exit_code == 0, result.output
    assert str(offices.unreadable[0]) in result.stderr
    tables = {p.name for p in tmp_path.iterdir()}
    assert tables == {"lists", "items", "clauses", "item_departments", "findings"}
    reader = "read_parquet" if to == "parquet" else "read_csv"
    ((count, with_ids),) = duckdb.sql(
        f"select count(*), count(duty_id) from {reader}('{tmp_path}/items/*/*.{to}', "
        "hive_partitioning=true)"
    ).fetchall()
    assert count > 0
    assert with_ids == count


def test_an_unknown_format_is_refused(offices: Corpus, tmp_path: Path):
    result = _invoke("export", offices.offices[0].path, "-o", tmp_path, "--to", "xml")
    assert result.exit_code == 2
