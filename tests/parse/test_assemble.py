from __future__ import annotations

import pytest

from dutylist.errors import FormatError
from dutylist.location import Location
from dutylist.model import BasicItem, CooperativeItem, PartKind, RecalledItem
from dutylist.parse.assemble import assemble
from dutylist.parse.rows import Block, Paragraph, Row


def row(*cells: str | tuple[str, ...], at: int = 1) -> Row:
    return Row(
        cells=tuple((c,) if isinstance(c, str) else c for c in cells),
        location=Location(file="t.docx", table=1, row=at),
    )


def para(text: str) -> Paragraph:
    return Paragraph(text=text, location=Location(file="t.docx"))


def test_gridded_rows_with_columns_in_another_order_and_an_extra_column() -> None:
    blocks: list[Block] = [
        para("某某街道履行职责事项清单"),
        para("配合履职事项清单"),
        row("事项名称", "序号", "街道配合职责", "对应上级部门", "上级部门职责", "备注"),
        row("一、党的建设（1项）"),
        row("统战工作", "1", ("1.协助。",), "区委统战部", ("1.支持。", "2.联系。"), "无", at=3),
    ]
    duty_list = assemble(blocks)
    item = duty_list.items[0]
    assert isinstance(item, CooperativeItem)
    assert item.number == 1
    assert [c.text for c in item.superior_duties] == ["支持。", "联系。"]
    assert [c.text for c in item.local_duties] == ["协助。"]
    assert item.remarks == "无"
    assert item.extra == {}
    assert item.source == Location(file="t.docx", table=1, row=3)
    assert duty_list.parts[0].columns[0] == "事项名称"


def test_a_category_column_instead_of_category_rows() -> None:
    blocks: list[Block] = [
        para("基本履职事项清单"),
        row("类别", "序号", "事项名称"),
        row("一、党的建设（2项）", "1", "甲"),
        row("", "2", "乙"),
        row("二、经济发展（1项）", "3", "丙"),
    ]
    part = assemble(blocks).parts[0]
    assert [(c.ordinal, c.title, len(c.items)) for c in part.categories] == [
        (1, "党的建设", 2),
        (2, "经济发展", 1),
    ]


def test_header_row_alone_starts_a_part_and_repeated_headers_are_skipped() -> None:
    blocks: list[Block] = [
        row("序号", "事项名称", "承接部门", "工作方式"),
        row("1", "甲", "承接部门：区住建局", ("工作方式：", "1.由区住建局承接。")),
        row("序号", "事项名称", "承接部门", "工作方式"),
        row("2", "乙", "区人社局", "不再开展此项工作"),
    ]
    part = assemble(blocks).parts[0]
    assert part.kind is PartKind.RECALLED
    first, second = part.items
    assert isinstance(first, RecalledItem)
    assert isinstance(second, RecalledItem)
    assert [d.name for d in first.receiving_departments] == ["区住建局"]
    assert first.working_method[0].text == "由区住建局承接。"
    assert second.discontinued


def test_rows_without_a_header_use_the_usual_columns() -> None:
    blocks: list[Block] = [para("基本履职事项清单"), row("1", "甲"), row("２", "乙")]
    items = assemble(blocks).items
    assert [(i.number, i.name) for i in items] == [(1, "甲"), (2, "乙")]
    assert isinstance(items[1], BasicItem)
    assert items[1].number_text == "２"


def test_non_numeric_numbers_are_kept_as_printed() -> None:
    blocks: list[Block] = [para("基本履职事项清单"), row("序号", "事项名称"), row("1a", "甲")]
    item = assemble(blocks).items[0]
    assert item.number is None
    assert item.number_text == "1a"


def test_text_that_fits_nowhere_is_kept() -> None:
    blocks: list[Block] = [
        para("基本履职事项清单"),
        row("序号", "事项名称"),
        row("1", "甲"),
        para("注：本清单动态调整"),
        row("合计：1项"),
    ]
    duty_list = assemble(blocks)
    assert [u.text for u in duty_list.unplaced] == ["注：本清单动态调整", "合计：1项"]


