"""Lists of offices elsewhere, laid out their own way, check clean and keep their departments.

The lists are built by code (tests/builders/offices.py) for counties, banners, county-level
cities, municipalities and autonomous counties, with department cells written with
牵头/配合 labels and marks, spaces, line breaks and a trailing 等. A clean list must give
no warning or error, and every department must be recognised in the office's own
geography (none unknown, none taken for a misspelling of another district's name).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dutylist.checks import check
from dutylist.checks.findings import Severity
from dutylist.departments.registry import registry_for
from dutylist.departments.view import department_views
from dutylist.io import load
from tests.builders import sample_spec
from tests.builders.offices import build_docx_office, build_html_office, build_xlsx_office
from tests.builders.spec import with_cell
from tests.io.test_offices import LAYOUTS

ELSEWHERE = [
    "city_without_counties",
    "restarting",
    "county_labels",
    "banner_marks",
    "county_city_spaces",
    "municipality_lines",
    "autonomous_county_etc",
]
_MISREAD = {"unknown-department", "misspelt-department", "office-context-unknown"}
_BUILDERS = {"docx": build_docx_office, "xlsx": build_xlsx_office, "html": build_html_office}


@pytest.mark.parametrize("fmt", sorted(_BUILDERS))
@pytest.mark.parametrize("name", ELSEWHERE)
def test_a_clean_list_elsewhere_checks_clean(tmp_path: Path, name: str, fmt: str) -> None:
    office = LAYOUTS[name]
    duty_list = load(_BUILDERS[fmt](sample_spec(), office, tmp_path / f"list.{fmt}"))
    report = check(duty_list)
    loud = [f.code for f in report.findings if f.severity.at_least(Severity.WARNING)]
    assert loud == []
    assert [f.code for f in report.findings if f.code in _MISREAD] == []


@pytest.mark.parametrize("name", ELSEWHERE)
def test_every_department_elsewhere_is_known_in_its_own_place(tmp_path: Path, name: str) -> None:
    office = LAYOUTS[name]
    duty_list = load(build_docx_office(sample_spec(), office, tmp_path / "list.docx"))
    county = registry_for(duty_list).context.county
    assert county is not None
    assert county in office.title
    views = department_views(duty_list)
    assert {view.name[:1] for view in views} == {office.level}
    for view in views:
        assert view.canonical is not None, view.name
        assert view.canonical.startswith(county), view.canonical


SPEC = sample_spec()
_PLANTED = {
    # a defect planted in the spec -> the codes (warning or worse) check must report
    "duplicate number": (with_cell(SPEC, 0, 0, 2, "序号", "2"), {"number-duplicate", "number-gap"}),
    "office's duties missing": (with_cell(SPEC, 1, 1, 0, "街道配合职责", ()), {"empty-cell"}),
    "repeated item": (
        with_cell(SPEC, 0, 1, 0, "事项名称", SPEC.parts[0].rows[0][1][0]),
        {"duplicate-item-name"},
    ),
    # 区应急居: relocated like every 区 department (县应急居, 旗应急居)
    "misspelt department": (
        with_cell(SPEC, 1, 0, 1, "对应上级部门", "区应急居"),
        {"misspelt-department"},
    ),
}


@pytest.mark.parametrize("fmt", sorted(_BUILDERS))
@pytest.mark.parametrize("defect", sorted(_PLANTED))
@pytest.mark.parametrize("name", ["county_labels", "banner_marks"])
def test_a_defect_planted_in_a_list_elsewhere_is_found(
    tmp_path: Path, name: str, defect: str, fmt: str
) -> None:
    spec, codes = _PLANTED[defect]
    duty_list = load(_BUILDERS[fmt](spec, LAYOUTS[name], tmp_path / f"list.{fmt}"))
    report = check(duty_list)
    assert {f.code for f in report.findings if f.severity.at_least(Severity.WARNING)} == codes
