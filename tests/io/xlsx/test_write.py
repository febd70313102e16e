"""The .xlsx writer: publication layout, formula-safe cells, and exact round trips."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from dutylist.errors import WriteError
from dutylist.io.docx.read import read_docx
from dutylist.io.docx.write import write_docx
from dutylist.io.json import dumps
from dutylist.io.xlsx.read import read_xlsx
from dutylist.io.xlsx.write import write_xlsx, xlsx_bytes
from dutylist.model import BasicItem, Category, DutyList, Part, PartKind
from tests.strategies import duty_lists


def _read_back(duty_list: DutyList) -> DutyList:
    return read_xlsx(io.BytesIO(xlsx_bytes(duty_list)))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(duty_lists())
def test_model_to_xlsx_to_model_is_the_identity(duty_list: DutyList) -> None:
    assert _read_back(duty_list) == duty_list


def test_the_reference_list_converts_docx_to_xlsx_to_json_as_directly(
    mingzhu: DutyList, tmp_path: Path
) -> None:
    docx = tmp_path / "mingzhu.docx"
    write_docx(mingzhu, docx)
    direct = read_docx(docx)
    xlsx = tmp_path / "mingzhu.xlsx"
    write_xlsx(direct, xlsx)
    via_xlsx = read_xlsx(xlsx)
    # Everything but where each piece was read (file names, table and row numbers) is equal.
    assert _without_sources(json.loads(dumps(via_xlsx))) == _without_sources(
        json.loads(dumps(direct))
    )
    assert via_xlsx == direct
    assert [len(part.items) for part in via_xlsx.parts] == [93, 106, 94]
    assert via_xlsx.unplaced == ()


def _without_sources(data: object) -> object:
    if isinstance(data, dict):
        return {
            key: _without_sources(value)
            for key, value in data.items()
            if key not in {"source", "location", "source_file"}
        }
    if isinstance(data, list):
        return [_without_sources(value) for value in data]
    return data


def _workbook(data: bytes):
    from openpyxl import load_workbook

    return load_workbook(io.BytesIO(data))


def test_publication_layout(mingzhu: DutyList) -> None:
    workbook = _workbook(xlsx_bytes(mingzhu))
    assert len(workbook.sheetnames) == 3
    sheet = workbook.worksheets[1]
    header = next(row for row in range(1, 10) if sheet.cell(row=row, column=1).value == "序号")
    assert sheet.print_title_rows == f"${header}:${header}"
    assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4 == "9"  # A4
    assert sheet.page_setup.orientation == "landscape"
    assert workbook.worksheets[0].page_setup.orientation == "portrait"
    category = sheet.cell(row=header + 1, column=1)
    assert category.value == "一、党的建设（5项）"
    assert any(str(merged) == f"A{header + 1}:E{header + 1}" for merged in sheet.merged_cells)
    duties = sheet.cell(row=header + 2, column=4)
    assert duties.alignment.wrap_text
    assert "\n2." in duties.value
    widths = [sheet.column_dimensions[letter].width for letter in "ABCDE"]
    assert widths[0] < widths[1] < widths[3]


def test_cells_that_look_like_formulas_are_stored_as_text() -> None:
    names = ('=HYPERLINK("http://x","点击")', "+1+2", "-3", "@SUM(A1)")
    part = Part(
        kind=PartKind.BASIC,
        title="基本履职事项清单",
        columns=("序号", "事项名称"),
        categories=(
            Category(
                ordinal=1,
                title="党建",
                heading="一、党建",
                items=tuple(
                    BasicItem(number=n, name=name) for n, name in enumerate(names, start=1)
                ),
            ),
        ),
    )
    duty_list = DutyList(title="某街道履行职责事项清单", parts=(part,))
    data = xlsx_bytes(duty_list)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        sheet = package.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet  # no formula anywhere
    cells = [
        cell
        for row in _workbook(data).worksheets[0].iter_rows()
        for cell in row
        if cell.value in names
    ]
    assert len(cells) == len(names)
    assert all(cell.data_type == "s" and cell.quotePrefix for cell in cells)
    assert [item.name for item in _read_back(duty_list).items] == list(names)


def test_text_a_workbook_cannot_carry_is_a_write_error(tmp_path: Path) -> None:
    part = Part(
        kind=PartKind.BASIC,
        title="基本履职事项清单",
        categories=(
            Category(
                ordinal=1, title="x", heading="一、x", items=(BasicItem(number=1, name="a\x01"),)
            ),
        ),
    )
    target = tmp_path / "out.xlsx"
    with pytest.raises(WriteError, match=r"out\.xlsx"):
        write_xlsx(DutyList(title="t", parts=(part,)), target)
    assert not target.exists()
