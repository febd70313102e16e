"""Two versions of a list laid out as another office lays it out: the diff is exact.

Both versions are built by code (tests/builders/offices.py) from the same spec with
planted edits; what the diff must report is said by the edits, not by dutylist.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from dutylist.diff import ChangeKind, diff_lists
from dutylist.io import load
from tests.builders import sample_spec
from tests.builders.offices import build_docx_office, build_html_office, build_xlsx_office
from tests.builders.spec import with_cell
from tests.io.test_offices import LAYOUTS

_BUILDERS = {"docx": build_docx_office, "xlsx": build_xlsx_office, "html": build_html_office}
SPEC = sample_spec()
EDITED = with_cell(
    with_cell(
        with_cell(SPEC, 1, 0, 0, "事项名称", "服务小微企业融资和信贷工作"),
        1,
        1,
        1,
        "对应上级部门",
        "区残联牵头、区民政局、区卫健局",
    ),
    2,
    0,
    1,
    "承接部门及工作方式",
    ("承接部门：区城管局", "工作方式：不再开展此项工作"),
)
"""A renamed cooperative item, a department added with a new lead, a recalled item handed
to another department."""


@pytest.mark.parametrize("fmt", sorted(_BUILDERS))
@pytest.mark.parametrize("name", ["county_labels", "banner_marks", "municipality_lines"])
def test_planted_edits_are_the_whole_diff(tmp_path: Path, name: str, fmt: str) -> None:
    office = LAYOUTS[name]
    old = load(_BUILDERS[fmt](SPEC, office, tmp_path / f"old.{fmt}"))
    new = load(_BUILDERS[fmt](EDITED, office, tmp_path / f"new.{fmt}"))
    changes = diff_lists(old, new).changes
    found = [
        (c.kind, c.new[0].part.value, c.new[0].number, tuple(f.field for f in c.fields))
        for c in changes
    ]
    assert found == [
        (ChangeKind.MODIFIED, "cooperative", 1, ("name",)),
        (ChangeKind.MODIFIED, "cooperative", 4, ("departments",)),
        (ChangeKind.MODIFIED, "recalled", 2, ("departments",)),
    ]
    assert (
        diff_lists(old, load(_BUILDERS[fmt](SPEC, office, tmp_path / f"same.{fmt}"))).changes == ()
    )


@pytest.mark.parametrize("style", ["labels", "marks", "spaces", "lines", "etc"])
def test_departments_written_another_way_are_no_change(tmp_path: Path, style: str) -> None:
    office = LAYOUTS["county_labels"]
    old = load(
        build_docx_office(SPEC, replace(office, department_cells="plain"), tmp_path / "a.docx")
    )
    new = load(
        build_docx_office(SPEC, replace(office, department_cells=style), tmp_path / "b.docx")
    )
    assert diff_lists(old, new).changes == ()
