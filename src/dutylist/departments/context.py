"""Where an office sits: province, city, county and the office itself.

Department names follow the office's geography (``区住建局`` in a district, ``县住建局`` in
a county, ``市公安局武侯区分局`` for the city police's branch in 武侯区), so the department
rules read the office's context first. It is parsed from ``[tool.dutylist] office = …``,
else from the office the reader found in the title (:attr:`dutylist.model.DutyList.office`),
else from the title itself, for every level form:

* province: 省, 自治区, or one of the four 直辖市 (北京市, 天津市, 上海市, 重庆市);
* city: 市, 自治州/州, 盟, 地区 (under a 直辖市 the municipality is the city too);
* county: 区, 县, 自治县, 县级市 (a ``…市`` below a city), 旗, 自治旗; the city itself for
  the four cities without counties (东莞市, 中山市, 儋州市, 嘉峪关市);
* office: 街道, 镇, 乡, 民族乡, 苏木.
"""

from __future__ import annotations

import enum
import re
from typing import TypeVar

import attrs

from dutylist.model import DutyList, Office
from dutylist.patterns import compile_on_use

K = TypeVar("K")

MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
"""The four 直辖市: province and city at once."""

CITIES_WITHOUT_COUNTIES = ("东莞市", "中山市", "儋州市", "嘉峪关市")
"""The prefecture-level cities with no districts or counties (不设区的地级市): their
towns and subdistricts sit right below the city, whose departments (市住建局) are the
ones a county's would be elsewhere."""


class ProvinceKind(enum.Enum):
    """The province-level form."""

    PROVINCE = "省"
    AUTONOMOUS_REGION = "自治区"
    MUNICIPALITY = "直辖市"


class CityKind(enum.Enum):
    """The prefecture-level form."""

    CITY = "市"
    PREFECTURE = "州"
    LEAGUE = "盟"
    REGION = "地区"


class CountyKind(enum.Enum):
    """The county-level form, with the prefix its own departments take (:attr:`prefix`)."""

    DISTRICT = "区"
    COUNTY = "县"
    AUTONOMOUS_COUNTY = "自治县"
    COUNTY_CITY = "县级市"
    BANNER = "旗"
    AUTONOMOUS_BANNER = "自治旗"

    @property
    def prefix(self) -> str:
        """Return the prefix of the county's own departments: 区, 县, 市 or 旗."""
        return {"自治县": "县", "县级市": "市", "自治旗": "旗"}.get(self.value, self.value)


class OfficeKind(enum.Enum):
    """The township-level form."""

    SUBDISTRICT = "街道"
    TOWN = "镇"
    TOWNSHIP = "乡"
    ETHNIC_TOWNSHIP = "民族乡"
    SUMU = "苏木"


_SHORTEST_CUT = 3
"""The shortest county name that offices cut short (准格尔 → 准)."""

COUNTY_PREFIXES = ("区", "县", "旗", "市")
"""Every county-level department prefix, 市 (a 县级市's) last: it is also the city's."""


@attrs.frozen(kw_only=True)
class OfficeContext:
    """The geography of one office; every part is None when the source does not say."""

    province: str | None = None
    """``吉林省``, ``内蒙古自治区``, ``北京市``."""
    province_kind: ProvinceKind | None = None
    city: str | None = None
    """``长春市``, ``延边朝鲜族自治州``, ``锡林郭勒盟``; the municipality under a 直辖市."""
    city_kind: CityKind | None = None
    county: str | None = None
    """``南关区``, ``农安县``, ``昆山市``, ``准格尔旗``."""
    county_kind: CountyKind | None = None
    office: str | None = None
    """``明珠街道``, ``薛家湾镇``: the name without 办事处 or 人民政府."""
    office_kind: OfficeKind | None = None

    @property
    def known(self) -> bool:
        """Return True when the county is known: what the prefix and place rules need."""
        return self.county is not None and self.county_kind is not None

    @property
    def level(self) -> str | None:
        """Return the prefix of the county's own departments (区, 县, 市, 旗), or None."""
        return self.county_kind.prefix if self.county_kind is not None else None

    @property
    def city_level(self) -> str:
        """Return the prefix of the city's departments: 市, 州, 盟 or 地区 (市 when unknown)."""
        return self.city_kind.value if self.city_kind is not None else "市"

    @property
    def county_short(self) -> str | None:
        """Return the county's name without its level: 南关区 → 南关, 准格尔旗 → 准格尔."""
        return short_name(self.county)

    @property
    def city_short(self) -> str | None:
        """Return the city's name without its level: 长春市 → 长春."""
        return short_name(self.city)

    def abbreviates_county(self, place: str) -> bool:
        """Return True when ``place`` is a short form of this office's county.

        Long banner and county names are cut to a few of their characters, in order and
        from the first: 西乌旗 (西乌珠穆沁旗), 科右中旗 (科尔沁右翼中旗), 准旗 (准格尔旗). The
        short form keeps the level and at most half the name, so that a neighbour whose
        name starts the same (鄂托克旗 beside 鄂托克前旗) is not taken for it; names of two
        characters are not cut.
        """
        own, level = self.county_short, self.level
        if own is None or level is None or not place.endswith(level):
            return False
        stem = place.removesuffix(level)
        if not stem or stem[0] != own[0] or len(stem) * 2 > len(own) or len(own) < _SHORTEST_CUT:
            return False  # 南区 is not short for 南关区: two characters are short enough
        rest = iter(own)
        return all(character in rest for character in stem)

    def describe(self) -> str:
        """Return the context as one string: ``吉林省长春市南关区明珠街道``."""
        parts = [self.province, self.city, self.county, self.office]
        if self.province_kind is ProvinceKind.MUNICIPALITY or self.city == self.county:
            parts[1] = None  # 北京市朝阳区, 东莞市虎门镇: the city is named once
        return "".join(part for part in parts if part)


