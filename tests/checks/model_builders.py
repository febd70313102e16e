"""Small duty lists built by code, for rule tests: a clean list and ways to break it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from dutylist.checks import check
from dutylist.checks.findings import Finding, Report
from dutylist.config import Config
from dutylist.location import Location
from dutylist.model import (
    BasicItem,
    Category,
    Clause,
    CooperativeItem,
    DutyList,
    Item,
    Part,
    PartKind,
    RecalledItem,
)
from dutylist.numerals import to_chinese_number
from dutylist.parse.cells import parse_clauses, parse_departments


def clauses(*paragraphs: str, departments: Sequence[str] = ()) -> tuple[Clause, ...]:
    """Return the clauses of a cell printed as ``paragraphs`` (one per clause)."""
    return parse_clauses(paragraphs, departments)


def basic(number: int, name: str) -> BasicItem:
    return BasicItem(number=number, name=name, source=Location(line=number * 10))


def cooperative(
    number: int,
    name: str,
    departments: str = "区住建局",
    superior: Sequence[str] = ("1.负责统筹全区工作。", "2.负责监督检查。"),
    local: Sequence[str] = ("1.配合开展巡查。", "2.发现问题及时上报。"),
) -> CooperativeItem:
    parsed = parse_departments(departments)
    names = [department.name for department in parsed]
    return CooperativeItem(
        number=number,
        name=name,
        departments=parsed,
        superior_duties=clauses(*superior, departments=names),
        local_duties=clauses(*local, departments=names),
        source=Location(line=1000 + number * 10),
    )


def recalled(
    number: int,
    name: str,
    receiving: str = "区卫健局",
    method: Sequence[str] = ("1.由区卫健局承接此项工作。", "2.负责日常监督检查。"),
) -> RecalledItem:
    parsed = parse_departments(receiving)
    working = clauses(*method, departments=[department.name for department in parsed])
    return RecalledItem(
        number=number,
        name=name,
        receiving_departments=parsed,
        working_method=working,
        discontinued=any("不再开展" in clause.text for clause in working),
        source=Location(line=2000 + number * 10),
    )


def category(
    ordinal: int, title: str, items: Sequence[Item], declared: int | None = -1
) -> Category:
    count = len(items) if declared == -1 else declared
    suffix = f"（{count}项）" if count is not None else ""
    return Category(
        ordinal=ordinal,
        title=title,
        heading=f"{to_chinese_number(ordinal)}、{title}{suffix}",
        declared_count=count,
        items=tuple(items),
        source=Location(line=ordinal),
    )


_COLUMNS = {
    PartKind.BASIC: ("序号", "事项名称"),
    PartKind.COOPERATIVE: ("序号", "事项名称", "对应上级部门", "上级部门职责", "街道配合职责"),
    PartKind.RECALLED: ("序号", "事项名称", "承接部门及工作方式"),
}


def part(kind: PartKind, categories: Sequence[Category]) -> Part:
    return Part(kind=kind, title=kind.chinese, columns=_COLUMNS[kind], categories=tuple(categories))


def clean_list() -> DutyList:
    """Return a small list that no rule has anything to say about."""
    return DutyList(
        title="吉林省长春市南关区明珠街道办事处履行职责事项清单",
        parts=(
            part(
                PartKind.BASIC,
                [
                    category(
                        1, "党的建设", [basic(1, "加强党的建设"), basic(2, "做好党员教育管理")]
                    ),
                    category(2, "经济发展", [basic(3, "优化营商环境")]),
                ],
            ),
            part(
                PartKind.COOPERATIVE,
                [
                    category(
                        1,
                        "城乡建设",
                        [
                            cooperative(1, "燃气安全工作"),
                            cooperative(
                                2,
                                "服务小微企业融资工作",
                                departments="区财政局、区发改局",
                                superior=(
                                    "区财政局：",
                                    "1.组织开展银企对接活动。",
                                    "区发改局：",
                                    "1.组织企业填报融资监测平台。",
                                    "2.汇总企业融资报表。",
                                ),
                            ),
                        ],
                    ),
                    category(
                        2,
                        "应急管理及消防",
                        [cooperative(3, "防汛工作", departments="区应急局牵头")],
                    ),
                ],
            ),
            part(
                PartKind.RECALLED,
                [
                    category(
                        1,
                        "卫生健康",
                        [recalled(1, "处理非法行医"), recalled(2, "叶酸的管理与发放")],
                    ),
                    category(
                        2,
                        "社会保障",
                        [
                            recalled(
                                3, "城镇新增就业人数任务的考核", "区人社局", ("不再开展此项工作。",)
                            )
                        ],
                    ),
                ],
            ),
        ),
    )


def run(duty_list: DutyList, config: Config | None = None) -> Report:
    return check(duty_list, config)


def found(report: Report, code: str) -> list[Finding]:
    return [finding for finding in report.findings if finding.code == code]


def places(report: Report, code: str) -> list[tuple[PartKind | None, int | None, str | None]]:
    """Return (part, item, field) of each finding with ``code``."""
    return [
        (finding.location.part, finding.location.item, finding.location.field)
        for finding in found(report, code)
    ]


def replace_item(
    duty_list: DutyList, kind: PartKind, number: int, change: Callable[[Item], Item]
) -> DutyList:
    """Return ``duty_list`` with item ``number`` of part ``kind`` changed."""

    def categories(part: Part) -> tuple[Category, ...]:
        return tuple(
            attrs.evolve(
                category,
                items=tuple(
                    change(item) if item.number == number else item for item in category.items
                ),
            )
            for category in part.categories
        )

    return attrs.evolve(
        duty_list,
        parts=tuple(
            attrs.evolve(part, categories=categories(part)) if part.kind is kind else part
            for part in duty_list.parts
        ),
    )


def replace_part(duty_list: DutyList, kind: PartKind, change: Callable[[Part], Part]) -> DutyList:
    return attrs.evolve(
        duty_list,
        parts=tuple(change(part) if part.kind is kind else part for part in duty_list.parts),
    )
