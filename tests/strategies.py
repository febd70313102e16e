"""Shared hypothesis strategies for the dutylist model.

``duty_lists()``
    Realistic lists as an office would publish them: CJK text, clause numbers that agree
    with their printed form, department blocks, declared counts that may or may not
    match, continuous numbering. Every format dutylist writes must carry these exactly
    (model → file → model is the identity), and the diff is tested on them.
``any_duty_lists()``
    Anything the model can hold, odd Unicode and empty parts included: for JSON.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from dutylist.departments.context import office_of_title
from dutylist.location import Location
from dutylist.model import (
    BasicItem,
    Category,
    Clause,
    CooperativeItem,
    Department,
    DutyList,
    Item,
    Metadata,
    Office,
    Part,
    PartKind,
    RecalledItem,
    UnplacedText,
)
from dutylist.numerals import to_chinese_number
from dutylist.parse.vocabulary import usual_columns

# Common characters of administrative Chinese, so generated text reads like a list.
_CJK = "党建设经济发展民生服务平安法治乡村振兴生态环保城乡文化旅游应急管理消防综合政务工作组织开展做好负责协助配合指导监督检查宣传落实推进健全机制社区居民企业安全生产统计信息上报排查整治"  # noqa: E501
_DEPARTMENT_STEMS = ("财政", "发改", "住建", "民政", "人社", "应急", "执法", "卫健", "教育", "司法")
_DEPARTMENT_SUFFIXES = ("局", "部", "办", "委员会")
OFFICES = (
    "吉林省长春市南关区明珠街道办事处",
    "吉林省长春市朝阳区永昌街道办事处",
    "浙江省杭州市西湖区北山街道办事处",
    "河北省保定市满城区大册营镇人民政府",
)


def cjk(min_size: int = 1, max_size: int = 12) -> st.SearchStrategy[str]:
    """Return a strategy for plain CJK text."""
    return st.text(alphabet=_CJK, min_size=min_size, max_size=max_size)


@st.composite
def departments(draw: st.DrawFn, *, max_size: int = 3) -> tuple[Department, ...]:
    """Return distinct realistic departments, some marked as lead."""
    count = draw(st.integers(1, max_size))
    names = draw(
        st.lists(
            st.tuples(st.sampled_from(_DEPARTMENT_STEMS), st.sampled_from(_DEPARTMENT_SUFFIXES)),
            min_size=count,
            max_size=count,
            unique=True,
        )
    )
    prefix = draw(st.sampled_from(("区", "市")))
    return tuple(
        Department(name=f"{prefix}{stem}{suffix}", lead=draw(st.booleans()) and index == 0)
        for index, (stem, suffix) in enumerate(names)
    )


@st.composite
def clauses(
    draw: st.DrawFn, *, blocks: tuple[str, ...] = (), min_size: int = 0, max_size: int = 4
) -> tuple[Clause, ...]:
    """Return the clauses of one duty cell, printed as an office would print them.

    With ``blocks`` (department names) the cell may be split into department blocks,
    each numbered from 1. A single clause may be unnumbered.
    """
    groups: list[str | None] = [None]
    if blocks and draw(st.booleans()):
        groups = list(draw(st.lists(st.sampled_from(blocks), min_size=1, max_size=2, unique=True)))
    result: list[Clause] = []
    for department in groups:
        size = draw(st.integers(min_size if department is None else 1, max_size))
        numbered = size > 1 or draw(st.booleans())
        separator = draw(st.sampled_from((".", "、")))
        for index in range(size):
            text = draw(cjk(2, 16)) + "。"
            number = index + 1 if numbered else None
            printed = f"{number}{separator}{text}" if number is not None else text
            joined = index > 0 and numbered and draw(st.integers(0, 4)) == 0
            result.append(
                Clause(
                    number=number,
                    text=text,
                    department=department,
                    printed=printed,
                    same_paragraph=joined,
                )
            )
    return tuple(result)


_DISCONTINUED = Clause(text="不再开展此项工作", printed="不再开展此项工作")


@st.composite
def items(draw: st.DrawFn, kind: PartKind, number: int, extra_headers: tuple[str, ...]) -> Item:
    """Return one item of ``kind`` numbered ``number``."""
    name = draw(cjk(2, 20))
    texts = {header: draw(cjk(0, 8)) for header in extra_headers}
    remarks = texts.pop("备注", "")
    basis = texts.pop("履职依据", "")
    extra = {"remarks": remarks, "basis": basis, "extra": texts}
    if kind is PartKind.BASIC:
        return BasicItem(number=number, name=name, **extra)
    if kind is PartKind.COOPERATIVE:
        names = draw(departments())
        block_names = tuple(department.name for department in names)
        return CooperativeItem(
            number=number,
            name=name,
            departments=names,
            superior_duties=draw(clauses(blocks=block_names if len(names) > 1 else ())),
            local_duties=draw(clauses()),
            **extra,
        )
    discontinued = draw(st.integers(0, 5)) == 0
    return RecalledItem(
        number=number,
        name=name,
        receiving_departments=draw(departments(max_size=2)),
        working_method=(_DISCONTINUED,) if discontinued else draw(clauses(min_size=1)),
        discontinued=discontinued,
        **extra,
    )


@st.composite
def parts(draw: st.DrawFn, kind: PartKind, *, max_categories: int = 3) -> Part:
    """Return a part of ``kind`` with continuous numbering through its categories."""
    extra_headers = draw(
        st.sampled_from([(), (), (), ("备注",), ("履职依据", "备注"), ("具体内容",)])
    )
    number = 1
    categories = []
    for ordinal in range(1, draw(st.integers(1, max_categories)) + 1):
        size = draw(st.integers(1, 4))
        category_items = []
        for _ in range(size):
            category_items.append(draw(items(kind, number, extra_headers)))
            number += 1
        title = draw(cjk(2, 8))
        declared = draw(st.sampled_from((size, size, None, size + 1)))
        count = f"（{declared}项）" if declared is not None else ""
        categories.append(
            Category(
                ordinal=ordinal,
                title=title,
                heading=f"{to_chinese_number(ordinal)}、{title}{count}",
                declared_count=declared,
                items=tuple(category_items),
            )
        )
    return Part(
        kind=kind,
        title=kind.chinese,
        columns=usual_columns(kind) + extra_headers,
        categories=tuple(categories),
    )


@st.composite
def duty_lists(draw: st.DrawFn, *, max_categories: int = 3) -> DutyList:
    """Return a realistic three-part list that every writer must carry exactly."""
    title = draw(st.sampled_from(OFFICES)) + "履行职责事项清单"
    front = draw(st.lists(cjk(2, 10), max_size=2))
    return DutyList(
        title=title,
        office=office_of_title(title),
        front_matter=tuple(front),
        parts=tuple(draw(parts(kind, max_categories=max_categories)) for kind in PartKind),
    )


# -- anything the model can hold, for JSON -------------------------------------------------

_text = st.text(max_size=12)
_optional_text = st.none() | _text
_numbers = st.none() | st.integers(-(2**31), 2**31)


def _locations() -> st.SearchStrategy[Location | None]:
    return st.none() | st.builds(
        Location, file=_optional_text, page=_numbers, table=_numbers, row=_numbers, line=_numbers
    )


_any_clauses = st.lists(
    st.builds(
        Clause,
        number=_numbers,
        text=_text,
        department=_optional_text,
        printed=_text,
        same_paragraph=st.booleans(),
    ),
    max_size=3,
).map(tuple)
_any_departments = st.lists(
    st.builds(
        Department, name=_text, lead=st.booleans(), canonical=_optional_text, printed=_optional_text
    ),
    max_size=3,
).map(tuple)
_extras = st.dictionaries(_text, _text, max_size=2)


def _any_items(kind: PartKind) -> st.SearchStrategy[Item]:
    common = {
        "number": _numbers,
        "number_text": _text,
        "name": _text,
        "remarks": _text,
        "basis": _text,
        "extra": _extras,
    }
    if kind is PartKind.BASIC:
        return st.builds(BasicItem, **common, source=_locations())
    if kind is PartKind.COOPERATIVE:
        return st.builds(
            CooperativeItem,
            **common,
            departments=_any_departments,
            superior_duties=_any_clauses,
            local_duties=_any_clauses,
            source=_locations(),
        )
    return st.builds(
        RecalledItem,
        **common,
        receiving_departments=_any_departments,
        working_method=_any_clauses,
        discontinued=st.booleans(),
        method_labelled=st.none() | st.booleans(),
        source=_locations(),
    )


def _any_parts(kind: PartKind) -> st.SearchStrategy[Part]:
    categories = st.builds(
        Category,
        ordinal=_numbers,
        title=_text,
        heading=_text,
        declared_count=_numbers,
        items=st.lists(_any_items(kind), max_size=3).map(tuple),
        source=_locations(),
    )
    return st.builds(
        Part,
        kind=st.just(kind),
        title=_text,
        columns=st.lists(_text, max_size=3).map(tuple),
        categories=st.lists(categories, max_size=2).map(tuple),
        source=_locations(),
    )


def any_duty_lists() -> st.SearchStrategy[DutyList]:
    """Return a strategy for any list the model can hold (odd Unicode, empty parts …)."""
    return st.builds(
        DutyList,
        title=_text,
        office=st.none()
        | st.builds(
            Office,
            province=_optional_text,
            city=_optional_text,
            district=_optional_text,
            name=_text,
        ),
        metadata=st.builds(
            Metadata,
            source_file=_optional_text,
            version=_optional_text,
            published=st.none() | st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)),
        ),
        front_matter=st.lists(_text, max_size=2).map(tuple),
        parts=st.lists(st.sampled_from(list(PartKind)), max_size=3).flatmap(
            lambda kinds: st.tuples(*(_any_parts(kind) for kind in kinds))
        ),
        unplaced=st.lists(
            st.builds(UnplacedText, text=_text, reason=_text, location=_locations()), max_size=2
        ).map(tuple),
    )
