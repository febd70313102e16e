"""Smoke tests: every layout builds a valid .docx with the XML features it claims."""

from __future__ import annotations

import math
import re
import zipfile
from collections import Counter
from typing import TYPE_CHECKING

import docx
import pytest
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from . import (
    DELETED_ITEM,
    DELETED_TEXT,
    LAYOUT_VARIANTS,
    OLE2_MAGIC,
    TEXT_BOX_TEXT,
    Layout,
    build_corrupt_zip,
    build_docx,
    build_docx_without_tables,
    build_fake_doc,
    build_renamed_non_docx,
    rewrite_heading,
    sample_spec,
)

if TYPE_CHECKING:
    from pathlib import Path

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {
    "w": W[1:-1],
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
}
SPEC = sample_spec()
TYPED = re.compile(r"^\d+\.(?=\S)")


def _part(path: Path, name: str = "word/document.xml") -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(name))


def _one(element: etree._Element, path: str) -> etree._Element:
    found = element.find(path, NS)
    assert found is not None, path
    return found


def _val(element: etree._Element, name: str = "val") -> str:
    value = element.get(f"{W}{name}")
    assert value is not None, name
    return value


def _style(paragraph: etree._Element) -> str | None:
    style = paragraph.find("w:pPr/w:pStyle", NS)
    return None if style is None else _val(style)


def _accepted(paragraph: etree._Element) -> str:
    """Return a paragraph's text with all changes accepted, text boxes skipped."""
    out = []
    for element in paragraph.iter(f"{W}t", f"{W}br"):
        skipped = (f"{W}del", f"{W}txbxContent", f"{{{NS['mc']}}}AlternateContent")
        if any(ancestor.tag in skipped for ancestor in element.iterancestors()):
            continue
        out.append("\n" if element.tag == f"{W}br" else element.text or "")
    return "".join(out)


def _paragraph_texts(root: etree._Element) -> Counter[str]:
    body_paragraphs = root.iterfind(".//w:body//w:p", NS)
    return Counter(
        _accepted(p)
        for p in body_paragraphs
        if not any(a.tag == f"{W}txbxContent" for a in p.iterancestors())
    )


def _expected_texts(layout: Layout) -> Counter[str]:
    """Return the paragraph texts a reader must find (after accepting changes)."""
    expected: Counter[str] = Counter()
    for part in SPEC.parts:
        expected[part.title] += 1
        expected.update(part.columns)
        for index, category in enumerate(part.categories):
            expected[rewrite_heading(category.heading, layout.brackets, index)] += 1
            for row in category.rows:
                for cell in row:
                    if layout.clauses == "line_breaks":
                        expected["\n".join(cell)] += 1
                    elif layout.clauses == "one_paragraph":
                        expected["".join(cell)] += 1
                    elif layout.clauses.startswith("autonumber"):
                        expected.update(TYPED.sub("", text) for text in cell)
                    else:
                        expected.update(cell)
    return expected


def _build(tmp_path: Path, name: str) -> Path:
    return build_docx(SPEC, tmp_path / f"{name}.docx", LAYOUT_VARIANTS[name])


def _tables(root: etree._Element) -> list[etree._Element]:
    return root.findall(".//w:body/w:tbl", NS)


def _row_texts(row: etree._Element) -> list[str]:
    return [
        "".join(_accepted(p) for p in cell.iterfind("w:p", NS)) for cell in row.iterfind("w:tc", NS)
    ]


@pytest.mark.parametrize("name", sorted(LAYOUT_VARIANTS))
def test_layout_builds_valid_docx(tmp_path: Path, name: str) -> None:
    path = _build(tmp_path, name)
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
    document = docx.Document(str(path))
    assert document.tables
    assert document.core_properties.title == SPEC.title
    root = _part(path)
    for table in _tables(root):
        first_row = _one(table, "w:tr")
        assert first_row.find("w:trPr/w:tblHeader", NS) is not None


@pytest.mark.parametrize("name", sorted(LAYOUT_VARIANTS))
def test_layout_keeps_every_spec_text(tmp_path: Path, name: str) -> None:
    layout = LAYOUT_VARIANTS[name]
    actual = _paragraph_texts(_part(_build(tmp_path, name)))
    missing = _expected_texts(layout) - actual
    assert not missing
    assert not any(DELETED_TEXT in text or TEXT_BOX_TEXT in text for text in actual)


