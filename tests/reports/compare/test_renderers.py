from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import lxml.html
import pytest
from openpyxl import load_workbook

import dutylist
from dutylist.corpus.compare import Comparison, compare_lists
from dutylist.reports.compare import RENDERERS
from dutylist.reports.compare.common import kind_label, part_label
from tests.builders.corpus import build_corpus


@pytest.fixture(scope="module")
def comparison(tmp_path_factory: pytest.TempPathFactory) -> Comparison:
    corpus = build_corpus(
        tmp_path_factory.mktemp("offices"), seed=5, offices=5, unreadable=0, formats=("json",)
    )
    return compare_lists([(str(p.path), dutylist.load(p.path)) for p in corpus.offices])


def test_text_lists_every_difference_under_its_office(comparison: Comparison):
    text = RENDERERS["text"](comparison).decode("utf-8")
    for difference in comparison.differences:
        office = comparison.offices[difference.office]
        block = text.split(office.source, 1)[1].split("\n\n", 1)[0]
        assert kind_label(difference.kind) in block
        assert difference.duty.name in block


def test_markdown_matrix_has_a_row_per_duty_and_a_column_per_office(comparison: Comparison):
    markdown = RENDERERS["markdown"](comparison).decode("utf-8")
    table = markdown.split("## 事项对照矩阵", 1)[1].strip().splitlines()
    assert len(table) == 2 + len(comparison.duties)
    assert all(line.count(" | ") == len(comparison.offices) for line in table[2:])


def test_html_escapes_text_and_marks_each_cell(comparison: Comparison):
    page = lxml.html.fromstring(RENDERERS["html"](comparison))
    rows = page.xpath("//table[@id='matrix']/tbody/tr")
    assert len(rows) == len(comparison.duties)
    for row, (duty, parts) in zip(rows, comparison.matrix(), strict=True):
        cells = row.xpath("./td")
        assert cells[0].text_content() == duty.name
        assert [c.text_content() for c in cells[1:]] == [part_label(p) or "—" for p in parts]


def test_html_escapes_hostile_names():
    duty_list = dutylist.load(Path(__file__).resolve().parents[3] / "examples" / "mingzhu.json")
    import attrs

    first = duty_list.parts[0].categories[0]
    hostile_item = attrs.evolve(first.items[0], name="<script>alert(1)</script>")
    category = attrs.evolve(first, items=(hostile_item, *first.items[1:]))
    basic = attrs.evolve(
        duty_list.parts[0], categories=(category, *duty_list.parts[0].categories[1:])
    )
    hostile = attrs.evolve(duty_list, parts=(basic, *duty_list.parts[1:]))
    html = RENDERERS["html"](compare_lists([("a", duty_list), ("b", hostile)])).decode("utf-8")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_xlsx_holds_the_matrix_and_the_differences(comparison: Comparison):
    book = load_workbook(io.BytesIO(RENDERERS["xlsx"](comparison)))
    matrix, differences = book.worksheets
    assert matrix.max_row == 2 + len(comparison.duties)
    assert matrix.max_column == 2 + len(comparison.offices)
    ids = [row[0] for row in matrix.iter_rows(min_row=3, values_only=True)]
    assert ids == [duty.id for duty in comparison.duties]
    assert differences.max_row == 1 + len(comparison.differences)


CHROMIUM = shutil.which("chromium")


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")
def test_html_renders_in_chromium(comparison: Comparison, tmp_path: Path):
    page = tmp_path / "compare.html"
    page.write_bytes(RENDERERS["html"](comparison))
    assert CHROMIUM is not None
    dom = subprocess.run(  # noqa: S603 - our own page in a local browser
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    rendered = lxml.html.fromstring(dom)
    assert len(rendered.xpath("//table[@id='matrix']/tbody/tr")) == len(comparison.duties)
    assert len(rendered.xpath("//section[@class='office']")) == len(comparison.offices)
