from __future__ import annotations

import attrs
import pytest

from dutylist.departments.context import OfficeContext, context_of, office_of_title, parse_context


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("吉林省长春市南关区明珠街道办事处", "吉林省 省 长春市 市 南关区 区 明珠街道 街道"),
        ("吉林省长春市农安县合隆镇人民政府", "吉林省 省 长春市 市 农安县 县 合隆镇 镇"),
        ("江苏省苏州市昆山市玉山镇", "江苏省 省 苏州市 市 昆山市 县级市 玉山镇 镇"),
        ("北京市海淀区学院路街道办事处", "北京市 直辖市 北京市 市 海淀区 区 学院路街道 街道"),
        (
            "内蒙古自治区锡林郭勒盟正蓝旗上都镇",
            "内蒙古自治区 自治区 锡林郭勒盟 盟 正蓝旗 旗 上都镇 镇",
        ),
        (
            "吉林省延边朝鲜族自治州延吉市依兰镇",
            "吉林省 省 延边朝鲜族自治州 州 延吉市 县级市 依兰镇 镇",
        ),
        (
            "湖北省宜昌市长阳土家族自治县龙舟坪镇",
            "湖北省 省 宜昌市 市 长阳土家族自治县 自治县 龙舟坪镇 镇",
        ),
        (
            "内蒙古自治区呼伦贝尔市鄂温克族自治旗巴彦托海镇",
            "内蒙古自治区 自治区 呼伦贝尔市 市 鄂温克族自治旗 自治旗 巴彦托海镇 镇",
        ),
        (
            "内蒙古自治区锡林郭勒盟阿巴嘎旗那仁宝拉格苏木",
            "内蒙古自治区 自治区 锡林郭勒盟 盟 阿巴嘎旗 旗 那仁宝拉格苏木 苏木",
        ),
        (
            "云南省怒江傈僳族自治州贡山独龙族怒族自治县独龙江乡",
            "云南省 省 怒江傈僳族自治州 州 贡山独龙族怒族自治县 自治县 独龙江乡 乡",
        ),
        ("南关区明珠街道", "- - - - 南关区 区 明珠街道 街道"),
        # a city without counties: its towns sit below the city, which is their county
        ("广东省东莞市虎门镇人民政府", "广东省 省 东莞市 市 东莞市 县级市 虎门镇 镇"),
        ("海南省儋州市那大镇", "海南省 省 儋州市 市 儋州市 县级市 那大镇 镇"),
        # any other city named without its district stays without a county
        ("吉林省长春市明珠街道", "吉林省 省 长春市 市 - - 明珠街道 街道"),
    ],
)
def test_every_level_form_is_parsed(title, expected):
    context = parse_context(title + "履行职责事项清单")
    assert context is not None
    values = [
        context.province,
        context.province_kind,
        context.city,
        context.city_kind,
        context.county,
        context.county_kind,
        context.office,
        context.office_kind,
    ]
    shown = [getattr(value, "value", value) or "-" for value in values]
    assert " ".join(shown) == expected


@pytest.mark.parametrize(
    ("title", "level", "short"),
    [
        ("吉林省长春市南关区明珠街道", "区", "南关"),
        ("吉林省长春市农安县合隆镇", "县", "农安"),
        ("江苏省苏州市昆山市玉山镇", "市", "昆山"),
        ("内蒙古自治区鄂尔多斯市准格尔旗薛家湾镇", "旗", "准格尔"),
        ("湖北省宜昌市长阳土家族自治县龙舟坪镇", "县", "长阳"),
        # 黎 and 白 are also ethnic groups, but only an autonomous area drops them
        ("海南省海口市万黎区海秀街道", "区", "万黎"),
        ("吉林省白山市浑江区红旗街道", "区", "浑江"),
        ("海南省陵水黎族自治县椰林镇", "县", "陵水"),
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


def test_office_from_title() -> None:
    office = office_of_title("吉林省长春市南关区明珠街道办事处履行职责事项清单")
    assert office is not None
    assert (office.province, office.city, office.district, office.name) == (
        "吉林省", "长春市", "南关区", "明珠街道办事处",
    )  # fmt: skip
    town = office_of_title("河北省保定市满城区大册营镇人民政府履行职责事项清单")
    assert town is not None
    assert town.name == "大册营镇人民政府"
    town_in_city = office_of_title("江苏省昆山市周市镇人民政府履行职责事项清单")
    assert town_in_city is not None
    assert (town_in_city.city, town_in_city.name) == ("昆山市", "周市镇人民政府")
    assert office_of_title("关于印发清单的通知") is None
    beijing = office_of_title("北京市朝阳区望京街道办事处履行职责事项清单")
    assert beijing is not None
    assert (beijing.province, beijing.city, beijing.district) == (None, "北京市", "朝阳区")


def test_office_names_may_hold_the_characters_of_levels() -> None:
    for title, name in [
        ("江苏省昆山市周市镇人民政府履职事项清单", "周市镇人民政府"),
        ("吉林省白山市浑江区红旗街道办事处履行职责事项清单", "红旗街道办事处"),
    ]:
        office = office_of_title(title)
        assert office is not None
        assert office.name == name


def test_a_city_without_counties_is_named_once() -> None:
    context = parse_context("广东省中山市小榄镇履行职责事项清单")
    assert context is not None
    assert context.describe() == "广东省中山市小榄镇"
    assert context.level == "市"


@pytest.mark.parametrize(
    ("office", "place", "own"),
    [
        ("内蒙古自治区锡林郭勒盟西乌珠穆沁旗巴拉嘎尔高勒镇", "西乌旗", True),
        ("内蒙古自治区通辽市科尔沁左翼中旗保康镇", "科左中旗", True),
        ("内蒙古自治区鄂尔多斯市准格尔旗薛家湾镇", "准旗", True),
        # a neighbour whose name starts the same, or keeps more than half of it
        ("内蒙古自治区鄂尔多斯市鄂托克前旗敖勒召其镇", "鄂托克旗", False),
        ("内蒙古自治区通辽市科尔沁左翼中旗保康镇", "科右中旗", False),
        ("内蒙古自治区通辽市科尔沁左翼中旗保康镇", "科尔沁区", False),
        # two-character names are not cut
        ("吉林省长春市南关区明珠街道", "南区", False),
    ],
)
def test_short_forms_of_the_county(office: str, place: str, own: bool) -> None:
    context = parse_context(office)
    assert context is not None
    assert context.abbreviates_county(place) is own