def test_merged_part_title_rows_inside_one_table() -> None:
    blocks: list[Block] = [
        row("基本履职事项清单"),
        row("序号", "事项名称"),
        row("1", "甲"),
        row("上级部门收回事项清单"),
        row("序号", "事项名称", "承接部门及工作方式"),
        row("1", "乙", ("承接部门：区文联", "工作方式：", "1.由区文联承接。")),
    ]
    parts = assemble(blocks).parts
    assert [p.kind for p in parts] == [PartKind.BASIC, PartKind.RECALLED]


def test_nothing_like_a_list_is_an_error() -> None:
    with pytest.raises(FormatError, match="没有找到事项清单"):
        assemble([para("会议通知"), para("请准时参加")])


@pytest.mark.parametrize(
    "page_lines",
    [
        ("首页 > 信息公开 > 法定主动公开内容 > 权责清单",),
        ("来源：南关区明珠街道办事处  发布时间：2025-03-01 10:23", "【字体：大 中 小】 【打印】"),
        ("网站首页 | 政务公开 | 责任清单",),
    ],
)
def test_a_web_page_s_own_lines_before_the_title_stay_in_the_front_matter(
    page_lines: tuple[str, ...],
) -> None:
    blocks: list[Block] = [
        *(para(line) for line in page_lines),
        para("吉林省长春市南关区明珠街道办事处"),
        para("履行职责事项清单"),
        para("基本履职事项清单"),
        row("序号", "事项名称"),
        row("1", "甲", at=2),
    ]
    duty_list = assemble(blocks)
    assert duty_list.title == "吉林省长春市南关区明珠街道办事处履行职责事项清单"
    assert duty_list.office is not None
    assert duty_list.office.name == "明珠街道办事处"
    assert duty_list.front_matter == page_lines


def test_a_title_in_one_cell_of_a_wider_row_before_the_list_is_its_title() -> None:
    # a sheet whose table starts in column B: column A is empty in every row
    blocks: list[Block] = [
        row("", "某某镇履行职责事项清单"),
        row("", "基本履职事项清单", at=2),
        row("", "序号", "事项名称", at=3),
        row("", "1", "加强党建", at=4),
    ]
    duty_list = assemble(blocks)
    assert duty_list.title == "某某镇履行职责事项清单"
    assert not duty_list.unplaced
    assert [item.name for item in duty_list.items] == ["加强党建"]


def test_a_row_numbering_the_columns_is_no_item() -> None:
    blocks: list[Block] = [
        para("配合履职事项清单"),
        row("序号", "事项名称", "对应上级部门", "上级部门职责", "街道配合职责"),
        row("1", "2", "3", "4", "5", at=2),
        row("1", "统战工作", "区委统战部", "1.支持。", "1.协助。", at=3),
    ]
    duty_list = assemble(blocks)
    assert [item.name for item in duty_list.items] == ["统战工作"]
    assert [text.text for text in duty_list.unplaced] == ["1 | 2 | 3 | 4 | 5"]


def test_a_note_between_categories_ends_at_the_next_category_heading() -> None:
    blocks: list[Block] = [
        para("基本履职事项清单"),
        row("序号", "事项名称"),
        row("一、党的建设"),
        row("1", "加强党建", at=3),
        para("注：本表所列事项由区委编办核定"),
        para("二、经济发展"),
        row("序号", "事项名称", at=1),
        row("2", "服务企业", at=2),
    ]
    duty_list = assemble(blocks)
    categories = duty_list.parts[0].categories
    assert [(c.title, [i.name for i in c.items]) for c in categories] == [
        ("党的建设", ["加强党建"]),
        ("经济发展", ["服务企业"]),
    ]
    assert [text.text for text in duty_list.unplaced] == ["注：本表所列事项由区委编办核定"]


def test_notes_numbered_like_headings_stay_notes() -> None:
    notes = ["说明：", "一、本清单实行动态调整", "二、上级部门不得增加事项"]
    blocks: list[Block] = [
        para("基本履职事项清单"),
        row("序号", "事项名称"),
        row("一、党的建设"),
        row("1", "加强党建", at=3),
        *(para(note) for note in notes),
    ]
    duty_list = assemble(blocks)
    assert [c.title for c in duty_list.parts[0].categories] == ["党的建设"]
    assert [text.text for text in duty_list.unplaced] == notes
