from __future__ import annotations

import pytest

from dutylist.departments.context import parse_context
from dutylist.departments.occurrences import normalise_departments, occurrences
from dutylist.departments.registry import Registry, ResolutionKind, default_registry, registry_for
from dutylist.model import CooperativeItem, PartKind, RecalledItem

NANGUAN = parse_context("吉林省长春市南关区明珠街道")
WUHOU = parse_context("四川省成都市武侯区玉林街道")
NONGAN = parse_context("吉林省长春市农安县合隆镇")
KUNSHAN = parse_context("江苏省苏州市昆山市玉山镇")
HAIDIAN = parse_context("北京市海淀区学院路街道")
ZHUNGEER = parse_context("内蒙古自治区鄂尔多斯市准格尔旗薛家湾镇")


@pytest.fixture(scope="module")
def registry():
    return default_registry(NANGUAN)


@pytest.mark.parametrize(
    ("name", "canonical", "kind"),
    [
        ("南关区住房和城乡建设局", "南关区住房和城乡建设局", ResolutionKind.EXACT),
        ("区住建局", "南关区住房和城乡建设局", ResolutionKind.ABBREVIATION),
        ("区应急局牵头", "南关区应急管理局", ResolutionKind.ABBREVIATION),
        (" 区发改局", "南关区发展和改革局", ResolutionKind.ABBREVIATION),
        ("区住房和城乡建设局", "南关区住房和城乡建设局", ResolutionKind.ALIAS),
        ("政府办", "南关区人民政府办公室", ResolutionKind.ALIAS),
        ("区委组织部", "中共南关区委组织部", ResolutionKind.ABBREVIATION),
        ("团区委", "共青团南关区委员会", ResolutionKind.ABBREVIATION),
        ("市民政局", "长春市民政局", ResolutionKind.ABBREVIATION),
        ("市公安局南关区分局", "长春市公安局南关区分局", ResolutionKind.ABBREVIATION),
        ("市市场监管局南关区分局", "长春市市场监督管理局南关区分局", ResolutionKind.ABBREVIATION),
        ("市市场监督管理局南关分局", "长春市市场监督管理局南关区分局", ResolutionKind.ABBREVIATION),
        ("市规资局南关分局", "长春市规划和自然资源局南关区分局", ResolutionKind.ABBREVIATION),
        ("相关部门", None, ResolutionKind.GENERIC),
        ("市公安局南关分区局", None, ResolutionKind.UNKNOWN),
    ],
)
def test_normalise_in_a_district(registry, name, canonical, kind):
    resolution = registry.normalise(name)
    assert (resolution.canonical, resolution.kind) == (canonical, kind)


@pytest.mark.parametrize(
    ("context", "right", "canonical"),
    [
        (WUHOU, "区住建局", "武侯区住房和城乡建设局"),
        (WUHOU, "市公安局武侯区分局", "成都市公安局武侯区分局"),
        (NONGAN, "县住建局", "农安县住房和城乡建设局"),
        (NONGAN, "县委组织部", "中共农安县委组织部"),
        (NONGAN, "团县委", "共青团农安县委员会"),
        (KUNSHAN, "市住建局", "昆山市住房和城乡建设局"),
        (HAIDIAN, "区住建局", "海淀区住房和城乡建设局"),
        (HAIDIAN, "市民政局", "北京市民政局"),
        (ZHUNGEER, "旗住建局", "准格尔旗住房和城乡建设局"),
        (ZHUNGEER, "旗委组织部", "中共准格尔旗委组织部"),
    ],
)
def test_each_level_form_takes_its_own_prefix(context, right, canonical):
    resolution = default_registry(context).normalise(right)
    assert resolution.kind.standard
    assert resolution.canonical == canonical


@pytest.mark.parametrize(
    ("context", "wrong", "expected", "found"),
    [
        (NANGUAN, "县住建局", "区住建局", "县"),
        (NONGAN, "区住建局", "县住建局", "区"),
        (NONGAN, "区委组织部", "县委组织部", "区"),
        (ZHUNGEER, "团县委", "团旗委", "县"),
        (NANGUAN, "市公安局武侯区分局", "市公安局南关区分局", "武侯区"),
        (WUHOU, "市公安局南关区分局", "市公安局武侯区分局", "南关区"),
        (WUHOU, "市规资局南关分局", "市规资局武侯分局", "南关"),
    ],
)
def test_another_levels_prefix_or_another_place_is_misplaced(context, wrong, expected, found):
    resolution = default_registry(context).normalise(wrong)
    assert resolution.kind is ResolutionKind.MISPLACED
    assert (resolution.expected, resolution.found) == (expected, found)


