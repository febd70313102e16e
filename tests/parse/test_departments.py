"""The departments named in one cell, as offices write them."""

import pytest

from dutylist.model import Department
from dutylist.parse.departments import parse_departments


def test_departments_with_stray_spaces_and_a_lead() -> None:
    assert parse_departments("区财政局、 区发改局") == (
        Department(name="区财政局"),
        Department(name="区发改局"),
    )
    assert parse_departments("区应急局牵头") == (Department(name="区应急局", lead=True),)
    assert parse_departments("区教育局，区卫健局（牵头）")[1] == Department(
        name="区卫健局", lead=True
    )


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        # role labels before the names, the lead until the next label
        ("牵头：县应急局；配合：县林草局、县公安局",
         [("县应急局", True), ("县林草局", False), ("县公安局", False)]),
        ("牵头部门：旗应急管理局 配合部门：旗公安局",
         [("旗应急管理局", True), ("旗公安局", False)]),
        ("牵头单位：县发改局", [("县发改局", True)]),
        # marks after the names
        ("县应急局牵头，县林草局、县公安局配合",
         [("县应急局", True), ("县林草局", False), ("县公安局", False)]),
        ("县应急局（牵头单位）、县公安局（配合）", [("县应急局", True), ("县公安局", False)]),
        ("区委组织部（主责）、区委宣传部", [("区委组织部", True), ("区委宣传部", False)]),
        ("县应急局牵头负责", [("县应急局", True)]),
        # spaces as separators, when every piece is a department
        ("县应急局 县林草局", [("县应急局", False), ("县林草局", False)]),
        ("区民政局\u3000区残联", [("区民政局", False), ("区残联", False)]),
        # a trailing 等 is no part of the last name
        ("县应急局、县公安局等相关部门", [("县应急局", False), ("县公安局", False)]),
        ("市公安局武侯区分局等", [("市公安局武侯区分局", False)]),
        # a space inside one name is not a separator
        ("区 应急局", [("区 应急局", False)]),
        ("市公安局 南关分局", [("市公安局 南关分局", False)]),
    ],
)  # fmt: skip
def test_department_cells_as_other_offices_write_them(
    cell: str, expected: list[tuple[str, bool]]
) -> None:
    departments = parse_departments(cell)
    assert [(d.name, d.lead) for d in departments] == expected
    # nothing printed is lost: each piece keeps its printed form
    printed = [d.printed if d.printed is not None else d.name for d in departments]
    assert all(piece.strip() in cell for piece in printed)


def test_separators_inside_brackets_belong_to_a_note() -> None:
    departments = parse_departments("县委组织部（县委党校、县委老干部局）、县人社局")
    assert [d.name for d in departments] == ["县委组织部（县委党校、县委老干部局）", "县人社局"]
    departments = parse_departments("县应急局（牵头）、县林草局（配合，负责防火）")
    assert [(d.name, d.lead) for d in departments] == [
        ("县应急局", True),
        ("县林草局（配合，负责防火）", False),
    ]
