from __future__ import annotations

import attrs
import pytest

from dutylist.departments.context import (
    CityKind,
    CountyKind,
    OfficeContext,
    OfficeKind,
    ProvinceKind,
    context_of,
    parse_context,
)

P, A, M = ProvinceKind.PROVINCE, ProvinceKind.AUTONOMOUS_REGION, ProvinceKind.MUNICIPALITY


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "吉林省长春市南关区明珠街道办事处履行职责事项清单",
            ("吉林省", P, "长春市", CityKind.CITY, "南关区", CountyKind.DISTRICT, "明珠街道", OfficeKind.SUBDISTRICT),
        ),
        (
            "吉林省长春市农安县合隆镇人民政府履行职责事项清单",
            ("吉林省", P, "长春市", CityKind.CITY, "农安县", CountyKind.COUNTY, "合隆镇", OfficeKind.TOWN),
        ),
        (
            "江苏省苏州市昆山市玉山镇履行职责事项清单",
            ("江苏省", P, "苏州市", CityKind.CITY, "昆山市", CountyKind.COUNTY_CITY, "玉山镇", OfficeKind.TOWN),
        ),
        (
            "北京市海淀区学院路街道办事处履行职责事项清单",
            ("北京市", M, "北京市", CityKind.CITY, "海淀区", CountyKind.DISTRICT, "学院路街道", OfficeKind.SUBDISTRICT),
        ),
        (
            "内蒙古自治区锡林郭勒盟正蓝旗上都镇履行职责事项清单",
            ("内蒙古自治区", A, "锡林郭勒盟", CityKind.LEAGUE, "正蓝旗", CountyKind.BANNER, "上都镇", OfficeKind.TOWN),
        ),
        (
            "吉林省延边朝鲜族自治州延吉市依兰镇履行职责事项清单",
            ("吉林省", P, "延边朝鲜族自治州", CityKind.PREFECTURE, "延吉市", CountyKind.COUNTY_CITY, "依兰镇", OfficeKind.TOWN),
        ),
        (
            "湖北省宜昌市长阳土家族自治县龙舟坪镇履行职责事项清单",
            ("湖北省", P, "宜昌市", CityKind.CITY, "长阳土家族自治县", CountyKind.AUTONOMOUS_COUNTY, "龙舟坪镇", OfficeKind.TOWN),
        ),
        (
            "内蒙古自治区呼伦贝尔市鄂温克族自治旗巴彦托海镇履行职责事项清单",
            ("内蒙古自治区", A, "呼伦贝尔市", CityKind.CITY, "鄂温克族自治旗", CountyKind.AUTONOMOUS_BANNER, "巴彦托海镇", OfficeKind.TOWN),
        ),
        (
            "内蒙古自治区锡林郭勒盟阿巴嘎旗那仁宝拉格苏木履行职责事项清单",
            ("内蒙古自治区", A, "锡林郭勒盟", CityKind.LEAGUE, "阿巴嘎旗", CountyKind.BANNER, "那仁宝拉格苏木", OfficeKind.SUMU),
        ),
        (
            "南关区明珠街道履行职责事项清单",
            (None, None, None, None, "南关区", CountyKind.DISTRICT, "明珠街道", OfficeKind.SUBDISTRICT),
        ),
    ],
)  # fmt: skip
def test_every_level_form_is_parsed(title, expected):
    context = parse_context(title)
    assert context is not None
    assert (
        context.province,
        context.province_kind,
        context.city,
        context.city_kind,
        context.county,
        context.county_kind,
        context.office,
        context.office_kind,
    ) == expected


@pytest.mark.parametrize(
    ("title", "level", "short"),
    [
        ("吉林省长春市南关区明珠街道", "区", "南关"),
        ("吉林省长春市农安县合隆镇", "县", "农安"),
        ("江苏省苏州市昆山市玉山镇", "市", "昆山"),
        ("内蒙古自治区鄂尔多斯市准格尔旗薛家湾镇", "旗", "准格尔"),
        ("湖北省宜昌市长阳土家族自治县龙舟坪镇", "县", "长阳"),
    ],
)
def test_prefix_and_short_name_of_the_county(title, level, short):
    context = parse_context(title)
    assert context is not None
    assert (context.level, context.county_short) == (level, short)


def test_a_title_naming_no_office_gives_an_unknown_context(mingzhu):
    assert parse_context("履行职责事项清单") is None
    context = context_of(attrs.evolve(mingzhu, title="履行职责事项清单", office=None))
    assert context == OfficeContext()
    assert not context.known


def test_the_configured_office_wins_over_the_title(mingzhu):
    context = context_of(mingzhu, "四川省成都市武侯区玉林街道")
    assert (context.city, context.county) == ("成都市", "武侯区")
    assert context_of(mingzhu).county == "南关区"