def test_without_a_context_every_county_prefix_and_place_is_accepted():
    registry = default_registry()
    for name in ("区住建局", "县住建局", "旗住建局", "市公安局武侯区分局", "市规资局南关分局"):
        assert registry.normalise(name).kind.standard, name
    assert registry.normalise("市公安局武侯区分局").canonical == "市公安局武侯区分局"


def test_typo_is_probable_and_suggests_the_right_name(registry):
    resolution = registry.normalise("市公安局南关分区局")
    assert resolution.probable_typo
    assert resolution.suggestions[0].distance == 1
    best = registry.suggest("市公安局南关分区局", local=["市公安局南关区分局"])
    assert best[0].spelling == "市公安局南关区分局"


def test_unrelated_unknown_is_no_typo(registry):
    resolution = registry.normalise("区数据资源管理中心")
    assert resolution.kind is ResolutionKind.UNKNOWN
    assert not resolution.probable_typo


def test_every_department_name_of_the_reference_resolves(mingzhu):
    unresolved = {
        o.resolution.cleaned
        for o in occurrences(mingzhu, registry_for(mingzhu), text=False)
        if o.resolution.kind is ResolutionKind.UNKNOWN
    }
    assert unresolved == {"市公安局南关分区局"}


def test_mentions_skip_not_departments(registry):
    found = [spelling for _, spelling, _ in registry.mentions("配合残联录入全国残联信息服务化平台")]
    assert found == ["残联"]


def test_mentions_take_the_longest_name_first(registry):
    found = [spelling for _, spelling, _ in registry.mentions("报市民政局和区住房和城乡建设局审核")]
    assert found == ["市民政局", "区住房和城乡建设局"]


def test_renames_name_the_current_department():
    registry = default_registry(WUHOU)
    retired = registry.normalise("区政数局")
    assert retired.rename is not None
    assert (retired.rename.new, retired.rename.since, retired.current) == (
        "数据局",
        2024,
        "区数据局",
    )
    assert registry.normalise("区数据局").rename is None
    assert registry.rename_between("区政数局", "区数据局") == retired.rename
    assert registry.rename_between("区政数局", "区住建局") is None
    assert registry.rename_between("区住建局", "区数据局") is None
    assert any(rename.old == "城市管理局" for rename in registry.renames)


def test_normalised_copy_fills_canonical_with_the_lists_own_places(mingzhu):
    copy = normalise_departments(mingzhu)
    assert copy != mingzhu
    item = copy.find(mingzhu.part(PartKind.COOPERATIVE).items[93].key)
    assert isinstance(item, CooperativeItem)
    assert [d.canonical for d in item.departments] == [
        "南关区应急管理局",
        None,
        "南关区综合行政执法局",
        "长春市市场监督管理局南关区分局",
    ]
    recalled = copy.part(PartKind.RECALLED).items[0]
    assert isinstance(recalled, RecalledItem)
    assert recalled.receiving_departments[0].canonical == "南关区文学艺术界联合会"
    assert all(
        d.canonical is None for d in mingzhu.part(PartKind.RECALLED).items[0].receiving_departments
    )


def test_registry_files_extend_the_vocabulary(tmp_path):
    path = tmp_path / "extra.toml"
    path.write_text(
        """
generic = ["各成员单位"]
[[department]]
canonical = "南关区数据资源管理中心"
abbreviation = "区数据中心"
aliases = ["区数据资源管理中心"]

[[body]]
name = "住房和城乡建设局"
aliases = ["建设局"]
""",
        encoding="utf-8",
    )
    registry = Registry.from_files([path], context=NANGUAN)
    assert registry.normalise("区数据资源管理中心").canonical == "南关区数据资源管理中心"
    assert registry.normalise("区数据中心").kind is ResolutionKind.ABBREVIATION
    assert registry.normalise("区建设局").kind is ResolutionKind.ALIAS
    assert registry.normalise("区住建局").kind is ResolutionKind.ABBREVIATION
    assert registry.normalise("各成员单位").kind is ResolutionKind.GENERIC


def test_a_replacing_registry_drops_the_national_vocabulary(tmp_path):
    path = tmp_path / "only.toml"
    path.write_text(
        'mode = "replace"\n[[body]]\nname = "住房和城乡建设局"\nshort = "住建局"\n',
        encoding="utf-8",
    )
    registry = Registry.from_files([path], context=NANGUAN)
    assert registry.normalise("区住建局").kind is ResolutionKind.ABBREVIATION
    assert registry.normalise("区民政局").kind is ResolutionKind.UNKNOWN
    assert registry.normalise("相关部门").kind is ResolutionKind.UNKNOWN


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("县人社局（县医保局）", "正定县人力资源和社会保障局"),
        ("县林业和草原局（县林草局）", "正定县林业和草原局"),
        ("县应急局(县安委办)", "正定县应急管理局"),
    ],
)
def test_a_known_name_with_a_note_in_brackets_resolves(name: str, canonical: str) -> None:
    registry = default_registry(parse_context("河北省石家庄市正定县正定镇履行职责事项清单"))
    resolution = registry.normalise(name)
    assert resolution.canonical == canonical
    assert resolution.kind is not ResolutionKind.UNKNOWN