@pytest.mark.parametrize("name", sorted(LAYOUT_VARIANTS))
def test_table_count(tmp_path: Path, name: str) -> None:
    layout = LAYOUT_VARIANTS[name]
    tables = _tables(_part(_build(tmp_path, name)))
    if layout.tables == "single":
        assert len(tables) == 1
    elif layout.tables == "per_part":
        assert len(tables) == len(SPEC.parts)
    else:
        rows_per_category = 0 if layout.categories == "vmerge_column" else 1
        deleted = 1 if layout.tracked_changes else 0
        expected = sum(
            math.ceil(
                (len(p.rows) + rows_per_category * len(p.categories) + deleted) / layout.split_every
            )
            for p in SPEC.parts
        )
        assert len(tables) == expected > len(SPEC.parts)


def test_split_repeats_header_and_separates_tables(tmp_path: Path) -> None:
    root = _part(_build(tmp_path, "split"))
    headers = [_row_texts(_one(t, "w:tr")) for t in _tables(root)]
    assert headers.count(list(SPEC.parts[1].columns)) > 1
    for table in _tables(root):
        following = table.getnext()
        assert following is not None
        assert following.tag in (f"{W}p", f"{W}sectPr")


def test_merged_category_rows_use_grid_span(tmp_path: Path) -> None:
    root = _part(_build(tmp_path, "default"))
    spans = root.findall(".//w:tc/w:tcPr/w:gridSpan", NS)
    assert len(spans) == sum(len(p.categories) for p in SPEC.parts)


def test_vmerge_column(tmp_path: Path) -> None:
    root = _part(_build(tmp_path, "vmerge_column"))
    assert not root.findall(".//w:gridSpan", NS)
    restarts = root.findall(".//w:tcPr/w:vMerge[@w:val='restart']", NS)
    continued = [m for m in root.iterfind(".//w:tcPr/w:vMerge", NS) if m.get(f"{W}val") is None]
    assert len(restarts) == sum(len(c.rows) > 1 for p in SPEC.parts for c in p.categories)
    assert continued
    for table in _tables(root):
        assert _row_texts(_one(table, "w:tr"))[0] == "类别"


def test_single_table_holds_part_titles_as_merged_rows(tmp_path: Path) -> None:
    (table,) = _tables(_part(_build(tmp_path, "single")))
    merged = [_row_texts(r)[0] for r in table.iterfind("w:tr", NS) if len(_row_texts(r)) == 1]
    for part in SPEC.parts:
        assert part.title in merged


def test_part_title_styles(tmp_path: Path) -> None:
    root = _part(_build(tmp_path, "heading_titles"))
    headings = [_accepted(p) for p in root.iterfind(".//w:p", NS) if _style(p) == "Heading1"]
    assert headings == [p.title for p in SPEC.parts]
    root = _part(_build(tmp_path, "in_table_titles"))
    firsts = [_row_texts(_one(t, "w:tr")) for t in _tables(root)]
    assert firsts == [[p.title] for p in SPEC.parts]


def test_brackets(tmp_path: Path) -> None:
    half = _paragraph_texts(_part(_build(tmp_path, "half_brackets")))
    assert "一、党的建设(3项)" in half
    spaced = _paragraph_texts(_part(_build(tmp_path, "spaced_brackets")))
    assert " 一、 党的建设 （ 3项 ）" in spaced
    assert "二、\u3000经济发展\u3000（2 项）" in spaced


def test_column_order_and_extra_columns(tmp_path: Path) -> None:
    root = _part(_build(tmp_path, "reordered_columns"))
    headers = [_row_texts(_one(t, "w:tr")) for t in _tables(root)]
    assert headers[1] == [
        "事项名称",
        "序号",
        "上级部门职责",
        "对应上级部门",
        "街道配合职责",
        "备注",
    ]
    first_item = _tables(root)[1].findall("w:tr", NS)[2]
    assert _row_texts(first_item)[:4] == [
        "服务小微企业融资工作",
        "1",
        "区财政局：1.对接辖区金融机构，组织开展银企对接、小微企业融资等相关活动。区发改局：1.组织企业填报融资监测平台，填写调查问卷。2.汇总企业融资报表。",
        "区财政局、区发改局",
    ]


