from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

import dutylist
from dutylist.corpus.batch import CheckOptions, check_file
from dutylist.corpus.export import export, list_id
from dutylist.corpus.sources import expand
from dutylist.corpus.tables import TABLES, UNKNOWN_PROVINCE
from tests.builders.corpus import Corpus


@pytest.fixture(scope="module")
def exported(corpus: Corpus, corpus_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export")
    summary = export(expand([str(corpus_root)]), out, to="parquet", jobs=2)
    assert summary.lists == len(corpus.offices)
    assert sorted(Path(p) for p, _ in summary.unreadable) == sorted(corpus.unreadable)
    return out


def _sql(folder: Path, table: str, query: str, suffix: str = "parquet") -> list[tuple]:
    reader = "read_parquet" if suffix == "parquet" else "read_csv"
    source = f"{reader}('{folder}/{table}/*/*.{suffix}', hive_partitioning=true)"
    return duckdb.connect().sql(query.format(t=source)).fetchall()


def test_every_table_has_its_documented_columns_and_types(exported: Path):
    for table, columns in TABLES.items():
        for path in (exported / table).glob("*/*.parquet"):
            schema = pq.read_schema(path)
            assert schema.names == [c.name for c in columns]
            types = {"string": "string", "int32": "int32", "bool": "bool", "date": "date32[day]"}
            assert [str(t) for t in schema.types] == [types[c.type] for c in columns]


def test_tables_are_partitioned_by_province(corpus: Corpus, exported: Path):
    provinces = {plan.province for plan in corpus.offices}
    folders = {p.name for p in (exported / "items").iterdir()}
    assert folders == {f"province={p}" for p in provinces}
    assert {p.name for p in (exported / "lists").iterdir()} == folders | {
        f"province={UNKNOWN_PROVINCE}"
    }


def test_the_items_table_holds_every_item_of_every_list(corpus: Corpus, exported: Path):
    rows = _sql(exported, "items", "select list_id, count(*) from {t} group by 1")
    counts = dict(rows)
    for plan in corpus.offices:
        assert counts[list_id(str(plan.path))] == len(dutylist.load(plan.path).items)


def test_findings_and_counts_match_a_single_check(corpus: Corpus, exported: Path):
    plan = next(p for p in corpus.offices if p.defects)
    result = check_file(str(plan.path), CheckOptions())
    assert result.report is not None
    ident = list_id(str(plan.path))
    codes = _sql(exported, "findings", f"select code from {{t}} where list_id = '{ident}'")
    assert sorted(code for (code,) in codes) == sorted(f.code for f in result.report.findings)
    (errors,) = _sql(exported, "lists", f"select errors from {{t}} where list_id = '{ident}'")
    assert errors[0] == result.report.counts()[dutylist.Severity.ERROR]


def test_unreadable_files_are_recorded_in_the_lists_table(corpus: Corpus, exported: Path):
    rows = _sql(
        exported, "lists", "select source, unreadable from {t} where unreadable is not null"
    )
    assert sorted(Path(source) for source, _ in rows) == sorted(corpus.unreadable)


def test_departments_of_the_planted_department_change_are_exported(corpus: Corpus, exported: Path):
    plan = next(p for p in corpus.offices if p.department)
    ((name, department),) = plan.department.items()
    ident = list_id(str(plan.path))
    rows = _sql(
        exported,
        "item_departments",
        "select department from {t} "
        f"where list_id = '{ident}' and item_name = '{name.replace(chr(39), chr(39) * 2)}'",
    )
    assert rows == [(department,)]


def test_csv_gives_the_same_rows_as_parquet(corpus: Corpus, exported: Path, tmp_path: Path):
    export(expand([str(p.path) for p in corpus.offices[:6]]), tmp_path, to="csv", jobs=1)
    idents = ", ".join(f"'{list_id(str(p.path))}'" for p in corpus.offices[:6])
    query = (
        "select list_id, part, position, name from {t} "
        f"where list_id in ({idents}) order by 1, 2, 3"
    )
    assert _sql(tmp_path, "items", query, "csv") == _sql(exported, "items", query)


def test_csv_cells_that_look_like_formulas_are_neutralised(tmp_path: Path, corpus: Corpus):
    duty_list = dutylist.load(corpus.offices[0].path)
    import attrs

    first = duty_list.parts[0].categories[0]
    item = attrs.evolve(first.items[0], name='=HYPERLINK("http://x")')
    category = attrs.evolve(first, items=(item, *first.items[1:]))
    part = attrs.evolve(
        duty_list.parts[0], categories=(category, *duty_list.parts[0].categories[1:])
    )
    hostile = attrs.evolve(duty_list, parts=(part, *duty_list.parts[1:]))
    source = tmp_path / "hostile.json"
    dutylist.dump(hostile, source)
    export(expand([str(source)]), tmp_path / "out", to="csv", jobs=1)
    text = next((tmp_path / "out" / "items").glob("*/*.csv")).read_text(encoding="utf-8")
    assert "'=HYPERLINK" in text
    assert ",=HYPERLINK" not in text
