"""An illustrative revision (动态调整) of the Mingzhu list, with one or more edits of every kind.

``make_revision(duty_list)`` takes the reference list and returns the revised list that
``examples/build.py`` writes as ``examples/mingzhu-revised.json``. The edits, which
``dutylist diff`` must report exactly (the tests check it):

=====================  ===============================================================
kind                   edit
=====================  ===============================================================
added                  basic 党的建设: 「组织开展基层党建述职评议考核工作」 (first item);
                       cooperative 应急管理及消防: 「电动自行车安全隐患整治工作」
removed                basic 综合政务: 「负责节能减排的宣传…」;
                       recalled 卫生健康: 「流动人口系统统计工作」
modified (name)        cooperative 「企业人才服务工作」 → 「企业人才引进服务工作」;
                       basic 「负责街道行政应诉工作…」 → 「负责街道行政应诉和行政复议工作…」
modified (clauses)     cooperative 「儿童福利工作」: clause 1 reworded, a clause added;
                       recalled 「工伤认定调查」: working method reworded
modified (cosmetic)    cooperative 「养老服务工作」: a full stop becomes a semicolon
modified (department)  cooperative 「劳动保障监察工作」: 区人社局 → 区人力资源和社会保障局
                       (the same department: cosmetic with the registry)
moved (category)       basic 「做好义务教育法规宣传工作及控辍保学工作」: 民生服务 → 综合政务
moved (part)           cooperative 「慈善助学工作」 taken back by 区民政局: now in the
                       recalled list, 社会保障
split (分设)            cooperative 「生活无着流浪乞讨人员救助及精神障碍社区康复服务工作」 →
                       「生活无着流浪乞讨人员救助工作」 + 「精神障碍社区康复服务工作」
merged (合并)           cooperative 「规范处置建筑垃圾工作」 + 「规范处置生活垃圾工作」 →
                       「规范处置建筑垃圾和生活垃圾工作」
category renamed       basic 「乡村振兴」 → 「乡村全面振兴」
counts                 every declared count follows the new number of items
renumbered             every part is numbered 1…n again
=====================  ===============================================================
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from dutylist.model import (
    BasicItem,
    Category,
    Clause,
    CooperativeItem,
    Department,
    DutyList,
    Item,
    Part,
    PartKind,
    RecalledItem,
)

Place = tuple[PartKind, int, int]
"""Part, category index, item index within the category."""


def make_revision(duty_list: DutyList) -> DutyList:
    """Return an illustrative revision of the Mingzhu list (see the module doc)."""
    revised = duty_list
    revised = _insert(
        revised,
        (PartKind.BASIC, 0, 0),
        BasicItem(number=None, name="组织开展基层党建述职评议考核工作"),
    )
    revised = _add_cooperative(revised)
    revised = _remove(revised, _find(revised, PartKind.BASIC, "负责节能减排的宣传"))
    revised = _remove(revised, _find(revised, PartKind.RECALLED, "流动人口系统统计工作"))
    revised = _edit(
        revised, _find(revised, PartKind.COOPERATIVE, "企业人才服务工作"),
        lambda item: attrs.evolve(item, name="企业人才引进服务工作"),
    )  # fmt: skip
    revised = _edit(revised, _find(revised, PartKind.BASIC, "负责街道行政应诉"), _rename_appeal)
    revised = _edit(revised, _find(revised, PartKind.COOPERATIVE, "儿童福利工作"), _child_welfare)
    revised = _edit(revised, _find(revised, PartKind.RECALLED, "工伤认定调查"), _work_injury)
    revised = _edit(revised, _find(revised, PartKind.COOPERATIVE, "养老服务工作"), _punctuation)
    revised = _edit(
        revised, _find(revised, PartKind.COOPERATIVE, "劳动保障监察工作"),
        lambda item: _with_departments(item, "区人力资源和社会保障局"),
    )  # fmt: skip
    education = _find(revised, PartKind.BASIC, "做好义务教育法规宣传工作及控辍保学工作")
    revised = _move(
        revised, education, (PartKind.BASIC, _category(revised, PartKind.BASIC, "综合政务"), 0)
    )
    revised = _take_back(revised)
    revised = _split(revised)
    revised = _merge(revised)
    revised = _rename_category(revised, PartKind.BASIC, "乡村振兴", "乡村全面振兴")
    return attrs.evolve(
        _recount(_renumber(revised)),
        metadata=attrs.evolve(duty_list.metadata, version="illustrative revision"),
    )


# -- the edits ----------------------------------------------------------------------------


def _add_cooperative(duty_list: DutyList) -> DutyList:
    category = _category(duty_list, PartKind.COOPERATIVE, "应急管理及消防")
    item = CooperativeItem(
        number=None,
        name="电动自行车安全隐患整治工作",
        departments=(Department(name="区应急局", lead=True), Department(name="区消防救援大队")),
        superior_duties=(
            _clause("制定电动自行车安全隐患整治工作方案，组织开展联合检查。", 1),
            _clause("对整治工作进行督导检查。", 2),
        ),
        local_duties=(
            _clause("排查辖区居民小区电动自行车违规停放、充电情况。", 1),
            _clause("开展电动自行车消防安全宣传。", 2),
        ),
    )
    size = len(_part(duty_list, PartKind.COOPERATIVE).categories[category].items)
    return _insert(duty_list, (PartKind.COOPERATIVE, category, size), item)


def _rename_appeal(item: Item) -> Item:
    return attrs.evolve(item, name=item.name.replace("行政应诉工作", "行政应诉和行政复议工作", 1))


def _child_welfare(item: Item) -> Item:
    _check(item, CooperativeItem)
    local = list(item.local_duties)
    local[0] = attrs.evolve(local[0], text="选配儿童主任，定期组织参加相关业务培训。")
    local.append(_clause("建立困境儿童关爱服务台账，做到一人一档。", len(local) + 1))
    return attrs.evolve(item, local_duties=tuple(local))


def _work_injury(item: Item) -> Item:
    _check(item, RecalledItem)
    method = (_clause("由区人社局工伤保险科承接，街道协助通知当事人。"),)
    return attrs.evolve(item, working_method=method)


def _punctuation(item: Item) -> Item:
    _check(item, CooperativeItem)
    local = list(item.local_duties)
    local[0] = attrs.evolve(local[0], text=local[0].text.replace("。", "；"))
    return attrs.evolve(item, local_duties=tuple(local))


def _with_departments(item: Item, name: str) -> Item:
    _check(item, CooperativeItem)
    return attrs.evolve(item, departments=(Department(name=name),))


def _take_back(duty_list: DutyList) -> DutyList:
    place = _find(duty_list, PartKind.COOPERATIVE, "慈善助学工作")
    item = _item(duty_list, place)
    _check(item, CooperativeItem)
    recalled = RecalledItem(
        number=None,
        name=item.name,
        receiving_departments=(Department(name="区民政局"),),
        working_method=(
            _clause("由区民政局社会救助科承接此项工作。", 1),
            _clause("低保家庭及孤儿考生直接向区民政局提交慈善助学申请。", 2),
        ),
    )
    target = (PartKind.RECALLED, _category(duty_list, PartKind.RECALLED, "社会保障"), 0)
    return _insert(_remove(duty_list, place), target, recalled)


def _split(duty_list: DutyList) -> DutyList:
    place = _find(
        duty_list, PartKind.COOPERATIVE, "生活无着流浪乞讨人员救助及精神障碍社区康复服务工作"
    )
    whole = _item(duty_list, place)
    _check(whole, CooperativeItem)
    first = attrs.evolve(
        whole,
        name="生活无着流浪乞讨人员救助工作",
        superior_duties=whole.superior_duties[:1],
        local_duties=whole.local_duties[:1],
    )
    second = attrs.evolve(
        whole,
        source=None,
        name="精神障碍社区康复服务工作",
        superior_duties=_renumbered(whole.superior_duties[1:]),
        local_duties=_renumbered(whole.local_duties[1:]),
    )
    revised = _edit(duty_list, place, lambda _: first)
    return _insert(revised, (place[0], place[1], place[2] + 1), second)


def _merge(duty_list: DutyList) -> DutyList:
    one_place = _find(duty_list, PartKind.COOPERATIVE, "规范处置建筑垃圾工作")
    two_place = _find(duty_list, PartKind.COOPERATIVE, "规范处置生活垃圾工作")
    one, two = _item(duty_list, one_place), _item(duty_list, two_place)
    _check(one, CooperativeItem)
    _check(two, CooperativeItem)
    merged = attrs.evolve(
        one,
        name="规范处置建筑垃圾和生活垃圾工作",
        superior_duties=_renumbered(one.superior_duties + two.superior_duties),
        local_duties=_renumbered(one.local_duties + two.local_duties),
    )
    return _remove(_edit(duty_list, one_place, lambda _: merged), two_place)


def _rename_category(duty_list: DutyList, kind: PartKind, old: str, new: str) -> DutyList:
    part = _part(duty_list, kind)
    categories = tuple(
        attrs.evolve(c, title=new, heading=c.heading.replace(old, new), source=None)
        if c.title == old
        else c
        for c in part.categories
    )
    return _replace_part(duty_list, attrs.evolve(part, categories=categories))


# -- helpers ------------------------------------------------------------------------------


def _check(item: Item, expected: type[Item]) -> None:
    if not isinstance(item, expected):
        raise TypeError(f"expected a {expected.__name__}, got {type(item).__name__}")


def _clause(text: str, number: int | None = None) -> Clause:
    return Clause(number=number, text=text, printed=f"{number}.{text}" if number else text)


def _renumbered(clauses: tuple[Clause, ...]) -> tuple[Clause, ...]:
    if len(clauses) == 1:
        only = clauses[0]
        return (attrs.evolve(only, number=None, printed=only.text),)
    return tuple(
        attrs.evolve(clause, number=index, printed=f"{index}.{clause.text}")
        for index, clause in enumerate(clauses, start=1)
    )


def _part(duty_list: DutyList, kind: PartKind) -> Part:
    part = duty_list.part(kind)
    if part is None:
        raise ValueError(f"the list has no {kind.value} part")
    return part


def _replace_part(duty_list: DutyList, part: Part) -> DutyList:
    return attrs.evolve(
        duty_list, parts=tuple(part if p.kind is part.kind else p for p in duty_list.parts)
    )


def _category(duty_list: DutyList, kind: PartKind, title: str) -> int:
    for index, category in enumerate(_part(duty_list, kind).categories):
        if category.title == title:
            return index
    raise ValueError(f"no {kind.value} category {title!r}")


def _find(duty_list: DutyList, kind: PartKind, name_start: str) -> Place:
    for c, category in enumerate(_part(duty_list, kind).categories):
        for i, item in enumerate(category.items):
            if item.name.startswith(name_start):
                return (kind, c, i)
    raise ValueError(f"no {kind.value} item named {name_start!r}…")


def _item(duty_list: DutyList, place: Place) -> Item:
    kind, c, i = place
    return _part(duty_list, kind).categories[c].items[i]


def _with_items(
    duty_list: DutyList, kind: PartKind, c: int, change: Callable[[list[Item]], None]
) -> DutyList:
    part = _part(duty_list, kind)
    categories = list(part.categories)
    items = list(categories[c].items)
    change(items)
    categories[c] = attrs.evolve(categories[c], items=tuple(items))
    return _replace_part(duty_list, attrs.evolve(part, categories=tuple(categories)))


def _insert(duty_list: DutyList, place: Place, item: Item) -> DutyList:
    kind, c, i = place
    return _with_items(duty_list, kind, c, lambda items: items.insert(i, item))


def _remove(duty_list: DutyList, place: Place) -> DutyList:
    kind, c, i = place
    return _with_items(duty_list, kind, c, lambda items: items.pop(i) and None)


def _edit(duty_list: DutyList, place: Place, change: Callable[[Item], Item]) -> DutyList:
    kind, c, i = place

    def replace(items: list[Item]) -> None:
        # An edited item was never read from anywhere: no (stale) provenance.
        items[i] = attrs.evolve(change(items[i]), source=None)

    return _with_items(duty_list, kind, c, replace)


def _move(duty_list: DutyList, source: Place, target: Place) -> DutyList:
    item = _item(duty_list, source)
    return _insert(_remove(duty_list, source), target, item)


def _renumber(duty_list: DutyList) -> DutyList:
    parts = []
    for part in duty_list.parts:
        number = 0
        categories = []
        for category in part.categories:
            items = []
            for item in category.items:
                number += 1
                items.append(attrs.evolve(item, number=number, number_text=""))
            categories.append(attrs.evolve(category, items=tuple(items)))
        parts.append(attrs.evolve(part, categories=tuple(categories)))
    return attrs.evolve(duty_list, parts=tuple(parts))


def _recount(duty_list: DutyList) -> DutyList:
    parts = []
    for part in duty_list.parts:
        categories: list[Category] = []
        for category in part.categories:
            count = len(category.items)
            if category.declared_count is None or category.declared_count == count:
                categories.append(category)
                continue
            heading = category.heading.replace(f"{category.declared_count}项", f"{count}项")
            categories.append(
                attrs.evolve(category, declared_count=count, heading=heading, source=None)
            )
        parts.append(attrs.evolve(part, categories=tuple(categories)))
    return attrs.evolve(duty_list, parts=tuple(parts))
