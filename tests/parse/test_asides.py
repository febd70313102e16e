"""Rows that are no item: totals rows, notes labels, headings split over two cells."""

from __future__ import annotations

import pytest

from dutylist.parse.asides import grouped_headers, is_notes_label, is_totals_row, split_heading
from dutylist.parse.vocabulary import parse_category_heading


@pytest.mark.parametrize(
    "cells",
    [
        ("合计", "93项", "", ""),
        ("", "合计：共93项", "", ""),
        ("合计：共93项",),
        ("小计", "3"),
        ("总计（93项）", ""),
        ("合计", ""),
    ],
)
def test_totals_rows(cells: tuple[str, ...]) -> None:
    assert is_totals_row(cells)


@pytest.mark.parametrize(
    "cells",
    [
        ("1", "合计", "", ""),  # an item named 合计
        ("合计", "93项", "区财政局", ""),
        ("", "合计发放补贴", "", ""),
        ("", "", ""),
    ],
)
def test_rows_that_are_not_totals(cells: tuple[str, ...]) -> None:
    assert not is_totals_row(cells)


@pytest.mark.parametrize(
    ("ordinal", "title", "heading"),
    [
        ("一", "党的建设（3项）", "一、党的建设（3项）"),
        ("十二", "平安建设", "十二、平安建设"),
        ("（一）", "党的建设", "（一）党的建设"),
        ("第一类", "党的建设", "第一类党的建设"),
    ],
)
def test_heading_split_over_the_number_and_name_cells(
    ordinal: str, title: str, heading: str
) -> None:
    assert split_heading(ordinal, title) == heading
    found = parse_category_heading(heading)
    assert found is not None
    assert found.title == title.split("（", maxsplit=1)[0]


@pytest.mark.parametrize(
    ("ordinal", "title"),
    [("1", "党的建设"), ("一", ""), ("", "党的建设"), ("1.1", "子项"), ("一", "甲\n乙")],
)
def test_rows_that_are_not_a_split_heading(ordinal: str, title: str) -> None:
    assert split_heading(ordinal, title) is None


@pytest.mark.parametrize(
    "text", ["说明", "说明：", "填表说明：", "注:", "备 注：", "编制说明", "说明：本清单动态调整。"]
)
def test_notes_labels(text: str) -> None:
    assert is_notes_label(text)


@pytest.mark.parametrize(
    "text", ["1.本清单动态调整", "党的建设", "注册登记（3项）", "说明书发放", ""]
)
def test_lines_that_are_not_notes_labels(text: str) -> None:
    assert not is_notes_label(text)


FIRST = ("序号", "事项名称", "对应上级部门", "职责分工")


@pytest.mark.parametrize(
    ("second", "read"),
    [
        (("上级部门", "街道"), ("上级部门职责", "街道职责")),
        (("区直部门", "乡镇（街道）"), ("区直部门职责", "乡镇（街道）职责")),
        (("上级部门职责", "街道配合职责"), ("上级部门职责", "街道配合职责")),
        (("部门名称", "部门职责"), ("部门名称", "部门职责")),
        (("对应上级部门", "乡镇"), ("对应上级部门职责", "乡镇职责")),
    ],
)
def test_the_second_row_of_a_two_row_header_is_read_with_its_group(
    second: tuple[str, str], read: tuple[str, str]
) -> None:
    assert grouped_headers(FIRST, (*FIRST[:3], *second)) == (*FIRST[:3], *read)


def test_rows_that_are_not_a_second_header_row_are_kept() -> None:
    repeated = ("序号", "事项名称", "对应上级部门", "上级部门职责", "街道配合职责")
    assert grouped_headers(repeated, repeated) == repeated
    two_groups = ("序号", "事项名称", "部门", "职责")
    second = ("序号", "事项名称", "名称", "上级部门", "乡镇", "街道")
    assert grouped_headers(two_groups, second) == second
