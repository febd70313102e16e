"""The 新旧对照表 .docx: golden content, layout, typography, marks; opens in LibreOffice."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest

from dutylist.reports.changes.docx import BODY_FONT, COLUMNS, HEADING_FONT, render_docx
from tests.reports.docx_dump import dump_docx
from tests.reports.revision_pair import EXPECTED, pair


@pytest.fixture(scope="module")
def data() -> bytes:
    return render_docx(pair()[2])


def _document(data: bytes):
    import docx

    return docx.Document(io.BytesIO(data))


def test_the_content_matches_the_golden_file(data: bytes) -> None:
    expected = (EXPECTED / "mingzhu-revision.docx.txt").read_text(encoding="utf-8")
    assert dump_docx(data) == expected


def test_the_page_is_landscape_a4(data: bytes) -> None:
    section = _document(data).sections[0]
    assert round(section.page_width.cm, 1) == 29.7
    assert round(section.page_height.cm, 1) == 21.0


def test_one_table_per_part_with_a_repeated_header(data: bytes) -> None:
    from docx.oxml.ns import qn

    document = _document(data)
    _, _, changeset = pair()
    assert len(document.tables) == 3
    counts = [len(table.rows) - 1 for table in document.tables]
    assert sum(counts) == len(changeset.changes)
    for table in document.tables:
        header = table.rows[0]
        assert tuple(cell.text for cell in header.cells) == COLUMNS
        assert header._tr.trPr.find(qn("w:tblHeader")) is not None


def test_adjustment_types_are_the_official_words(data: bytes) -> None:
    document = _document(data)
    kinds = {row.cells[4].text for table in document.tables for row in table.rows[1:]}
    assert kinds == {"新增", "取消", "变更", "转类", "分设", "合并"}


def test_deletions_are_struck_and_insertions_underlined_in_colour(data: bytes) -> None:
    document = _document(data)
    runs = [
        run
        for table in document.tables
        for row in table.rows[1:]
        for cell in row.cells
        for paragraph in cell.paragraphs
        for run in paragraph.runs
    ]
    struck = {run.text for run in runs if run.font.strike}
    underlined = [run for run in runs if run.font.underline]
    assert "区人社局" in struck
    assert "引进" in {run.text for run in underlined}
    assert all(run.font.color.rgb is not None for run in underlined)


def test_fonts_are_fangsong_for_the_body_and_heiti_for_headings(data: bytes) -> None:
    from docx.oxml.ns import qn

    document = _document(data)

    def east_asian(run) -> str | None:
        return run._element.rPr.rFonts.get(qn("w:eastAsia"))

    assert east_asian(document.paragraphs[0].runs[0]) == HEADING_FONT
    cell = document.tables[0].rows[1].cells[3]
    assert east_asian(cell.paragraphs[0].runs[0]) == BODY_FONT


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_converts_it_to_pdf(data: bytes, tmp_path: Path) -> None:
    source = tmp_path / "changes.docx"
    source.write_bytes(data)
    profile = tmp_path / "profile"
    soffice = shutil.which("soffice")
    assert soffice is not None
    subprocess.run(  # noqa: S603 - our own arguments
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = (tmp_path / "changes.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    assert pdf.count(b"/Type /Page") + pdf.count(b"/Type/Page") >= 2