def test_line_breaks(tmp_path: Path) -> None:
    root = _part(_build(tmp_path, "line_breaks"))
    assert root.findall(".//w:tbl//w:r/w:br", NS)


def test_autonumber(tmp_path: Path) -> None:
    path = _build(tmp_path, "autonumber")
    root, numbering = _part(path), _part(path, "word/numbering.xml")
    num_ids = {_val(_one(p, "w:numId")) for p in root.iterfind(".//w:tbl//w:pPr/w:numPr", NS)}
    lists = sum(
        sum(
            1
            for i, t in enumerate(cell)
            if TYPED.match(t) and (i == 0 or not TYPED.match(cell[i - 1]))
        )
        for part in SPEC.parts
        for row in part.rows
        for cell in row
    )
    assert len(num_ids) == lists
    for num_id in num_ids:
        num = _one(numbering, f"w:num[@w:numId='{num_id}']")
        assert _val(_one(num, "w:lvlOverride/w:startOverride")) == "1"
        abstract_id = _val(_one(num, "w:abstractNumId"))
        level = _one(numbering, f"w:abstractNum[@w:abstractNumId='{abstract_id}']/w:lvl")
        assert _val(_one(level, "w:lvlText")) == "%1."
        assert _val(_one(level, "w:numFmt")) == "decimal"
    assert not any(TYPED.match(text) for text in _paragraph_texts(root))


def test_autonumber_style(tmp_path: Path) -> None:
    path = _build(tmp_path, "autonumber_style")
    root, styles = _part(path), _part(path, "word/styles.xml")
    style = _one(styles, "w:style[@w:styleId='DutyClause']")
    assert style.find("w:pPr/w:numPr/w:numId", NS) is not None
    styled = [p for p in root.iterfind(".//w:p", NS) if _style(p) == "DutyClause"]
    assert styled
    assert any(p.find("w:pPr/w:numPr", NS) is None for p in styled)
    assert not root.findall(".//w:numPr/w:ilvl", NS)


def test_empty_paragraphs(tmp_path: Path) -> None:
    root = _part(_build(tmp_path, "empty_paragraphs"))
    cells = root.findall(".//w:tc", NS)
    assert any(
        len(ps) > 1 and not _accepted(ps[0]) and _accepted(ps[1])
        for ps in (c.findall("w:p", NS) for c in cells)
    )


def test_tracked_changes(tmp_path: Path) -> None:
    root = _part(_build(tmp_path, "tracked_changes"))
    for tag in ("ins", "del"):
        marks = root.findall(f".//w:{tag}", NS)
        assert marks
        assert all(m.get(f"{W}author") and m.get(f"{W}date") for m in marks)
    assert root.findall(".//w:ins/w:r/w:t", NS)
    deleted = {t.text or "" for t in root.iterfind(".//w:del/w:r/w:delText", NS)}
    assert DELETED_TEXT in deleted
    assert set(DELETED_ITEM) <= deleted
    spec_text = "".join(text for p in SPEC.parts for r in p.rows for c in r for text in c)
    assert not any(text in spec_text for text in deleted)
    assert root.findall(".//w:trPr/w:del", NS)
    assert root.findall(".//w:trPr/w:ins", NS)
    ids = [m.get(f"{W}id") for m in root.iterfind(".//w:ins", NS)]
    ids += [m.get(f"{W}id") for m in root.iterfind(".//w:del", NS)]
    assert len(ids) == len(set(ids))


def test_front_matter(tmp_path: Path) -> None:
    texts = _paragraph_texts(_part(_build(tmp_path, "front_matter")))
    assert SPEC.title in texts
    assert "目  录" in texts
    toc = [t for t in texts if re.fullmatch(r"\d\. \S+?…+\d+", t)]
    assert len(toc) == len(SPEC.parts)
    assert "第 1 页" in texts


def test_decorations(tmp_path: Path) -> None:
    path = _build(tmp_path, "decorations")
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
    headers = [n for n in names if re.fullmatch(r"word/header\d*\.xml", n)]
    footers = [n for n in names if re.fullmatch(r"word/footer\d*\.xml", n)]
    assert headers
    assert footers
    assert "内部资料" in _accepted(_one(_part(path, headers[0]), ".//w:p"))
    footer = _part(path, footers[0])
    assert "PAGE" in "".join(t.text or "" for t in footer.iterfind(".//w:instrText", NS))
    root = _part(path)
    boxes = root.findall(".//w:txbxContent", NS)
    assert {"".join(str(t) for t in b.itertext()) for b in boxes} == {TEXT_BOX_TEXT}
    assert root.findall(".//w:drawing//w:txbxContent", NS)
    assert root.findall(".//w:pict//w:txbxContent", NS)
    assert root.findall(".//w:tc//w:txbxContent", NS)


