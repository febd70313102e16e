"""Any header wording places its columns: from the vocabulary, or else from the content.

The layouts are drawn by hypothesis and built by code (tests/builders/offices.py); each is
read back and compared item for item with what the builders' spec says.
"""

from __future__ import annotations

import tempfile
import tomllib
from importlib import resources
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dutylist.io.xlsx.read import read_xlsx
from dutylist.parse.vocabulary import vocabulary
from tests.builders import sample_spec
from tests.builders.offices import Office, build_docx_office, build_xlsx_office, expected_items
from tests.io.test_offices import actual_items

SPEC = sample_spec()
VOCABULARY = tomllib.loads(
    resources.files("dutylist").joinpath("data/headers.toml").read_text(encoding="utf-8")
)
ROLE_OF_KEY = {
    "number": "number", "name": "name", "departments": "departments", "lead": "departments",
    "assisting": "assisting_departments", "superior": "superior_duties",
    "local": "local_duties", "receiving_and_method": "receiving_and_method",
    "receiving": "receiving_departments", "method": "working_method", "remarks": "remarks",
    "basis": "basis", "category": "category",
}  # fmt: skip
KEYS = ("number", "name", "departments", "lead", "assisting", "superior", "local",
        "receiving_and_method", "receiving", "method", "remarks", "basis")  # fmt: skip
STYLES = ("一、", "（一）", "1.", "1、", "第一类", "none")
PLACES = (
    ("吉林省长春市南关区明珠街道办事处履行职责事项清单", "区"),
    ("河北省石家庄市正定县正定镇人民政府履行职责事项清单", "县"),
    ("内蒙古自治区呼伦贝尔市鄂温克族自治旗巴彦托海镇履行职责事项清单", "旗"),
    ("江苏省苏州市昆山市周市镇履行职责事项清单", "市"),
    ("北京市朝阳区望京街道办事处履行职责事项清单", "区"),
)
DEPARTMENT_CELLS = ("plain", "labels", "marks", "spaces", "lines", "etc")
CATEGORY_CELLS = ("merged", "number", "name")
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _office_layout(draw: st.DrawFn) -> dict[str, object]:
    """Draw what both strategies vary beside the headers: place, categories, cells, tables."""
    title, level = draw(st.sampled_from(PLACES))
    categories = draw(st.sampled_from(STYLES))
    counts = draw(st.booleans())
    # a bare heading without its count typed into the 事项名称 cell is an item without a number
    cells = ("merged", "number") if categories == "none" and not counts else CATEGORY_CELLS
    return {
        "title": title,
        "level": level,
        "categories": categories,
        "counts": counts,
        "category_cells": draw(st.sampled_from(cells)),
        "department_cells": draw(st.sampled_from(DEPARTMENT_CELLS)),
        "restart_numbering": draw(st.booleans()),
        "block_headings": draw(st.sampled_from(["colon", "brackets", "duties", "ordinal"])),
        "recalled_labels": (
            draw(st.sampled_from(VOCABULARY["receiving_departments"]["words"])),
            draw(st.sampled_from(VOCABULARY["working_method"]["words"])),
        ),
        "lead_columns": draw(st.booleans()),
        "split_recalled": draw(st.booleans()),
        "full_width": draw(st.booleans()),
        "one_table": draw(st.booleans()),
    }


@st.composite
def vocabulary_offices(draw: st.DrawFn) -> Office:
    headers = {
        key: draw(st.sampled_from(VOCABULARY[ROLE_OF_KEY[key]]["words"]))
        for key in (*KEYS, "category")
    }
    return Office(
        **_office_layout(draw),
        headers=headers,
        order=tuple(draw(st.permutations(KEYS))),
        category_column=draw(st.booleans()),
        remarks=draw(st.booleans()),
        basis=draw(st.booleans()),
        part_titles=draw(st.sampled_from(["plain", "numbered", "counted", "office"])),
    )


@SETTINGS
@given(vocabulary_offices())
def test_headers_from_the_vocabulary_in_any_order_read_back(office: Office) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = build_xlsx_office(SPEC, office, Path(folder) / "list.xlsx")
        assert actual_items(read_xlsx(path)) == expected_items(SPEC, office)


_UNKNOWN = st.text(alphabet="甲乙丙丁戊己庚辛壬癸栏目列", min_size=2, max_size=6).filter(
    lambda text: vocabulary().match(text) is None
)


@st.composite
def unknown_offices(draw: st.DrawFn) -> Office:
    words = draw(st.lists(_UNKNOWN, min_size=len(KEYS), max_size=len(KEYS), unique=True))
    return Office(
        **_office_layout(draw),
        headers=dict(zip(KEYS, words, strict=True)),
    )


@SETTINGS
@given(unknown_offices(), st.booleans())
def test_headers_no_vocabulary_knows_are_placed_by_their_content(
    office: Office, as_docx: bool
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        if as_docx:
            path = build_docx_office(SPEC, office, Path(folder) / "list.docx")
            from dutylist.io.docx.read import read_docx

            duty_list = read_docx(path)
        else:
            duty_list = read_xlsx(build_xlsx_office(SPEC, office, Path(folder) / "list.xlsx"))
    assert actual_items(duty_list) == expected_items(SPEC, office)
    columns = [header for part in duty_list.parts for header in part.columns if header]
    assert set(columns) <= set(office.headers.values())


def test_a_department_column_with_one_misspelt_name_is_still_departments() -> None:
    from dutylist.parse.content import place_columns
    from dutylist.parse.vocabulary import Role

    cells = [("县财政局、县发改局",), ("县应急居",), ("县应急局牵头",), ("县残联、县民政局",)]
    samples = [[("1",), ("某事项",), cell] for cell in cells]
    columns, _kind = place_columns(["序号", "事项名称", "甲乙丙"], samples, None)
    assert columns[2].role is Role.DEPARTMENTS
    # a column of sentences with a department name in it is not
    sentences = [("县应急局",), ("组织开展宣传。",), ("县民政局",), ("县残联",)]
    samples = [[("1",), ("某事项",), cell] for cell in sentences]
    columns, _kind = place_columns(["序号", "事项名称", "甲乙丙"], samples, None)
    assert columns[2].role is not Role.DEPARTMENTS
