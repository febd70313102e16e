"""Lists laid out as other offices lay them out read back item for item, in every format.

Layouts are built by code (tests/builders/offices.py) and expected values come from the
builders' plain spec, never from dutylist's own parsing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dutylist.io import load
from dutylist.model import CooperativeItem, DutyList, RecalledItem
from tests.builders import sample_spec
from tests.builders.offices import (
    ITEM_TYPES,
    NOTES,
    ExpectedItem,
    Office,
    build_docx_office,
    build_html_office,
    build_xlsx_office,
    expected_items,
    text_capture_office,
)

SPEC = sample_spec()

LAYOUTS: dict[str, Office] = {
    "reference": Office(),
    "district_words": Office(
        headers={"departments": "区直部门", "superior": "区直部门职责", "local": "街道职责"}
    ),
    "county_words": Office(
        headers={
            "number": "编号",
            "name": "履职事项",
            "departments": "县直部门",
            "superior": "县级部门职责",
            "local": "乡镇（街道）职责",
        },
        title="某某省某某市某某县某某镇履行职责事项清单",
    ),
    "arabic_categories_no_count": Office(categories="1.", counts=False),
    "full_width_digits": Office(categories="1、", full_width=True),
    "paren_categories": Office(categories="（一）", part_titles="numbered"),
    "first_class_categories": Office(categories="第一类", part_titles="counted"),
    "bare_categories": Office(categories="none"),
    "category_column": Office(category_column=True, categories="1."),
    "lead_and_assisting": Office(lead_columns=True),
    "four_column_recalled": Office(
        split_recalled=True, headers={"method": "收回方式"}, title="某某县某某乡履行职责事项清单"
    ),
    "remarks_and_basis": Office(remarks=True, basis=True, headers={"basis": "法律依据"}),
    "reordered": Office(
        order=("name", "number", "local", "superior"), remarks=True, headers={"name": "工作事项"}
    ),
    "one_table": Office(one_table=True, categories="（一）"),
    "city_without_counties": Office(
        title="广东省东莞市虎门镇人民政府履行职责事项清单",
        level="市",
        department_cells="marks",
        headers={"departments": "市直部门", "local": "镇配合职责"},
    ),
    "restarting": Office(
        title="湖南省邵阳市城步苗族自治县五团镇履行职责事项清单",
        level="县",
        restart_numbering=True,
        number_style="{}.",
        categories="第一类",
    ),
    "heading_in_number_cell": Office(category_cells="number", categories="none", counts=False),
    "heading_in_name_cell": Office(category_cells="name", categories="1.", full_width=True),
    "county_labels": Office(
        title="河北省石家庄市正定县正定镇人民政府履行职责事项清单",
        level="县",
        department_cells="labels",
        block_headings="duties",
        headers={"departments": "县级责任部门", "local": "乡镇配合职责"},
    ),
    "banner_marks": Office(
        title="内蒙古自治区呼伦贝尔市鄂温克族自治旗巴彦托海镇履行职责事项清单",
        level="旗",
        department_cells="marks",
        block_headings="brackets",
        categories="（一）",
        part_titles="office",
        headers={"departments": "旗直部门", "local": "苏木镇配合职责"},
    ),
    "county_city_spaces": Office(
        title="江苏省苏州市昆山市周市镇履行职责事项清单",
        level="市",
        department_cells="spaces",
        categories="第一类",
        counts=False,
    ),
    "municipality_lines": Office(
        title="北京市朝阳区望京街道办事处履行职责事项清单",
        recalled_labels=("承接主体", "收回方式"),
        block_headings="ordinal",
        department_cells="lines",
        headers={"name": "职责事项", "departments": "主管部门", "local": "配合内容"},
    ),
    "autonomous_county_etc": Office(
        title="云南省红河哈尼族彝族自治州屏边苗族自治县白河乡履行职责事项清单",
        level="县",
        department_cells="etc",
        recalled_labels=("承接单位", "履职方式"),
        basis=True,
        headers={"basis": "依据", "number": "编号"},
    ),
    "group_header": Office(
        title="四川省成都市武侯区玉林街道办事处履行职责事项清单",
        group_header="职责分工",
        headers={"local": "乡镇（街道）职责"},
        remarks=True,
    ),
    "group_header_owners": Office(
        title="安徽省合肥市肥西县上派镇履行职责事项清单",
        level="县",
        group_header="职责分工",
        headers={"departments": "县直部门", "superior": "县直部门", "local": "乡镇"},
    ),
    "item_over_rows_merged": Office(item_rows="merged", remarks=True),
    "item_over_rows_blank": Office(
        item_rows="blank", title="山东省济南市历下区泉城路街道履行职责事项清单"
    ),
    "item_types": Office(item_types=True, categories="（一）"),
    "item_types_in_column": Office(item_types=True, category_column=True, categories="1."),
    "column_numbers": Office(
        column_numbers=True, title="贵州省遵义市红花岗区老城街道履行职责事项清单"
    ),
    "totals_rows": Office(totals=True, categories="（一）"),
    "ordinal_in_number_cell": Office(
        category_cells="split", title="浙江省杭州市西湖区转塘街道履行职责事项清单"
    ),
    "paren_ordinal_in_number_cell": Office(
        category_cells="split", categories="（一）", counts=False, restart_numbering=True
    ),
    "notes_rows": Office(notes="rows", categories="1.", counts=False),
    "notes_paragraphs": Office(notes="paragraphs", categories="一、"),
    "every_table_row_kind": Office(
        category_cells="split",
        totals=True,
        notes="rows",
        group_header="职责分工",
        item_rows="merged",
        column_numbers=True,
        item_types=True,
        remarks=True,
    ),
    "everything": Office(
        headers={"departments": "牵头部门", "assisting": "配合单位", "local": "乡镇职责"},
        lead_columns=True,
        split_recalled=True,
        remarks=True,
        full_width=True,
        categories="1.",
        counts=False,
        one_table=True,
    ),
}


def actual_items(duty_list: DutyList) -> list[ExpectedItem]:
    result = []
    for part, category, item in duty_list.iter_items():
        assert item.number is not None
        common = {
            "part": part.kind.value,
            "number": item.number,
            "name": item.name,
            "category": (category.ordinal, category.title, category.declared_count),
            "remarks": item.remarks,
            "basis": item.basis,
        }
        if isinstance(item, CooperativeItem):
            result.append(
                ExpectedItem(
                    **common,
                    departments=tuple((d.name, d.lead) for d in item.departments),
                    superior=tuple(c.text for c in item.superior_duties),
                    local=tuple(c.text for c in item.local_duties),
                )
            )
        elif isinstance(item, RecalledItem):
            result.append(
                ExpectedItem(
                    **common,
                    receiving=tuple(d.name for d in item.receiving_departments),
                    method=tuple(c.text for c in item.working_method),
                )
            )
        else:
            result.append(ExpectedItem(**common))
    return result


def _build(fmt: str, office: Office, folder: Path) -> Path:
    if fmt == "docx":
        return build_docx_office(SPEC, office, folder / "list.docx")
    if fmt == "xlsx":
        return build_xlsx_office(SPEC, office, folder / "list.xlsx")
    return build_html_office(SPEC, office, folder / "list.html")


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "html"])
@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_every_office_layout_reads_back_item_for_item(tmp_path: Path, name: str, fmt: str) -> None:
    office = LAYOUTS[name]
    duty_list = load(_build(fmt, office, tmp_path))
    assert actual_items(duty_list) == expected_items(SPEC, office)
    assert duty_list.title == office.title
    assert [part.kind.value for part in duty_list.parts] == ["basic", "cooperative", "recalled"]
    assert duty_list.office is not None
    assert office.title.startswith(duty_list.office.name) or duty_list.office.name in office.title


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "html"])
def test_a_totals_row_is_kept_as_unplaced_text_not_read_as_an_item(
    tmp_path: Path, fmt: str
) -> None:
    duty_list = load(_build(fmt, LAYOUTS["totals_rows"], tmp_path))
    totals = [text.text for text in duty_list.unplaced if text.text.startswith("合计")]
    assert totals == [f"合计 | {len(part.rows)}项" for part in SPEC.parts]


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "html"])
@pytest.mark.parametrize("notes", ["rows", "paragraphs"])
def test_numbered_notes_after_a_part_are_unplaced_text_not_categories(
    tmp_path: Path, notes: str, fmt: str
) -> None:
    office = LAYOUTS[f"notes_{notes}"]
    duty_list = load(_build(fmt, office, tmp_path))
    notes_kept = [text.text for text in duty_list.unplaced if text.text in NOTES]
    assert notes_kept == list(NOTES) * len(SPEC.parts)


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "html"])
@pytest.mark.parametrize("style", ["merged", "blank"])
def test_an_item_over_a_row_per_department_is_one_item_with_department_blocks(
    tmp_path: Path, style: str, fmt: str
) -> None:
    duty_list = load(_build(fmt, LAYOUTS[f"item_over_rows_{style}"], tmp_path))
    item = duty_list.parts[1].items[0]
    assert [clause.department for clause in item.superior_duties] == [
        "区财政局",
        "区发改局",
        "区发改局",
    ]
    following = duty_list.parts[1].items[1]
    assert item.source is not None
    assert following.source is not None
    assert following.source.row == item.source.row + 2  # the item starts at its first row


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "html"])
def test_a_type_column_beside_category_rows_is_kept_in_extra(tmp_path: Path, fmt: str) -> None:
    duty_list = load(_build(fmt, LAYOUTS["item_types"], tmp_path))
    assert [item.extra["类型"] for item in duty_list.items][:3] == [*ITEM_TYPES, ITEM_TYPES[0]]


def test_remarks_and_basis_are_fields_not_extra(tmp_path: Path) -> None:
    duty_list = load(_build("docx", LAYOUTS["remarks_and_basis"], tmp_path))
    assert all(not item.extra for item in duty_list.items)
    assert {item.remarks for item in duty_list.items} == {"", "无", "2024年调整"}


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "html", "text"])
@pytest.mark.parametrize("style", ["{}.", "{}、", "（{}）", "{}．"])
def test_sequence_numbers_printed_with_a_separator_or_brackets(
    tmp_path: Path, style: str, fmt: str
) -> None:
    office = Office(number_style=style, categories="（一）")
    if fmt == "text":
        path = tmp_path / "list.txt"
        path.write_text(text_capture_office(SPEC, office), encoding="utf-8")
    else:
        path = _build(fmt, office, tmp_path)
    duty_list = load(path)
    assert actual_items(duty_list) == expected_items(SPEC, office)
    assert [item.number_text for item in duty_list.items][:2] == [style.format(1), style.format(2)]
