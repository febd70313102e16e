import pytest
from hypothesis import given

from dutylist.model import Clause
from dutylist.parse.cells import (
    clause_paragraphs,
    parse_clauses,
    split_department_prefix,
)
from tests.strategies import clauses


def test_department_prefixes() -> None:
    assert split_department_prefix("区应急局：") == ("区应急局", "")
    assert split_department_prefix("区文旅局：负责文物保护") == ("区文旅局", "负责文物保护")
    assert split_department_prefix("区住建局", known=["区住建局"]) == ("区住建局", "")
    assert split_department_prefix("工作方式：") == (None, "工作方式：")
    assert split_department_prefix("注意：按时上报") == (None, "注意：按时上报")


def test_department_blocks_assign_their_clauses() -> None:
    result = parse_clauses(
        ["区财政局：", "1.对接金融机构。", "区发改局：", "1.组织企业填报。", "2.汇总报表。"]
    )
    assert [(c.department, c.number, c.text) for c in result] == [
        ("区财政局", 1, "对接金融机构。"),
        ("区发改局", 1, "组织企业填报。"),
        ("区发改局", 2, "汇总报表。"),
    ]


def test_clauses_run_together_in_one_paragraph_are_split_and_marked() -> None:
    result = parse_clauses(["1.指导企业安装。", "2.做好平台维护。3.街乡人员调动，应征得同意。"])
    assert [(c.number, c.same_paragraph) for c in result] == [(1, False), (2, False), (3, True)]
    assert result[2].printed == "3.街乡人员调动，应征得同意。"


def test_numbers_inside_a_clause_do_not_split_it() -> None:
    result = parse_clauses(["1.开展“9.30”烈士纪念日活动，发放2、3月补贴。"])
    assert len(result) == 1


def test_blank_paragraphs_are_skipped_and_printed_text_is_kept() -> None:
    result = parse_clauses(["", "1对离校未就业高校毕业生进行摸排"])
    assert result == (
        Clause(
            number=1,
            text="对离校未就业高校毕业生进行摸排",
            printed="1对离校未就业高校毕业生进行摸排",
        ),
    )


@given(clauses(blocks=("区财政局", "区发改局")))
def test_printing_clauses_and_parsing_them_back_is_the_identity(cell: tuple[Clause, ...]) -> None:
    assert parse_clauses(clause_paragraphs(cell), ["区财政局", "区发改局"]) == cell


@pytest.mark.parametrize(
    "cell",
    [
        ("【县财政局】", "1.对接。", "【县发改局】", "1.组织。"),
        ("县财政局职责：", "1.对接。", "县发改局职责：", "1.组织。"),
        ("（一）县财政局：", "1.对接。", "（二）县发改局：", "1.组织。"),
        ("一、县财政局", "1.对接。", "二、县发改局", "1.组织。"),
        ("【县财政局】1.对接。【县发改局】1.组织。",),
        ("县财政局职责： 1.对接。 县发改局职责： 1.组织。",),
        ("（一）县财政局： 1.对接。 （二）县发改局： 1.组织。",),
    ],
)
def test_department_blocks_headed_as_other_offices_head_them(cell: tuple[str, ...]) -> None:
    clauses = parse_clauses(cell, ("县财政局", "县发改局"))
    assert [(c.department, c.number, c.text) for c in clauses] == [
        ("县财政局", 1, "对接。"),
        ("县发改局", 1, "组织。"),
    ]


def test_clauses_numbered_like_headings_keep_their_text() -> None:
    clauses = parse_clauses(("一、加强宣传。", "（1）开展工作。"), ("县财政局",))
    assert [(c.department, c.text) for c in clauses] == [
        (None, "一、加强宣传。"),
        (None, "开展工作。"),
    ]
