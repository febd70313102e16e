"""Build a corpus of many offices' lists by code, with planted differences and defects.

Every office's list derives from the reference list (examples/mingzhu.json), renamed to
the office's own geography, with its own wording (each office rewrites some item names
with its own habits, so the same duty is worded differently from office to office), and
with planted differences a comparison must find: duties missing, duties only this office
has, a duty placed in another part, a cooperative duty given to another department.
Some files are unreadable on purpose. Nothing is hand-edited; the same seed gives the
same corpus.
"""

from __future__ import annotations

import dataclasses
import json
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import attrs

import dutylist
from dutylist.codec import from_data, to_data
from dutylist.io.layout import cell_paragraphs
from dutylist.model import (
    BasicItem,
    Category,
    CooperativeItem,
    Department,
    DutyList,
    Item,
    Part,
    PartKind,
    RecalledItem,
)
from dutylist.numerals import to_chinese_number
from dutylist.parse.vocabulary import Role
from tests.builders.offices import (
    Office,
    build_docx_office,
    build_html_office,
    build_xlsx_office,
)
from tests.builders.spec import CategorySpec, DocSpec, PartSpec
from tests.diff.edits import renumber

REFERENCE = Path(__file__).resolve().parents[2] / "examples" / "mingzhu.json"

PLACES: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("吉林省", "长春市", "南关区", ("明珠街道", "永吉街道", "自强街道", "南岭街道")),
    ("四川省", "成都市", "武侯区", ("玉林街道", "浆洗街街道", "望江路街道", "簇桥街道")),
    ("浙江省", "杭州市", "西湖区", ("北山街道", "西溪街道", "灵隐街道", "翠苑街道")),
    ("湖南省", "长沙市", "长沙县", ("星沙街道", "黄花镇", "春华镇", "果园镇")),
    ("江苏省", "苏州市", "昆山市", ("周市镇", "陆家镇", "花桥镇", "张浦镇")),
    ("内蒙古自治区", "呼伦贝尔市", "陈巴尔虎旗", ("巴彦库仁镇", "呼和诺尔镇", "鄂温克民族苏木")),
    ("广东省", "广州市", "天河区", ("石牌街道", "员村街道", "猎德街道", "林和街道")),
    ("河南省", "洛阳市", "嵩县", ("城关镇", "田湖镇", "车村镇", "九店乡")),
)
"""Province, city, county-level unit and its offices."""

HABITS: tuple[tuple[str, str], ...] = (
    ("做好", "抓好"),
    ("开展", "组织开展"),
    ("负责", "承担"),
    ("、", "，"),
    ("落实", "贯彻落实"),
    ("协助", "配合"),
    ("加强", "切实加强"),
    ("组织", "统筹组织"),
)
"""Wording habits: an office rewrites some of its item names with a few of these."""

EXTRA_DUTIES = (
    "开展辖区古树名木日常巡护并建立养护台账",
    "组织辖区群众冰雪运动推广活动",
    "做好辖区候鸟迁徙通道巡查",
    "推进社区老旧电梯加装协调工作",
    "开展辖区非遗传承人走访登记",
    "组织开展夜间经济街区秩序维护",
)
"""Duties no office of the base list has: each planted in at most one office."""


@dataclass
class OfficePlan:
    """What was planted in one office's list (names are the base list's item names)."""

    path: Path
    office: str
    province: str
    county: str
    missing: set[str] = field(default_factory=set)
    extra: set[str] = field(default_factory=set)
    moved: dict[str, tuple[PartKind, PartKind]] = field(default_factory=dict)
    department: dict[str, str] = field(default_factory=dict)
    defects: list[str] = field(default_factory=list)
    reworded: dict[str, str] = field(default_factory=dict)
    """Base name -> the name this office printed, for the items it reworded."""


@dataclass
class Corpus:
    """The files written and what each holds."""

    offices: list[OfficePlan]
    unreadable: list[Path]

    @property
    def files(self) -> list[Path]:
        """Return every file of the corpus, readable or not, sorted."""
        return sorted([plan.path for plan in self.offices] + self.unreadable)


def base_list(categories_per_part: int | None = None) -> DutyList:
    """Return the reference list, optionally cut to its first categories of each part."""
    duty_list = dutylist.load(REFERENCE)
    if categories_per_part is None:
        return duty_list
    parts = tuple(
        attrs.evolve(part, categories=part.categories[:categories_per_part])
        for part in duty_list.parts
    )
    return attrs.evolve(duty_list, parts=parts)


def relocate(duty_list: DutyList, province: str, city: str, county: str, office: str) -> DutyList:
    """Return ``duty_list`` with its places renamed consistently (title, departments, text)."""
    prefix = county[-1]  # 区, 县, 市, 旗
    text = json.dumps(to_data(duty_list), ensure_ascii=False)
    for old, new in (
        ("吉林省", province),
        ("长春市", city),
        ("南关区", county),
        ("南关", county[:-1]),
    ):
        text = text.replace(old, new)
    stem = office
    for suffix in ("街道", "民族苏木", "苏木", "民族乡", "镇", "乡"):
        if office.endswith(suffix) and len(office) > len(suffix):
            stem = office[: -len(suffix)]
            break
    text = text.replace("明珠街道", "\x00office\x00").replace("明珠", "\x00stem\x00")
    text = text.replace("\x00office\x00", office).replace("\x00stem\x00", stem)
    if prefix != "区":
        text = text.replace('"区', f'"{prefix}').replace("：区", f"：{prefix}")
    return from_data(json.loads(text))


