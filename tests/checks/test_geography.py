"""Departments for every office: the reference list moved to other places checks the same."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dutylist.checks import check
from dutylist.checks.findings import Severity
from dutylist.config import Config
from dutylist.io import load
from dutylist.model import PartKind
from dutylist.parse.cells import parse_departments
from tests.checks.model_builders import replace_item
from tests.checks.renaming import Place, rename

C, R = PartKind.COOPERATIVE, PartKind.RECALLED
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "mingzhu.json"

WUHOU = Place("四川省", "成都市", "武侯", "区", "玉林", "街道")
NONGAN = Place("吉林省", "长春市", "农安", "县", "合隆", "镇")
ZHUNGEER = Place("内蒙古自治区", "鄂尔多斯市", "准格尔", "旗", "薛家湾", "镇")


@pytest.fixture(scope="module")
def reference():
    return load(EXAMPLE)


@pytest.fixture(scope="module")
def reference_findings(reference):
    return _findings(reference)


def _findings(duty_list, config=None):
    return {(f.code, f.location.part, f.location.item) for f in check(duty_list, config).findings}


def _errors(duty_list):
    return {
        (f.code, f.location.part, f.location.item)
        for f in check(duty_list).filter(severity=Severity.ERROR)
    }


@pytest.mark.parametrize("place", [WUHOU, NONGAN, ZHUNGEER], ids=["district", "county", "banner"])
def test_the_reference_moved_elsewhere_checks_the_same(reference, reference_findings, place):
    moved = rename(reference, place)
    assert moved.title.startswith(place.province + place.city + place.county + place.level)
    assert _findings(moved) == reference_findings
    assert _errors(moved) == _errors(reference)


_NAME_CHARACTERS = (
    "宝北滨昌朝川春达丰港广海汉和华淮吉江金锦景康兰乐黎丽龙隆茂梅美明南宁平浦清庆秋荣"
    "瑞沙山善寿舒顺松泰潭天通万望西祥欣兴阳宜永裕源云泽"
)
_names = st.text(alphabet=_NAME_CHARACTERS, min_size=2, max_size=3)


@st.composite
def places(draw):
    province, city, county, office = draw(st.lists(_names, min_size=4, max_size=4, unique=True))
    return Place(
        province=province + draw(st.sampled_from(["省", "自治区"])),
        city=city + "市",
        county=county,
        level=draw(st.sampled_from(["区", "县", "旗"])),
        office=office,
        kind=draw(st.sampled_from(["街道", "镇"])),
    )


@pytest.mark.slow
@settings(max_examples=12)
@given(place=places())
def test_renaming_places_consistently_never_changes_the_findings(
    reference, reference_findings, place
):
    assert _findings(rename(reference, place)) == reference_findings


def test_the_references_real_defects_are_still_found(reference):
    report = check(reference)
    (typo,) = report.filter(code="misspelt-department")
    assert (typo.location.part, typo.location.item, typo.severity) == (C, 94, Severity.ERROR)
    assert typo.subject == "市公安局南关分区局"
    assert "市公安局南关区分局" in (typo.hint or "")
    spelling = {f.location.item: f for f in report.filter(code="inconsistent-department-spelling")}
    market = spelling[57]
    assert market.location.part is R
    assert "市市场监管局南关区分局 ×1" in market.message
    assert "市市场监督管理局南关分局 ×9" in market.message
    assert "市市场监督管理局南关分局" in (market.hint or "")


def _cell(duty_list, number, text):
    return replace_item(
        duty_list, C, number, lambda i: attrs.evolve(i, departments=parse_departments(text))
    )


def test_a_district_prefix_in_a_county_list_names_the_expected_prefix(reference):
    county = rename(reference, NONGAN)
    mixed = _cell(county, 10, "区财政局、县发改局")
    findings = check(mixed).filter(code="wrong-department-prefix")
    assert [(f.location.item, f.subject) for f in findings] == [(10, "区财政局")]
    assert findings[0].hint is not None
    assert "县财政局" in findings[0].hint
    assert "农安县" in findings[0].message


def test_mixed_prefixes_without_a_title_are_checked_by_majority(reference):
    untitled = attrs.evolve(rename(reference, NONGAN), title="履行职责事项清单", office=None)
    mixed = _cell(untitled, 10, "区财政局、县发改局")
    report = check(mixed)
    (unknown,) = report.filter(code="office-context-unknown")
    assert unknown.location.item is None
    findings = report.filter(code="wrong-department-prefix")
    assert [(f.location.item, f.subject) for f in findings] == [(10, "区财政局")]
    assert "县财政局" in (findings[0].hint or "")


def test_another_districts_branch_names_the_expected_place(reference):
    wrong = _cell(reference, 10, "区财政局、市公安局武侯区分局")
    findings = check(wrong).filter(code="wrong-department-place")
    assert [(f.location.item, f.subject) for f in findings] == [(10, "市公安局武侯区分局")]
    assert "市公安局南关区分局" in (findings[0].hint or "")
    assert "南关区" in findings[0].message
    assert check(wrong).filter(code="misspelt-department")[0].location.item == 94


def test_a_list_copied_from_another_district_is_reported_once(reference):
    copied = rename(reference, WUHOU, title=False)
    report = check(copied)
    (finding,) = report.filter(code="wrong-department-place")
    assert finding.subject == "武侯区"
    assert "南关区" in finding.message
    assert "南关区" in (finding.hint or "")
    assert {f.code for f in report.filter(severity=Severity.ERROR)} <= {
        "misspelt-department",
        "duplicate-category-title",
    }


def test_the_configured_office_replaces_the_title(reference):
    moved = attrs.evolve(rename(reference, WUHOU), title="履行职责事项清单", office=None)
    config = Config(office="四川省成都市武侯区玉林街道")
    assert _findings(moved, config) == _findings(reference)


def test_a_retired_name_names_the_current_one(reference):
    report = check(reference)
    retired = {f.location.item: f for f in report.filter(code="retired-department-name")}
    assert retired[4].severity is Severity.INFO
    assert "区数据局" in (retired[4].hint or "")
