"""Text captures of lists laid out unlike the reference, built from specs by code."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dutylist.io.text import read_text
from dutylist.model import CooperativeItem, DutyList, PartKind, RecalledItem
from tests.builders import CategorySpec, DocSpec, PartSpec, build_web_capture, sample_spec
from tests.builders.offices import Office, expected_items, text_capture_office
from tests.io.test_offices import actual_items
from tests.parse.test_content import DEPARTMENT_CELLS, PLACES, ROLE_OF_KEY, VOCABULARY

COOPERATIVE = ("序号", "事项名称", "对应上级部门", "上级部门职责", "街道配合职责")


def read(tmp_path: Path, text: str, encoding: str = "utf-8") -> DutyList:
    path = tmp_path / "capture.txt"
    path.write_bytes(text.encode(encoding))
    return read_text(path)


def expected_names(spec: DocSpec) -> list[str]:
    return [row[1][0] for part in spec.parts for row in part.rows]


def test_the_sample_spec_reads_back_item_for_item(tmp_path: Path) -> None:
    spec = sample_spec()
    duty_list = read(tmp_path, build_web_capture(spec))
    assert [item.name for item in duty_list.items] == expected_names(spec)
    assert duty_list.unplaced == ()


def test_tab_separated_rows(tmp_path: Path) -> None:
    spec = sample_spec()
    duty_list = read(tmp_path, build_web_capture(spec, tabs=True))
    assert [item.name for item in duty_list.items] == expected_names(spec)
    assert [len(part.items) for part in duty_list.parts] == [len(p.rows) for p in spec.parts]


def test_utf16_with_a_byte_order_mark(tmp_path: Path) -> None:
    spec = sample_spec()
    duty_list = read(tmp_path, "\ufeff" + build_web_capture(spec), encoding="utf-16-le")
    assert [item.name for item in duty_list.items] == expected_names(spec)


def basic(*categories: CategorySpec, columns: tuple[str, ...] = ("序号", "事项名称")) -> PartSpec:
    return PartSpec(title="基本履职事项清单", columns=columns, categories=categories)


def test_items_right_after_the_header_without_a_category(tmp_path: Path) -> None:
    rows = ((("1",), ("甲事项",)), (("2",), ("乙事项",)))
    text = build_web_capture(DocSpec(title="某街道履行职责事项清单", parts=(basic(),)))
    text += "".join(f"{cell[0]} \n\n" for row in rows for cell in row)
    duty_list = read(tmp_path, text)
    assert [(i.number, i.name) for i in duty_list.items] == [(1, "甲事项"), (2, "乙事项")]
    assert duty_list.unplaced == ()


def test_category_headings_without_counts_and_numbering_restarting(tmp_path: Path) -> None:
    spec = DocSpec(
        title="某镇履行职责事项清单",
        parts=(
            basic(
                CategorySpec("一、党的建设", ((("1",), ("甲",)), (("2",), ("乙",)))),
                CategorySpec("二、经济发展", ((("1",), ("丙",)),)),
                CategorySpec("（三）平安法治", ((("1",), ("丁",)),)),
            ),
        ),
    )
    part = read(tmp_path, build_web_capture(spec)).parts[0]
    assert [(c.ordinal, c.title, len(c.items)) for c in part.categories] == [
        (1, "党的建设", 2),
        (2, "经济发展", 1),
        (3, "平安法治", 1),
    ]


def test_unknown_local_duties_header_and_other_clause_numbers(tmp_path: Path) -> None:
    columns = ("序号", "事项名称", "对应上级部门", "上级部门职责", "镇（街道）配合职责")
    rows = (
        (("1",), ("安全生产",), ("县应急局牵头、县住建局",),
         ("（1）负责指导。", "（2）负责监督。"), ("①协助排查。", "②及时上报。")),
    )  # fmt: skip
    spec = DocSpec(
        title="某镇履行职责事项清单",
        parts=(PartSpec("配合履职事项清单", columns, (CategorySpec("一、安全（1项）", rows),)),),
    )
    duty_list = read(tmp_path, build_web_capture(spec))
    item = duty_list.items[0]
    assert isinstance(item, CooperativeItem)
    assert duty_list.parts[0].columns[-1] == "镇（街道）配合职责"
    assert [(d.name, d.lead) for d in item.departments] == [("县应急局", True), ("县住建局", False)]
    assert [c.text for c in item.superior_duties] == ["负责指导。", "负责监督。"]
    assert [c.text for c in item.local_duties] == ["协助排查。", "及时上报。"]


def test_full_width_numbers_and_a_repeated_header(tmp_path: Path) -> None:
    columns = ("序号", "事项名称", "依据", "备注")
    spec = DocSpec(
        title="某街道履行职责事项清单",
        parts=(
            basic(
                CategorySpec("一、党建（2项）", ((("１",), ("甲",), ("《党章》",), ("",)),)),
                columns=columns,
            ),
        ),
    )
    text = build_web_capture(spec)
    text += "".join(f"{cell} \n\n" for cell in (*columns, "２", "乙", "《条例》", "已调整"))
    items = read(tmp_path, text).items
    assert [(i.number, i.name) for i in items] == [(1, "甲"), (2, "乙")]
    assert [(i.basis, i.remarks, dict(i.extra)) for i in items] == [
        ("《党章》", "", {}),
        ("《条例》", "已调整", {}),
    ]


@pytest.mark.parametrize("title", ["二、配合履职事项清单（共1项）", "配合履职事项清单(1项)"])
def test_part_titles_with_a_count(tmp_path: Path, title: str) -> None:
    spec = sample_spec()
    parts = tuple(replace(p, title=title) if p.columns == COOPERATIVE else p for p in spec.parts)
    duty_list = read(tmp_path, build_web_capture(replace(spec, parts=parts)))
    part = duty_list.part(PartKind.COOPERATIVE)
    assert part is not None
    assert part.title == title


def test_recalled_part_with_separate_columns(tmp_path: Path) -> None:
    rows = (
        (("1",), ("违建拆除",), ("区执法局",), ("1.负责拆除。", "2.负责巡查。")),
        (("2",), ("路灯维护",), ("区住建局",), ("不再开展此项工作。",)),
    )
    spec = DocSpec(
        title="某街道履行职责事项清单",
        parts=(
            PartSpec(
                "上级部门收回事项清单",
                ("序号", "事项名称", "承接部门", "工作方式"),
                (CategorySpec("一、城建（2项）", rows),),
            ),
        ),
    )
    first, second = read(tmp_path, build_web_capture(spec)).items
    assert isinstance(first, RecalledItem)
    assert isinstance(second, RecalledItem)
    assert [d.name for d in first.receiving_departments] == ["区执法局"]
    assert [c.number for c in first.working_method] == [1, 2]
    assert second.discontinued


def test_attachment_rendering_alone_after_the_marker(tmp_path: Path) -> None:
    text = "文档附件：\t清单.docx\n" + build_web_capture(sample_spec()).replace(" \n\n", "\n")
    path = tmp_path / "capture.txt"
    path.write_text(text, encoding="utf-8")
    duty_list = read_text(path, rendering="attachment")
    assert [item.name for item in duty_list.items] == expected_names(sample_spec())


# Lists laid out as other offices do (tests/builders/offices.py), copied from a web page
# (every cell paragraph a line) or from Word/Excel (a row a line of tab-separated cells).
TEXT_LAYOUTS = {
    "category_column": Office(category_column=True, categories="1."),
    "arabic_counted": Office(categories="1."),
    "arabic_comma_counted_full_width": Office(categories="1、", full_width=True),
    "bare_counted": Office(categories="none"),
    "remarks": Office(remarks=True),
    "basis": Office(basis=True, headers={"basis": "依据"}),
    "lead_and_assisting": Office(lead_columns=True),
    "local_as_content": Office(headers={"local": "配合内容"}),
    "county_labels": Office(
        title="河北省石家庄市正定县正定镇人民政府履行职责事项清单",
        level="县",
        department_cells="labels",
        categories="（一）",
    ),
}


@pytest.mark.parametrize("tabs", [False, True], ids=["web", "tabs"])
@pytest.mark.parametrize("name", sorted(TEXT_LAYOUTS))
def test_other_offices_layouts_copied_as_text(tmp_path: Path, name: str, tabs: bool) -> None:
    office = TEXT_LAYOUTS[name]
    spec = sample_spec()
    duty_list = read(tmp_path, text_capture_office(spec, office, tabs=tabs))
    assert actual_items(duty_list) == expected_items(spec, office)
    assert duty_list.unplaced == ()


def test_arabic_headings_without_counts_copied_as_text(tmp_path: Path) -> None:
    office = Office(categories="1.", counts=False)
    spec = sample_spec()
    tabbed = read(tmp_path, text_capture_office(spec, office, tabs=True))
    assert actual_items(tabbed) == expected_items(spec, office)
    # From a web page, "2.经济发展" after a cooperative row's last clause could be a
    # clause; in the basic part (one name per row) it can only be a heading.
    web = read(tmp_path, text_capture_office(spec, office))
    assert [(c.ordinal, c.title) for c in web.parts[0].categories] == [
        (1, "党的建设"),
        (2, "经济发展"),
    ]


_TEXT_KEYS = ("number", "name", "departments", "assisting", "superior", "local",
              "receiving_and_method", "receiving", "method", "remarks", "basis")  # fmt: skip


@st.composite
def text_offices(draw: st.DrawFn) -> Office:
    """Layouts a text capture can carry: every heading style the reader can tell from a
    clause (1./1、/unnumbered headings with their count), header words of the vocabulary."""
    style = draw(st.sampled_from(["一、", "（一）", "第一类", "1.", "1、", "none"]))
    headers = {
        key: draw(st.sampled_from(VOCABULARY[ROLE_OF_KEY[key]]["words"]))
        for key in _TEXT_KEYS
        if draw(st.booleans())
    }
    lead = draw(st.booleans())
    if lead:
        headers["departments"] = "牵头部门"
    title, level = draw(st.sampled_from(PLACES))
    return Office(
        title=title,
        level=level,
        department_cells=draw(st.sampled_from(DEPARTMENT_CELLS)),
        restart_numbering=draw(st.booleans()),
        block_headings=draw(st.sampled_from(["colon", "brackets", "duties", "ordinal"])),
        recalled_labels=(
            draw(st.sampled_from(VOCABULARY["receiving_departments"]["words"])),
            draw(st.sampled_from(VOCABULARY["working_method"]["words"])),
        ),
        headers=headers,
        categories=style,
        counts=style in {"1.", "1、", "none"} or draw(st.booleans()),
        category_column=draw(st.booleans()),
        lead_columns=lead,
        split_recalled=draw(st.booleans()),
        remarks=draw(st.booleans()),
        basis=draw(st.booleans()),
        full_width=draw(st.booleans()),
        one_table=draw(st.booleans()),
        part_titles=draw(st.sampled_from(["plain", "numbered", "counted", "office"])),
    )


@settings(max_examples=60, deadline=None)
@given(text_offices(), st.booleans())
def test_any_office_layout_copied_as_text_reads_back(office: Office, tabs: bool) -> None:
    spec = sample_spec()
    with tempfile.TemporaryDirectory() as folder:
        duty_list = read(Path(folder), text_capture_office(spec, office, tabs=tabs))
    assert actual_items(duty_list) == expected_items(spec, office)
    assert duty_list.unplaced == ()


def test_a_header_word_that_is_also_a_part_name_stays_a_header(tmp_path: Path) -> None:
    # "收回事项" heads the name column of the recalled table; it also names the part
    office = Office(headers={"name": "收回事项"})
    spec = sample_spec()
    duty_list = read(tmp_path, text_capture_office(spec, office))
    assert actual_items(duty_list) == expected_items(spec, office)
    assert [part.kind.value for part in duty_list.parts] == ["basic", "cooperative", "recalled"]


def _paged(capture: str, every: int, header: str) -> str:
    """Return ``capture`` as copied from a paged document: before every ``every``-th row,
    a running ``header`` and a page marker ``第 n 页 共 m 页``."""
    lines = capture.split(" \n\n")
    out: list[str] = []
    rows = 0
    for line in lines:
        if line.strip().isdigit():
            rows += 1
            if rows % every == 0:
                out += [header, f"第 {rows // every} 页 共 99 页"]
        out.append(line)
    return " \n\n".join(out)


def test_a_running_header_beside_the_page_markers_is_unplaced_not_read_into_cells(
    tmp_path: Path,
) -> None:
    spec = sample_spec()
    capture = _paged(build_web_capture(spec), 2, "某街道履行职责事项清单")
    pages = capture.count("共 99 页")
    duty_list = read(tmp_path, capture)
    assert [item.name for item in duty_list.items] == expected_names(spec)
    assert [(u.text, u.reason) for u in duty_list.unplaced] == [
        ("某街道履行职责事项清单", f"页眉或页脚（出现在 {pages} 页上）")
    ]
    assert duty_list.parts == read(tmp_path, build_web_capture(spec)).parts


def test_a_line_beside_one_page_marker_of_many_stays_in_its_cell(tmp_path: Path) -> None:
    spec = sample_spec()
    plain = read(tmp_path, build_web_capture(spec))
    paged = read(tmp_path, _paged(build_web_capture(spec), 1, "某街道履行职责事项清单"))
    assert paged.parts == plain.parts  # the rows' last lines each stand beside one marker
    assert [u.text for u in paged.unplaced] == ["某街道履行职责事项清单"]


def test_no_break_spaces_copied_from_a_web_page_are_spaces(tmp_path: Path) -> None:
    spec = sample_spec()
    duty_list = read(tmp_path, build_web_capture(spec).replace(" \n", "\u00a0\n"))
    assert [item.name for item in duty_list.items] == expected_names(spec)
    assert duty_list.parts == read(tmp_path, build_web_capture(spec)).parts
    assert duty_list.unplaced == ()


@settings(max_examples=30, deadline=None)
@given(text_offices(), st.integers(1, 4), st.booleans())
def test_any_office_layout_copied_from_pages_reads_back(
    office: Office, every: int, no_break: bool
) -> None:
    spec = sample_spec()
    capture = _paged(text_capture_office(spec, office), every, "履行职责事项清单")
    if no_break:
        capture = capture.replace(" \n", "\u00a0\n")
    with tempfile.TemporaryDirectory() as folder:
        duty_list = read(Path(folder), capture)
    assert actual_items(duty_list) == expected_items(spec, office)
    assert [u.text for u in duty_list.unplaced] in ([], ["履行职责事项清单"])