def test_an_unknown_name_with_a_note_stays_unknown() -> None:
    registry = default_registry(parse_context("河北省石家庄市正定县正定镇履行职责事项清单"))
    assert registry.normalise("县某某办（临时）").kind is ResolutionKind.UNKNOWN


@pytest.mark.parametrize(
    ("office", "name", "canonical"),
    [
        (
            "河北省石家庄市正定县正定镇",
            "国家税务总局正定县税务局",
            "国家税务总局石家庄市正定县税务局",
        ),
        ("河北省石家庄市正定县正定镇", "县行政审批局", "正定县行政审批局"),
        ("河北省石家庄市正定县正定镇", "县人武部", "正定县人民武装部"),
        ("河北省石家庄市正定县正定镇", "县文化广电体育和旅游局", "正定县文化和旅游局"),
        ("河北省石家庄市正定县正定镇", "县供销社", "正定县供销合作社联合社"),
        ("河北省石家庄市正定县正定镇", "县粮食和物资储备局", "正定县粮食和物资储备局"),
        ("河北省石家庄市正定县正定镇", "县消防大队", "正定县消防救援大队"),
        ("内蒙古自治区呼伦贝尔市鄂温克族自治旗巴彦托海镇", "旗农牧局", "鄂温克族自治旗农牧局"),
        (
            "内蒙古自治区呼伦贝尔市鄂温克族自治旗巴彦托海镇",
            "旗民委",
            "鄂温克族自治旗民族事务委员会",
        ),
        (
            "内蒙古自治区呼伦贝尔市鄂温克族自治旗巴彦托海镇",
            "旗卫健委",
            "鄂温克族自治旗卫生健康委员会",
        ),
        ("北京市朝阳区望京街道", "区城市管理委", "朝阳区城市管理委员会"),
        ("北京市朝阳区望京街道", "区住房城乡建设委", "朝阳区住房和城乡建设委员会"),
        ("北京市朝阳区望京街道", "区发展改革委", "朝阳区发展和改革委员会"),
        ("北京市朝阳区望京街道", "区人力社保局", "朝阳区人力资源和社会保障局"),
        ("北京市朝阳区望京街道", "区公安分局", "北京市公安局朝阳区分局"),
        ("北京市朝阳区望京街道", "区消防救援支队", "朝阳区消防救援大队"),
    ],
)
def test_departments_as_other_places_name_them(office: str, name: str, canonical: str) -> None:
    resolution = default_registry(parse_context(office)).normalise(name)
    assert resolution.kind not in {ResolutionKind.UNKNOWN, ResolutionKind.MISPLACED}
    assert resolution.canonical == canonical


def test_a_residents_committee_is_no_mention_of_the_ethnic_affairs_commission() -> None:
    registry = default_registry(parse_context("吉林省长春市南关区明珠街道"))
    assert list(registry.mentions("指导村（居）民委员会规范化建设")) == []


@pytest.mark.parametrize(
    ("office", "name", "canonical"),
    [
        (
            "内蒙古自治区锡林郭勒盟西乌珠穆沁旗巴拉嘎尔高勒镇",
            "西乌旗应急管理局",
            "西乌珠穆沁旗应急管理局",
        ),
        (
            "内蒙古自治区锡林郭勒盟西乌珠穆沁旗巴拉嘎尔高勒镇",
            "盟生态环境局西乌旗分局",
            "锡林郭勒盟生态环境局西乌珠穆沁旗分局",
        ),
        (
            "四川省凉山彝族自治州西昌市安宁镇",
            "凉山州公安局西昌分局",
            "凉山彝族自治州公安局西昌市分局",
        ),
        ("四川省凉山彝族自治州西昌市安宁镇", "凉山州民政局", "凉山彝族自治州民政局"),
        ("重庆市渝中区解放碑街道", "区规划自然资源局", "渝中区规划和自然资源局"),
        ("重庆市渝中区解放碑街道", "区住房城乡建委", "渝中区住房和城乡建设委员会"),
    ],
)
def test_short_place_names_and_regional_spellings(office: str, name: str, canonical: str) -> None:
    resolution = default_registry(parse_context(office)).normalise(name)
    assert resolution.kind not in {ResolutionKind.UNKNOWN, ResolutionKind.MISPLACED}
    assert resolution.canonical == canonical


def test_a_neighbour_with_a_name_starting_the_same_is_another_place() -> None:
    registry = default_registry(parse_context("内蒙古自治区鄂尔多斯市鄂托克前旗敖勒召其镇"))
    assert registry.normalise("鄂托克旗应急管理局").kind is ResolutionKind.MISPLACED
