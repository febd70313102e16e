"""Lists printed to PDF by LibreOffice read back item for item as the .docx they came from."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import TYPE_CHECKING

import attrs
import pytest
from click.testing import CliRunner

from dutylist.cli import main
from dutylist.io.docx.read import read_docx
from dutylist.io.pdf.read import read_pdf
from dutylist.model import Clause, DutyList, Item
from tests.builders import sample_spec
from tests.builders.offices import expected_items
from tests.io.pdf.conftest import BUILDER_LAYOUTS, OFFICE_LAYOUTS, REFERENCE_VARIANTS
from tests.io.test_offices import LAYOUTS as OFFICE_LAYOUT_OF
from tests.io.test_offices import actual_items

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def read_render(
    libreoffice_renders: dict[str, tuple[Path, Path]],
) -> Callable[[str], tuple[DutyList, DutyList]]:
    """Return a function giving a render's list read from PDF and from .docx (read once)."""

    @functools.cache
    def read(name: str) -> tuple[DutyList, DutyList]:
        docx, pdf = libreoffice_renders[name]
        return read_pdf(pdf), read_docx(docx)

    return read


_CLAUSE_FIELDS = ("superior_duties", "local_duties", "working_method")


def _printable(clauses: tuple[Clause, ...]) -> tuple[Clause, ...]:
    """Return ``clauses`` as print shows them.

    Spaces at the end of a printed line leave no mark, so a clause that follows them in
    the same paragraph starts a line exactly as a new paragraph would.
    """
    result: list[Clause] = []
    for clause in clauses:
        if clause.same_paragraph and result and result[-1].printed != result[-1].printed.rstrip():
            result[-1] = attrs.evolve(result[-1], printed=result[-1].printed.rstrip())
            clause = attrs.evolve(clause, same_paragraph=False)  # noqa: PLW2901
        result.append(clause)
    return tuple(result)


def _as_printed(item: Item) -> Item:
    fields = {
        name: _printable(getattr(item, name)) for name in _CLAUSE_FIELDS if hasattr(item, name)
    }
    return attrs.evolve(item, **fields)


def _headings(duty_list: DutyList) -> list[str]:
    return [category.heading for part in duty_list.parts for category in part.categories]


def _assert_same_list(pdf: DutyList, docx: DutyList) -> None:
    assert pdf.title == docx.title
    assert pdf.front_matter == docx.front_matter
    assert len(pdf.items) == len(docx.items)
    for read, expected in zip(pdf.items, docx.items, strict=True):
        assert read == _as_printed(expected), expected.number
    assert [part.title for part in pdf.parts] == [part.title for part in docx.parts]
    assert [part.columns for part in pdf.parts] == [part.columns for part in docx.parts]
    assert _headings(pdf) == _headings(docx)
    assert pdf.unplaced == docx.unplaced


@pytest.mark.parametrize("name", sorted(REFERENCE_VARIANTS))
def test_the_reference_list_reads_back_exactly(
    read_render: Callable[[str], tuple[DutyList, DutyList]], name: str
) -> None:
    read, expected = read_render(name)
    assert len(read.items) == 293
    _assert_same_list(read, expected)


def test_only_the_invisible_trailing_spaces_differ(
    read_render: Callable[[str], tuple[DutyList, DutyList]],
) -> None:
    read, expected = read_render("reference")
    differing = [
        item.number for item, want in zip(read.items, expected.items, strict=True) if item != want
    ]
    assert differing == [88]  # 工作方式: "…监督检查。     3.接受并处理投诉举报。" in one paragraph


@pytest.mark.parametrize("layout", BUILDER_LAYOUTS)
def test_other_layouts_read_back_as_their_docx(
    read_render: Callable[[str], tuple[DutyList, DutyList]], layout: str
) -> None:
    read, expected = read_render(layout)
    assert read.parts == expected.parts
    _assert_same_list(read, expected)


def test_running_headers_are_unplaced_and_page_numbers_dropped(
    read_render: Callable[[str], tuple[DutyList, DutyList]],
) -> None:
    read, expected = read_render("decorations")
    assert read.parts == expected.parts
    assert [text.text for text in read.unplaced] == ["内部资料"]
    every_text = [read.title, *read.front_matter, *(u.text for u in read.unplaced)]
    assert not any(text.strip().isdigit() for text in every_text)


def test_rows_cut_by_a_page_break_are_joined(
    libreoffice_renders: dict[str, tuple[Path, Path]],
) -> None:
    import pdfplumber

    from dutylist.io.pdf.cells import TableRow
    from dutylist.io.pdf.page import read_page

    _docx, pdf = libreoffice_renders["reference"]
    continued = []  # pages whose first body row continues a row of the page before
    with pdfplumber.open(pdf) as document:
        for number, page in enumerate(document.pages, start=1):
            rows = [b for b in read_page(page, number, "x").blocks if isinstance(b, TableRow)]
            body = [row for row in rows[:2] if row.texts() != rows[0].texts() or row is rows[0]]
            if any(len(row.cells) > 1 and not row.cells[0].lines for row in body):
                continued.append(number)
    assert len(continued) >= 20  # the reference render cuts that many rows, many mid-paragraph
    # ... and the whole list reads back exactly (test_the_reference_list_reads_back_exactly).


def test_an_owner_password_pdf_is_read(
    owner_protected: tuple[Path, Path],
) -> None:
    docx, pdf = owner_protected
    assert b"/Encrypt" in pdf.read_bytes()
    assert read_pdf(pdf).parts == read_docx(docx).parts


def test_check_points_findings_at_pages(libreoffice_renders: dict[str, tuple[Path, Path]]) -> None:
    _docx, pdf = libreoffice_renders["reference"]
    result = CliRunner().invoke(main, ["check", str(pdf)])
    assert result.exit_code == 1, result.output
    located = [line for line in result.output.splitlines() if f"{pdf}，第 " in line]
    assert located
    assert all("页，表格第 " in line for line in located)


def test_convert_and_diff_accept_pdf(
    libreoffice_renders: dict[str, tuple[Path, Path]], tmp_path: Path
) -> None:
    docx, pdf = libreoffice_renders["line_breaks"]
    out = tmp_path / "list.json"
    converted = CliRunner().invoke(main, ["convert", str(pdf), str(out)])
    assert converted.exit_code == 0, converted.output
    assert json.loads(out.read_text(encoding="utf-8"))["parts"][0]["categories"]
    diffed = CliRunner().invoke(main, ["diff", str(docx), str(pdf)])
    assert diffed.exit_code == 0, diffed.output


@pytest.mark.parametrize("name", OFFICE_LAYOUTS)
def test_other_offices_lists_printed_to_pdf_read_item_for_item(
    libreoffice_renders: dict[str, tuple[Path, Path]], name: str
) -> None:
    _docx, pdf = libreoffice_renders[f"office:{name}"]
    duty_list = read_pdf(pdf)
    assert actual_items(duty_list) == expected_items(sample_spec(), OFFICE_LAYOUT_OF[name])
    assert duty_list.unplaced == ()