def test_page_setup(tmp_path: Path) -> None:
    root = _part(_build(tmp_path, "default"))
    sizes = root.findall(".//w:sectPr/w:pgSz", NS)
    assert len(sizes) == len(SPEC.parts)
    for part, size in zip(SPEC.parts, sizes, strict=True):
        landscape = len(part.columns) >= 5
        assert (size.get(f"{W}orient") == "landscape") is landscape
        width, height = int(_val(size, "w")), int(_val(size, "h"))
        assert {width, height} == {11906, 16838}
        assert (width > height) is landscape


def test_layout_rejects_unknown_values() -> None:
    with pytest.raises(ValueError, match="tables"):
        Layout(tables="pages")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="split_every"):
        Layout(tables="split", split_every=0)


def test_sample_spec_is_consistent() -> None:
    assert [p.title for p in SPEC.parts] == [
        "基本履职事项清单",
        "配合履职事项清单",
        "上级部门收回事项清单",
    ]
    for part in SPEC.parts:
        assert [row[0] for row in part.rows] == [(str(n),) for n in range(1, len(part.rows) + 1)]
        for category in part.categories:
            declared = re.search(r"（(\d+)项）$", category.heading)
            assert declared is not None
            assert int(declared.group(1)) == len(category.rows)
            assert all(len(row) == len(part.columns) for row in category.rows)
    texts = [text for p in SPEC.parts for r in p.rows for c in r for text in c]
    for needle in (
        "区财政局：",
        "区应急局牵头",
        "承接部门：区住建局",
        "工作方式：",
        "工作方式：不再开展此项工作",
    ):
        assert needle in texts


def test_renamed_non_docx(tmp_path: Path) -> None:
    path = build_renamed_non_docx(tmp_path / "清单.docx")
    assert path.suffix == ".docx"
    assert not zipfile.is_zipfile(path)
    with pytest.raises(PackageNotFoundError):
        docx.Document(str(path))


@pytest.mark.parametrize("suffix", [".doc", ".wps"])
def test_fake_doc(tmp_path: Path, suffix: str) -> None:
    path = build_fake_doc(tmp_path / f"清单{suffix}")
    data = path.read_bytes()
    assert data.startswith(OLE2_MAGIC)
    assert len(data) >= 512
    assert not zipfile.is_zipfile(path)


def test_corrupt_zip(tmp_path: Path) -> None:
    path = build_corrupt_zip(tmp_path / "清单.docx")
    assert path.read_bytes().startswith(b"PK")
    with pytest.raises((zipfile.BadZipFile, PackageNotFoundError)):
        docx.Document(str(path))


def test_docx_without_tables(tmp_path: Path) -> None:
    document = docx.Document(str(build_docx_without_tables(tmp_path / "清单.docx")))
    assert not document.tables
    assert SPEC.title in [p.text for p in document.paragraphs]


def test_office_group_header_merges_cells_in_every_format(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from .offices import Office, build_docx_office, build_xlsx_office, html_page

    office = Office(group_header="职责分工")
    root = _part(build_docx_office(SPEC, office, tmp_path / "list.docx"))
    cooperative = _tables(root)[1]
    top, second = cooperative.findall("w:tr", NS)[:2]
    assert _val(_one(top, "w:tc/w:tcPr/w:gridSpan")) == "2"
    assert len(second.findall("w:tc/w:tcPr/w:vMerge", NS)) == 3  # 序号, 事项名称, 对应上级部门
    workbook = load_workbook(build_xlsx_office(SPEC, office, tmp_path / "list.xlsx"))
    ranges = {str(merged) for merged in workbook.worksheets[1].merged_cells}
    assert {"A2:A3", "B2:B3", "C2:C3", "D2:E2"} <= ranges
    page = html_page(SPEC, office)
    assert '<th colspan="2">职责分工</th>' in page
    assert page.count('rowspan="2"') == 3