def _recounted(
    category: Category, items: tuple[Item, ...], declared: int | None = None
) -> Category:
    """Return ``category`` holding ``items``, its heading declaring ``declared`` or their count."""
    count = len(items) if declared is None else declared
    ordinal = to_chinese_number(category.ordinal) if category.ordinal else ""
    heading = f"{ordinal}、{category.title}（{count}项）" if ordinal else category.title
    return attrs.evolve(category, items=items, declared_count=count, heading=heading)


def _items_map(duty_list: DutyList, change: Callable[[Item], Item | None]) -> DutyList:
    parts = []
    for part in duty_list.parts:
        categories = []
        for category in part.categories:
            items = tuple(new for item in category.items if (new := change(item)) is not None)
            categories.append(_recounted(category, items))
        parts.append(attrs.evolve(part, categories=tuple(categories)))
    return attrs.evolve(duty_list, parts=tuple(parts))


def _append(duty_list: DutyList, kind: PartKind, item: Item) -> DutyList:
    parts = []
    for part in duty_list.parts:
        if part.kind is kind:
            last = _recounted(part.categories[-1], (*part.categories[-1].items, item))
            parts.append(attrs.evolve(part, categories=(*part.categories[:-1], last)))
        else:
            parts.append(part)
    return attrs.evolve(duty_list, parts=tuple(parts))


def _as_kind(item: Item, kind: PartKind, department: str) -> Item:
    if kind is PartKind.BASIC:
        return BasicItem(number=0, name=item.name)
    if kind is PartKind.COOPERATIVE:
        return CooperativeItem(number=0, name=item.name, departments=(Department(name=department),))
    return RecalledItem(
        number=0, name=item.name, receiving_departments=(Department(name=department),)
    )


def office_list(
    base: DutyList, place: tuple[str, str, str], office: str, rng: random.Random, plan: OfficePlan
) -> DutyList:
    """Return one office's list: relocated, reworded, with planted differences."""
    province, city, county = place
    prefix = county[-1]
    duty_list = relocate(base, province, city, county, office)
    habits = rng.sample(HABITS, 3)
    names = [item.name for item in base.items]
    chosen = rng.sample(sorted(set(names)), 6)
    missing, moved_name, dept_name = set(chosen[:2]), chosen[2], None
    cooperative = [
        i.name for i in base.items if isinstance(i, CooperativeItem) and names.count(i.name) == 1
    ]
    dept_candidates = [name for name in cooperative if name not in chosen]
    if dept_candidates and rng.random() < 0.5:
        dept_name = rng.choice(sorted(dept_candidates))
    moved_item: Item | None = None
    base_names = {id(item): item.name for item in duty_list.items}

    def change(item: Item) -> Item | None:
        nonlocal moved_item
        name = base_names[id(item)]
        if name in missing:
            plan.missing.add(name)
            return None
        if name == moved_name and names.count(name) == 1:
            moved_item = item
            return None
        if dept_name is not None and name == dept_name and isinstance(item, CooperativeItem):
            new = f"{prefix}档案馆"
            plan.department[name] = new
            item = attrs.evolve(item, departments=(Department(name=new),))
        if rng.random() < 0.3:
            printed = item.name
            for old, new_word in habits:
                printed = printed.replace(old, new_word)
            if printed != item.name:
                plan.reworded[name] = printed
                item = attrs.evolve(item, name=printed)
        return item

    duty_list = _items_map(duty_list, change)
    if moved_item is not None:
        kinds = [kind for kind in PartKind if kind is not moved_item.kind]
        target = rng.choice(kinds)
        plan.moved[moved_name] = (moved_item.kind, target)
        duty_list = _append(duty_list, target, _as_kind(moved_item, target, f"{prefix}民政局"))
    return renumber(duty_list)