_ETHNIC = (
    "蒙古",
    "回",
    "藏",
    "维吾尔",
    "苗",
    "彝",
    "壮",
    "布依",
    "朝鲜",
    "满",
    "侗",
    "瑶",
    "白",
    "土家",
    "哈尼",
    "哈萨克",
    "傣",
    "黎",
    "傈僳",
    "佤",
    "畲",
    "高山",
    "拉祜",
    "水",
    "东乡",
    "纳西",
    "景颇",
    "柯尔克孜",
    "土",
    "达斡尔",
    "仫佬",
    "羌",
    "布朗",
    "撒拉",
    "毛南",
    "仡佬",
    "锡伯",
    "阿昌",
    "普米",
    "塔吉克",
    "怒",
    "乌孜别克",
    "俄罗斯",
    "鄂温克",
    "德昂",
    "保安",
    "裕固",
    "京",
    "塔塔尔",
    "独龙",
    "鄂伦春",
    "赫哲",
    "门巴",
    "珞巴",
    "基诺",
    "各",
)
"""The names of China's ethnic groups, for the short names of autonomous areas."""

_SHORT = compile_on_use(
    "(?:(?:" + "|".join(sorted(_ETHNIC, key=len, reverse=True)) + ")族?)*"
    "(?:自治县|自治旗|自治州)$"
    "|(?:地区|新区|区|县|市|旗|州|盟)$"
)
"""A place's level, with the ethnic groups of an autonomous area (黎 in 万黎区 is a name)."""


def short_name(name: str | None) -> str | None:
    """Return a place's name without its level: 南关区 → 南关, 长阳土家族自治县 → 长阳."""
    if name is None:
        return None
    for end in range(2, len(name)):
        if _SHORT.fullmatch(name[end:]):
            return name[:end]
    return name  # 城区 stays 城区


_CONTEXT = compile_on_use(
    r"""^(?P<province>北京市|天津市|上海市|重庆市|[^省市区县]{2,3}省|[^省市县]{2,8}?自治区)?
    (?P<city>[^省区县旗]{2,10}?(?:自治州|地区|盟|市|州))?
    (?P<county>[^省]{1,10}?(?:自治县|自治旗|区|县|旗|市))?
    (?P<office>[^省县]{1,10}?(?:街道|民族乡|苏木|镇|乡))
    (?P<seat>办事处|人民政府|党工委|党委)?(?P<rest>.*)""",
    re.VERBOSE,
)

_COUNTY_KINDS = (
    ("自治县", CountyKind.AUTONOMOUS_COUNTY),
    ("自治旗", CountyKind.AUTONOMOUS_BANNER),
    ("区", CountyKind.DISTRICT),
    ("县", CountyKind.COUNTY),
    ("旗", CountyKind.BANNER),
    ("市", CountyKind.COUNTY_CITY),
)
_CITY_KINDS = (
    ("自治州", CityKind.PREFECTURE),
    ("州", CityKind.PREFECTURE),
    ("盟", CityKind.LEAGUE),
    ("地区", CityKind.REGION),
    ("市", CityKind.CITY),
)
_OFFICE_KINDS = (
    ("街道", OfficeKind.SUBDISTRICT),
    ("民族乡", OfficeKind.ETHNIC_TOWNSHIP),
    ("苏木", OfficeKind.SUMU),
    ("镇", OfficeKind.TOWN),
    ("乡", OfficeKind.TOWNSHIP),
)


