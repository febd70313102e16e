"""Items printed over several rows: when a row goes on with the item above, and its cells."""

from __future__ import annotations

import pytest

from dutylist.parse.items import continues, merge_rows
from dutylist.parse.vocabulary import Role

COLUMNS = {Role.NUMBER: 0, Role.NAME: 1, Role.DEPARTMENTS: 2, Role.SUPERIOR_DUTIES: 3}
FIRST = [("1",), ("服务小微企业",), ("区财政局",), ("1.对接金融机构。",)]


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ([("1",), ("服务小微企业",), ("区发改局",), ("1.汇总报表。",)], True),  # merged down
        ([(), (), ("区发改局",), ("1.汇总报表。",)], True),  # blank below
        ([("2",), ("老年公交卡",), ("区政数局",), ("1.维护系统。",)], False),
        (FIRST, False),  # a duplicate row
        ([(), (), (), ()], False),
    ],
)
def test_a_row_continues_the_item_above_when_its_number_and_name_do(
    row: list[tuple[str, ...]], expected: bool
) -> None:
    assert continues(FIRST, row, COLUMNS) is expected


def test_an_item_over_rows_heads_each_rows_duties_with_its_department() -> None:
    second = [("1",), ("服务小微企业",), ("区发改局",), ("1.汇总报表。", "2.上报名单。")]
    assert merge_rows([FIRST, second], COLUMNS) == [
        ("1",),
        ("服务小微企业",),
        ("区财政局", "区发改局"),
        ("区财政局：", "1.对接金融机构。", "区发改局：", "1.汇总报表。", "2.上报名单。"),
    ]


def test_a_duty_cell_merged_down_is_read_once_without_department_headings() -> None:
    second = [("1",), ("服务小微企业",), ("区发改局",), ("1.对接金融机构。",)]
    assert merge_rows([FIRST, second], COLUMNS)[3] == ("1.对接金融机构。",)
