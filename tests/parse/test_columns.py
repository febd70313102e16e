from dutylist.parse.columns import duty_boundary, split_row
from dutylist.parse.vocabulary import Role

COOPERATIVE = (Role.NAME, Role.DEPARTMENTS, Role.SUPERIOR_DUTIES, Role.LOCAL_DUTIES)


def test_numbering_restart_starts_the_local_duties() -> None:
    cells = split_row(
        ["统战工作", "区委统战部", "1.支持。", "2.联系。", "1.协助。", "2.配合。"], COOPERATIVE
    )
    assert cells == [
        ("统战工作",),
        ("区委统战部",),
        ("1.支持。", "2.联系。"),
        ("1.协助。", "2.配合。"),
    ]


def test_unnumbered_text_after_numbered_clauses_starts_the_next_column() -> None:
    assert duty_boundary(["1.区委审核。", "2.区政数局监管。", "对通知任务进行转发。"]) == 2


def test_two_unnumbered_paragraphs_are_one_per_column() -> None:
    assert duty_boundary(["负责规范牌子。", "负责规范整合挂牌。"]) == 1


def test_department_blocks_stay_in_the_superior_column() -> None:
    paragraphs = ["区财政局：", "1.对接。", "区发改局：", "1.组织。", "2.汇总。", "1.了解需求。"]
    assert duty_boundary(paragraphs, ["区财政局", "区发改局"]) == 5


def test_single_paragraph_blocks_end_before_unprefixed_text() -> None:
    paragraphs = ["区应急局：", "1.监管。", "区执法局：", "巡查并处理。", "开展专项宣传。"]
    assert duty_boundary(paragraphs, ["区应急局", "区执法局"]) == 4


def test_a_blank_paragraph_strengthens_a_boundary() -> None:
    paragraphs = ["", "1.负责。", "2.落实。", "", "1.配合。", "2.上报。"]
    assert duty_boundary(paragraphs) == 4


def test_a_missing_departments_cell_is_not_filled_with_a_duty() -> None:
    cells = split_row(["事项", "1.负责。", "1.配合。"], COOPERATIVE)
    assert cells == [("事项",), (), ("1.负责。",), ("1.配合。",)]


def test_a_remarks_column_after_the_duties_takes_the_last_paragraph() -> None:
    roles = (*COOPERATIVE, Role.REMARKS)
    assert split_row(["事项", "区民政局", "1.审核。", "1.初审。", "无"], roles) == [
        ("事项",),
        ("区民政局",),
        ("1.审核。",),
        ("1.初审。",),
        ("无",),
    ]
    # an empty remark is a blank paragraph; a numbered last paragraph is a clause
    assert split_row(["事项", "区民政局", "1.审核。", "1.初审。", " "], roles)[3:] == [
        ("1.初审。",),
        (),
    ]
    assert split_row(["事项", "区民政局", "1.审核。", "1.初审。", "2.上报。"], roles)[3:] == [
        ("1.初审。", "2.上报。"),
        (),
    ]


def test_an_empty_assisting_departments_cell_is_not_filled_with_a_duty() -> None:
    roles = (Role.NAME, Role.DEPARTMENTS, Role.ASSISTING_DEPARTMENTS, *COOPERATIVE[2:])
    assert split_row(["事项", "区政数局", " ", "协调维护。", "提供业务。"], roles) == [
        ("事项",),
        ("区政数局",),
        (),
        ("协调维护。",),
        ("提供业务。",),
    ]


def test_a_department_a_paragraph_fills_one_departments_cell() -> None:
    row = ["事项", "县财政局", "县发改局", "县财政局：", "1.对接。", "1.了解。"]
    assert split_row(row, COOPERATIVE) == [
        ("事项",),
        ("县财政局", "县发改局"),
        ("县财政局：", "1.对接。"),
        ("1.了解。",),
    ]
    # a department heading without its colon names a department already given
    row = ["事项", "县财政局、县发改局", "县财政局", "1.对接。", "1.了解。"]
    assert split_row(row, COOPERATIVE)[1] == ("县财政局、县发改局",)


def test_a_basic_row_with_a_line_per_cell_fills_them_one_to_one() -> None:
    roles = (Role.NAME, Role.REMARKS, Role.BASIS)
    assert split_row(["事项", " ", "《条例》第1条"], roles) == [("事项",), (), ("《条例》第1条",)]
    assert split_row(["事项", "无", "《条例》第1条"], roles) == [
        ("事项",),
        ("无",),
        ("《条例》第1条",),
    ]