def _kind(name: str | None, kinds: tuple[tuple[str, K], ...]) -> K | None:
    if name is None:
        return None
    return next((kind for suffix, kind in kinds if name.endswith(suffix)), None)


def _squash(text: str) -> str:
    return re.sub(r"[\s\u3000]+", "", text)


_NO_OFFICE = "\ue000街道"


def parse_context(text: str) -> OfficeContext | None:
    """Return the context named at the start of ``text`` (a title or an office), or None.

    ``四川省成都市武侯区玉林街道办事处履行职责事项清单`` gives 四川省 / 成都市 / 武侯区
    (区) / 玉林街道 (街道). A name without an office (``四川省成都市武侯区``) is read too.
    """
    text = _squash(text)
    match = _CONTEXT.match(text)
    if match is None:
        match = _CONTEXT.fullmatch(text + _NO_OFFICE)
        if match is None or match.group("office") != _NO_OFFICE:
            return None
    office = match.group("office")
    return _from_parts(
        match.group("province"),
        match.group("city"),
        match.group("county"),
        office if office != _NO_OFFICE else None,
    )


def office_of_title(title: str) -> Office | None:
    """Return the office a list's title names, as the model records it, or None.

    ``吉林省长春市南关区明珠街道办事处履行职责事项清单`` gives 吉林省 / 长春市 / 南关区 /
    明珠街道办事处: the office keeps its seat (办事处, 人民政府). A title that names no
    office, or does not go on to name a list (清单), gives None.
    """
    match = _CONTEXT.match(_squash(title))
    if match is None or "清单" not in match.group("rest"):
        return None
    province, city = match.group("province"), match.group("city")
    if province in MUNICIPALITIES and city is None:
        province, city = None, province  # 北京市朝阳区: the municipality is the city
    return Office(
        province=province,
        city=city,
        district=match.group("county"),
        name=match.group("office") + (match.group("seat") or ""),
    )


def _from_parts(
    province: str | None, city: str | None, county: str | None, office: str | None
) -> OfficeContext | None:
    if province in MUNICIPALITIES:
        if county is None and city is not None:
            county, city = city, None
        city = province
        province_kind: ProvinceKind | None = ProvinceKind.MUNICIPALITY
    elif province is not None:
        province_kind = (
            ProvinceKind.AUTONOMOUS_REGION if province.endswith("自治区") else ProvinceKind.PROVINCE
        )
    else:
        province_kind = None
    if city is not None and county is None and province_kind is not ProvinceKind.MUNICIPALITY:
        kind = _kind(city, _COUNTY_KINDS)
        if kind is not None and kind is not CountyKind.COUNTY_CITY:
            county, city = city, None  # 南关区明珠街道: no city named
    if county is None and city in CITIES_WITHOUT_COUNTIES:
        county = city  # 东莞市虎门镇: the city is the county too
    if not any((province, city, county, office)):
        return None
    return OfficeContext(
        province=province,
        province_kind=province_kind,
        city=city,
        city_kind=CityKind.CITY
        if province_kind is ProvinceKind.MUNICIPALITY
        else _kind(city, _CITY_KINDS),
        county=county,
        county_kind=_county_kind(county, city),
        office=office,
        office_kind=_kind(office, _OFFICE_KINDS),
    )


def _county_kind(county: str | None, city: str | None) -> CountyKind | None:
    kind = _kind(county, _COUNTY_KINDS)
    if kind is CountyKind.COUNTY_CITY and city is None and county not in CITIES_WITHOUT_COUNTIES:
        return None  # a lone …市 is the city, not a 县级市
    return kind


def context_of(duty_list: DutyList, office: str | None = None) -> OfficeContext:
    """Return the context of ``duty_list``: ``office`` (configured) wins over its title.

    A list whose context cannot be parsed gets an empty context (:attr:`~OfficeContext.known`
    False): it still checks, without the prefix and place rules.
    """
    for text in (office, _office_text(duty_list), duty_list.title):
        if text:
            context = parse_context(text)
            if context is not None and context.known:
                return context
    for text in (office, duty_list.title):
        context = parse_context(text) if text else None
        if context is not None:
            return context
    return OfficeContext()


def _office_text(duty_list: DutyList) -> str | None:
    office = duty_list.office
    if office is None:
        return None
    return "".join(
        part for part in (office.province, office.city, office.district, office.name) if part
    )
