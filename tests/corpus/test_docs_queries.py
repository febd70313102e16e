"""The DuckDB questions of docs/many-lists.md give the planted answers on a generated county."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import duckdb
import pytest

import dutylist
from dutylist.corpus.compare import duty_ids_of
from dutylist.corpus.export import export
from dutylist.corpus.sources import expand
from dutylist.model import CooperativeItem, PartKind
from tests.builders.corpus import Corpus, base_list, build_corpus

PAGE = Path(__file__).resolve().parents[2] / "docs" / "many-lists.md"
TOOL = Path(__file__).resolve().parents[2] / "tools" / "export_columns.py"


def _queries() -> list[str]:
    return re.findall(r"```sql\n(.*?)```", PAGE.read_text(encoding="utf-8"), re.DOTALL)


@pytest.fixture(scope="module")
def county(tmp_path_factory: pytest.TempPathFactory) -> tuple[Corpus, Path]:
    root = tmp_path_factory.mktemp("county")
    corpus = build_corpus(
        root / "lists", seed=21, offices=10, counties=1, unreadable=1, formats=("json",)
    )
    sources = expand([str(root / "lists")])
    ids = duty_ids_of(sources, jobs=1)
    export(sources, root / "export", to="parquet", jobs=1, duty_ids=ids)
    return corpus, root


def _run(root: Path, query: str) -> list[tuple]:
    query = query.replace("'export/", f"'{root}/export/").replace("LIMIT 10", "")
    return duckdb.connect().sql(query).fetchall()


def test_the_page_has_three_questions():
    assert len(_queries()) == 3


def test_the_column_tables_are_the_ones_the_export_writes():
    import importlib.util

    spec = importlib.util.spec_from_file_location("export_columns", TOOL)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    page = PAGE.read_text(encoding="utf-8")
    documented = page.split("<!-- columns -->\n", 1)[1].split("<!-- /columns -->", 1)[0]
    assert documented == module.columns_markdown()


def test_duties_most_offices_list_as_basic(county: tuple[Corpus, Path]):
    corpus, root = county
    offices = len(corpus.offices)
    expected = []
    for item in base_list(3).items:
        if item.kind is not PartKind.BASIC:
            continue
        lost = sum(
            1 for plan in corpus.offices if item.name in plan.missing or item.name in plan.moved
        )
        expected.append(offices - lost)
    moved_in = Counter(
        name
        for plan in corpus.offices
        for name, (_, to) in plan.moved.items()
        if to is PartKind.BASIC
    )
    expected += list(moved_in.values())
    expected += [1 for plan in corpus.offices for _ in plan.extra]
    rows = _run(root, _queries()[0])
    assert sorted((count for _, _, count in rows), reverse=True) == sorted(
        (count for count in expected if count), reverse=True
    )


def test_departments_given_the_most_cooperative_items(county: tuple[Corpus, Path]):
    corpus, root = county
    items: Counter[str] = Counter()
    offices: dict[str, set[str]] = {}
    for plan in corpus.offices:
        for item in dutylist.load(plan.path).items:
            if isinstance(item, CooperativeItem):
                for department in item.departments:
                    items[department.name] += 1
                    offices.setdefault(department.name, set()).add(str(plan.path))
    rows = _run(root, _queries()[1])
    assert {name: (count, held) for name, count, held in rows} == {
        name: (count, len(offices[name])) for name, count in items.items()
    }


def test_offices_lacking_a_duty_most_of_their_county_has(county: tuple[Corpus, Path]):
    corpus, root = county
    missing_in: Counter[str] = Counter(name for plan in corpus.offices for name in plan.missing)
    expected = {
        (plan.path, name)
        for plan in corpus.offices
        for name in plan.missing
        if missing_in[name] == 1
    }
    assert expected
    rows = _run(root, _queries()[2])
    lists = dict(
        duckdb.connect()
        .sql(f"select office, source from read_parquet('{root}/export/lists/*/*.parquet')")
        .fetchall()
    )
    items = f"read_parquet('{root}/export/items/*/*.parquet')"
    names = duckdb.connect().sql(f"select duty_id, list(distinct name) from {items} group by 1")
    duty_names = {duty: set(variants) for duty, variants in names.fetchall()}
    got = set()
    for _, office, duty in rows:
        variants = duty_names[duty]
        base = next(n for n in sorted(variants) if any(n in p.missing for p in corpus.offices))
        got.add((Path(lists[office]), base))
    assert got == expected
