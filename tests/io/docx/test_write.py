"""The .docx writer: publication layout, and what it writes reads back to the same model."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from lxml import etree

from dutylist.io.docx.package import BODY_FONT, HEADING_FONT
from dutylist.io.docx.read import read_docx
from dutylist.io.docx.write import docx_bytes, write_docx
from dutylist.model import DutyList, RecalledItem
from tests.builders import LAYOUT_VARIANTS, build_docx, sample_spec
from tests.strategies import cjk, duty_lists

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def _read_back(duty_list: DutyList) -> DutyList:
    return read_docx(io.BytesIO(docx_bytes(duty_list)))


def _document(data: bytes, part: str = "word/document.xml") -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read(part))


def _val(element: etree._Element, path: str) -> str | None:
    found = element.find(path, NS)
    return None if found is None else found.get(f"{{{W}}}val")


# -- round trips ------------------------------------------------------------------------


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(duty_lists())
def test_model_to_docx_to_model_is_the_identity(duty_list: DutyList) -> None:
    assert _read_back(duty_list) == duty_list


def test_the_reference_list_reads_back_unchanged(mingzhu: DutyList, tmp_path: Path) -> None:
    path = tmp_path / "mingzhu.docx"
    write_docx(mingzhu, path)
    back = read_docx(path)
    assert back == mingzhu
    assert [len(part.items) for part in back.parts] == [93, 106, 94]
    assert back.unplaced == ()


@pytest.mark.parametrize("name", sorted(LAYOUT_VARIANTS))
def test_docx_to_model_to_docx_to_model_is_the_identity(tmp_path: Path, name: str) -> None:
    source = build_docx(sample_spec(), tmp_path / f"{name}.docx", LAYOUT_VARIANTS[name])
    first = read_docx(source)
    written = tmp_path / "written.docx"
    write_docx(first, written)
    second = read_docx(written)
    assert second == first


def test_a_discontinued_duty_is_printed_on_the_working_method_line(mingzhu: DutyList) -> None:
    root = _document(docx_bytes(mingzhu))
    texts = {"".join(p.itertext()) for p in root.iter(f"{{{W}}}p")}
    assert "工作方式：不再开展此项工作" in texts
    assert any(isinstance(item, RecalledItem) and item.discontinued for item in mingzhu.items)


def test_text_xml_cannot_carry_is_made_visible(mingzhu: DutyList, tmp_path: Path) -> None:
    part = mingzhu.parts[0]
    category = attrs.evolve(
        part.categories[0],
        items=(attrs.evolve(part.categories[0].items[0], name="控制\x01字符\x1b[31m"),),
    )
    odd = attrs.evolve(
        mingzhu,
        parts=(attrs.evolve(part, categories=(category,)), *mingzhu.parts[1:]),
        metadata=attrs.evolve(mingzhu.metadata, version="版\x1b[31m\ud800"),
    )
    target = tmp_path / "odd.docx"
    write_docx(odd, target)
    again = read_docx(target)
    assert again.parts[0].categories[0].items[0].name == "控制\u2401字符\u241b[31m"
    assert again.metadata.version == "版\u241b[31m\ufffd"


# -- publication layout -----------------------------------------------------------------


def test_each_part_is_a_heading_and_one_table(mingzhu: DutyList) -> None:
    root = _document(docx_bytes(mingzhu))
    body = root.find("w:body", NS)
    assert body is not None
    tables = body.findall("w:tbl", NS)
    assert len(tables) == 3
    for table, part in zip(tables, mingzhu.parts, strict=True):
        heading = table.getprevious()
        assert heading is not None
        assert _val(heading, "w:pPr/w:pStyle") == "DutyListPartTitle"
        assert "".join(heading.itertext()) == part.title
        rows = table.findall("w:tr", NS)
        assert rows[0].find("w:trPr/w:tblHeader", NS) is not None
        assert all(row.find("w:trPr/w:tblHeader", NS) is None for row in rows[1:])
        spans = [_val(row, "w:tc/w:tcPr/w:gridSpan") for row in rows]
        assert spans.count(str(len(part.columns))) == len(part.categories)
        assert len(rows) == 1 + len(part.categories) + len(part.items)


def test_pages_are_a4_and_landscape_for_five_columns(mingzhu: DutyList) -> None:
    root = _document(docx_bytes(mingzhu))
    sections = root.findall(".//w:sectPr", NS)
    sizes = [
        (int(s.find("w:pgSz", NS).get(f"{{{W}}}w")), int(s.find("w:pgSz", NS).get(f"{{{W}}}h")))
        for s in sections
    ]
    portrait, landscape = (11906, 16838), (16838, 11906)
    assert [(round(w / 10), round(h / 10)) for w, h in sizes] == [
        (round(a / 10), round(b / 10)) for a, b in (portrait, landscape, portrait)
    ]


def test_east_asian_fonts_are_set(mingzhu: DutyList) -> None:
    styles = _document(docx_bytes(mingzhu), "word/styles.xml")
    fonts = {
        style.get(f"{{{W}}}styleId"): style.find("w:rPr/w:rFonts", NS)
        for style in styles.iterfind("w:style", NS)
    }
    for style_id, font in (
        ("Normal", BODY_FONT),
        ("DutyListTitle", HEADING_FONT),
        ("DutyListPartTitle", HEADING_FONT),
        ("DutyListHeaderCell", HEADING_FONT),
    ):
        element = fonts[style_id]
        assert element is not None
        assert {
            element.get(f"{{{W}}}{attribute}") for attribute in ("ascii", "hAnsi", "eastAsia")
        } == {font}
    assert not any(
        name.endswith("Theme")
        for element in styles.iter(f"{{{W}}}rFonts")
        for name in element.attrib
    )


def test_column_widths_fill_the_page_and_favour_duty_columns(mingzhu: DutyList) -> None:
    root = _document(docx_bytes(mingzhu))
    tables = root.findall(".//w:body/w:tbl", NS)
    cooperative = [
        int(col.get(f"{{{W}}}w")) for col in tables[1].findall("w:tblGrid/w:gridCol", NS)
    ]
    number, name, departments, superior, local = cooperative
    assert number < departments < name < local < superior
    text_width_twips = (297 - 40) / 25.4 * 1440
    assert abs(sum(cooperative) - text_width_twips) < 10


# -- LibreOffice --------------------------------------------------------------------------

SOFFICE = shutil.which("soffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_the_output_and_its_resave_reads_back(
    mingzhu: DutyList, tmp_path: Path
) -> None:
    assert SOFFICE is not None
    written = tmp_path / "mingzhu.docx"
    write_docx(mingzhu, written)
    with tempfile.TemporaryDirectory() as profile:
        for target in ("pdf", "odt"):
            subprocess.run(  # noqa: S603 - fixed arguments, soffice found on PATH
                [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless",
                 "--convert-to", target, "--outdir", str(tmp_path / target), str(written)],
                check=True, capture_output=True, timeout=300, env={**os.environ, "HOME": profile},
            )  # fmt: skip
        resaved = tmp_path / "odt" / "mingzhu.odt"
        subprocess.run(  # noqa: S603 - fixed arguments, soffice found on PATH
            [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless",
             "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp_path / "docx"),
             str(resaved)],
            check=True, capture_output=True, timeout=300, env={**os.environ, "HOME": profile},
        )  # fmt: skip
    pdf = tmp_path / "pdf" / "mingzhu.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert read_docx(tmp_path / "docx" / "mingzhu.docx") == mingzhu


def test_equal_lists_give_equal_bytes(mingzhu: DutyList) -> None:
    assert docx_bytes(mingzhu) == docx_bytes(mingzhu)


def test_version_and_publication_date_are_kept(mingzhu: DutyList) -> None:
    import datetime as dt

    from dutylist.model import Metadata

    labelled = attrs.evolve(
        mingzhu, metadata=Metadata(version="2025年第二次<调整>", published=dt.date(2025, 3, 1))
    )
    back = _read_back(labelled)
    assert back.metadata.version == "2025年第二次<调整>"
    assert back.metadata.published == dt.date(2025, 3, 1)
    assert back == labelled


def test_cells_beyond_the_header_survive_a_round_trip(tmp_path: Path) -> None:
    from docx import Document

    document = Document()
    document.add_paragraph("上级部门收回事项清单")
    table = document.add_table(rows=3, cols=4)
    table.cell(0, 0).text = "序号"
    table.cell(0, 1).text = "事项名称"
    table.cell(0, 2).merge(table.cell(0, 3)).text = "承接部门及工作方式"
    table.cell(1, 0).merge(table.cell(1, 3)).text = "一、城乡建设（1项）"
    for column, text in enumerate(("1", "加装电梯", "承接部门：区住建局", "由区住建局负责。")):
        table.cell(2, column).text = text
    path = tmp_path / "ragged.docx"
    document.save(str(path))
    first = read_docx(path)
    assert dict(first.items[0].extra) == {"第4列": "由区住建局负责。"}
    assert _read_back(first) == first


# -- no silent edit loss: a clause's edited text is what is written (issue 8) ------------


def _clause_texts(duty_list: DutyList) -> list[tuple[str, str, int | None, str]]:
    from dutylist.fields import clause_fields

    return [
        (item.name, field, clause.number, clause.text)
        for item in duty_list.items
        for field, clauses in clause_fields(item)
        for clause in clauses
    ]


@pytest.mark.parametrize("example", ["mingzhu.json", "mingzhu-revised.json"])
def test_every_example_writes_its_clause_texts(example: str) -> None:
    from dutylist.io import load

    duty_list = load(Path(__file__).resolve().parents[3] / "examples" / example)
    assert _clause_texts(_read_back(duty_list)) == _clause_texts(duty_list)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(duty_lists(), st.data())
def test_an_edited_clause_text_reads_back_as_edited(duty_list: DutyList, data: st.DataObject):
    from dutylist.fields import clause_fields

    places = [
        (p, c, i, field)
        for p, part in enumerate(duty_list.parts)
        for c, category in enumerate(part.categories)
        for i, item in enumerate(category.items)
        for field, clauses in clause_fields(item)
        if clauses
    ]
    assume(places)
    p, c, i, field = data.draw(st.sampled_from(places))
    item = duty_list.parts[p].categories[c].items[i]
    clauses = list(getattr(item, field))
    k = data.draw(st.integers(0, len(clauses) - 1))
    new_text = data.draw(cjk(2, 16)) + "。"
    assume(new_text != clauses[k].text)
    clauses[k] = attrs.evolve(clauses[k], text=new_text)
    edited_item = attrs.evolve(item, **{field: tuple(clauses)})
    category = attrs.evolve(
        duty_list.parts[p].categories[c],
        items=tuple(
            edited_item if n == i else x
            for n, x in enumerate(duty_list.parts[p].categories[c].items)
        ),
    )
    part = attrs.evolve(
        duty_list.parts[p],
        categories=tuple(
            category if n == c else x for n, x in enumerate(duty_list.parts[p].categories)
        ),
    )
    edited = attrs.evolve(
        duty_list, parts=tuple(part if n == p else x for n, x in enumerate(duty_list.parts))
    )
    back = _read_back(edited)
    assert _clause_texts(back) == _clause_texts(edited)
    back_item = back.parts[p].categories[c].items[i]
    assert getattr(back_item, field)[k].text == new_text