def build_corpus(  # noqa: PLR0913 - keyword-only knobs of one builder
    folder: Path,
    *,
    seed: int = 0,
    offices: int = 50,
    unreadable: int = 5,
    categories_per_part: int | None = 3,
    formats: Sequence[str] = ("json", "docx", "xlsx", "html"),
    counties: int | None = None,
) -> Corpus:
    """Write ``offices`` lists and ``unreadable`` broken files under ``folder``.

    Files go to ``folder/<province>/<county>/<office>.<format>``; the format cycles
    through ``formats``. .xlsx and .html files, and every fourth .docx, are laid out as
    other offices lay theirs out (:data:`LAYOUTS`: other header words, category styles,
    牵头/配合 columns, a 4-column recalled table, full-width digits …).
    With ``counties``, only the first so many counties are used (so
    that one county can hold many offices).
    """
    rng = random.Random(seed)  # noqa: S311 - reproducible test data
    base = base_list(categories_per_part)
    everywhere = [
        (province, city, county, office)
        for province, city, county, towns in PLACES[:counties]
        for office in towns
    ]
    plans: list[OfficePlan] = []
    extra_pool = list(EXTRA_DUTIES)
    for index in range(offices):
        province, city, county, town = everywhere[index % len(everywhere)]
        round_ = index // len(everywhere)
        office = town if round_ == 0 else f"{'东西南北中新上下前后'[(round_ - 1) % 10]}{town}"
        fmt = formats[index % len(formats)]
        path = folder / province / county / f"{office}.{fmt}"
        plan = OfficePlan(path=path, office=office, province=province, county=county)
        duty_list = office_list(base, (province, city, county), office, rng, plan)
        if extra_pool and rng.random() < 0.3:
            extra = extra_pool.pop()
            plan.extra.add(extra)
            duty_list = renumber(
                _append(duty_list, PartKind.BASIC, BasicItem(number=0, name=extra))
            )
        duty_list = attrs.evolve(
            duty_list,
            title=f"{province}{city}{county}{office}履行职责事项清单",
            metadata=attrs.evolve(duty_list.metadata, version=f"{2024 + index % 2}年版"),
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        if fmt in ("html", "xlsx") or (fmt == "docx" and index % 4 == 1):
            # other layouts print headings from their own counts: no count defect here
            write_in_layout(duty_list, path, LAYOUTS[index % len(LAYOUTS)])
        else:
            if rng.random() < 0.4:
                duty_list = _plant_defect(duty_list, rng, plan)
            dutylist.dump(duty_list, path)
        plans.append(plan)
    broken: list[Path] = []
    for index in range(unreadable):
        path = folder / "broken" / f"broken-{index}.{('docx', 'json')[index % 2]}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"PK\x03\x04 not a zip" if index % 2 == 0 else b'{"title": 5}')
        broken.append(path)
    return Corpus(offices=plans, unreadable=broken)


LAYOUTS = (
    Office(headers={"departments": "区直部门", "superior": "区直部门职责", "local": "街道职责"}),
    Office(categories="1.", counts=False),
    Office(categories="（一）", lead_columns=True),
    Office(split_recalled=True, headers={"method": "收回方式"}),
    Office(category_column=True, categories="1."),
    Office(full_width=True, categories="1、"),
)
"""Other offices' layouts (tests/builders/offices.py) some corpus files are written in."""

_COLUMNS = {
    PartKind.BASIC: ("序号", "事项名称"),
    PartKind.COOPERATIVE: ("序号", "事项名称", "对应上级部门", "上级部门职责", "街道配合职责"),
    PartKind.RECALLED: ("序号", "事项名称", "承接部门及工作方式"),
}
_ROLES = {
    "序号": Role.NUMBER,
    "事项名称": Role.NAME,
    "对应上级部门": Role.DEPARTMENTS,
    "上级部门职责": Role.SUPERIOR_DUTIES,
    "街道配合职责": Role.LOCAL_DUTIES,
    "承接部门及工作方式": Role.RECEIVING_AND_METHOD,
}


def spec_of(duty_list: DutyList) -> DocSpec:
    """Return ``duty_list`` as a builder spec (the cells its publication layout prints)."""
    parts = []
    for part in duty_list.parts:
        columns = _COLUMNS[part.kind]
        categories = tuple(
            CategorySpec(
                heading=category.heading,
                rows=tuple(
                    tuple(
                        tuple(cell_paragraphs(item, _ROLES[column], column, category.heading))
                        for column in columns
                    )
                    for item in category.items
                ),
            )
            for category in part.categories
        )
        parts.append(PartSpec(title=part.kind.chinese, columns=columns, categories=categories))
    return DocSpec(title=duty_list.title, parts=tuple(parts))


def write_in_layout(duty_list: DutyList, path: Path, layout: Office) -> None:
    """Write ``duty_list`` to ``path`` (.docx, .xlsx or .html) as ``layout`` lays lists out."""
    office = dataclasses.replace(layout, title=duty_list.title)
    builders = {".docx": build_docx_office, ".xlsx": build_xlsx_office, ".html": build_html_office}
    builders[path.suffix](spec_of(duty_list), office, path)


def _plant_defect(duty_list: DutyList, rng: random.Random, plan: OfficePlan) -> DutyList:
    """Declare a wrong count on one category (a defect `check` reports)."""
    part_index = rng.randrange(len(duty_list.parts))
    part = duty_list.parts[part_index]
    category = part.categories[0]
    wrong = _recounted(category, category.items, len(category.items) + 1)
    part = attrs.evolve(part, categories=(wrong, *part.categories[1:]))
    plan.defects.append(f"{part.kind.value}:{category.title}")
    parts = (*duty_list.parts[:part_index], part, *duty_list.parts[part_index + 1 :])
    return attrs.evolve(duty_list, parts=parts)


__all__ = ["Category", "Corpus", "OfficePlan", "Part", "build_corpus", "relocate"]
