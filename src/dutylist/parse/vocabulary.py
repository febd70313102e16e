"""The words of a duty list: part titles, column headers, category headings, page markers.

These recognisers look at one piece of text at a time. Putting rows together into a list
is the assembler's job (:mod:`dutylist.parse.assemble`).
"""

from __future__ import annotations

import enum
import re

import attrs

from dutylist.model import Office, PartKind
from dutylist.numerals import CHINESE_NUMERAL_CHARS, parse_chinese_number, parse_int

_SPACES = re.compile(r"[\s\u3000]+")


def squash(text: str) -> str:
    """Return ``text`` without any whitespace (ASCII, full-width or line breaks)."""
    return _SPACES.sub("", text)


class Role(enum.Enum):
    """What a column of a part's table holds."""

    NUMBER = "number"
    NAME = "name"
    CATEGORY = "category"
    DEPARTMENTS = "departments"
    SUPERIOR_DUTIES = "superior_duties"
    LOCAL_DUTIES = "local_duties"
    RECEIVING = "receiving_departments"
    WORKING_METHOD = "working_method"
    RECEIVING_AND_METHOD = "receiving_and_method"
    EXTRA = "extra"


_HEADER_ROLES: dict[str, Role] = {
    **dict.fromkeys(["序号", "编号", "序列号"], Role.NUMBER),
    **dict.fromkeys(
        ["事项名称", "事项", "名称", "履职事项", "事项内容", "收回事项", "配合事项"], Role.NAME
    ),
    **dict.fromkeys(["类别", "事项类别", "分类", "类型", "领域"], Role.CATEGORY),
    **dict.fromkeys(
        ["对应上级部门", "上级部门", "牵头部门", "责任部门", "上级主管部门", "对应部门",
         "上级职能部门", "主管部门", "对应上级部门（单位）"],
        Role.DEPARTMENTS,
    ),
    **dict.fromkeys(
        ["上级部门职责", "部门职责", "上级部门职责任务", "上级职能部门职责", "主管部门职责",
         "牵头部门职责", "责任部门职责"],
        Role.SUPERIOR_DUTIES,
    ),
    **dict.fromkeys(
        ["街道配合职责", "乡镇配合职责", "镇街配合职责", "配合职责", "街道职责", "乡镇职责",
         "镇职责", "乡镇（街道）配合职责", "街道（乡镇）配合职责"],
        Role.LOCAL_DUTIES,
    ),
    **dict.fromkeys(["承接部门", "承接单位", "承接部门（单位）"], Role.RECEIVING),
    **dict.fromkeys(["工作方式", "承接方式"], Role.WORKING_METHOD),
    **dict.fromkeys(
        ["承接部门及工作方式", "承接部门和工作方式", "承接部门及承接方式"],
        Role.RECEIVING_AND_METHOD,
    ),
}  # fmt: skip
_EXTRA_HEADERS = frozenset(["具体内容", "依据", "备注", "履职依据", "法律依据", "说明"])


USUAL_COLUMNS: dict[PartKind, tuple[str, ...]] = {
    PartKind.BASIC: ("序号", "事项名称"),
    PartKind.COOPERATIVE: ("序号", "事项名称", "对应上级部门", "上级部门职责", "街道配合职责"),
    PartKind.RECALLED: ("序号", "事项名称", "承接部门及工作方式"),
}
"""Each part's usual column headers (those of the Mingzhu list)."""


def header_role(text: str) -> Role | None:
    """Return the role of a column header, ``EXTRA`` for known extra columns, or None."""
    key = squash(text)
    if key in _HEADER_ROLES:
        return _HEADER_ROLES[key]
    if key in _EXTRA_HEADERS:
        return Role.EXTRA
    for suffix, role in _HEADER_SUFFIXES:
        if key.endswith(suffix) and len(key) <= 16:
            return role
    return None


_HEADER_SUFFIXES = (
    ("配合职责", Role.LOCAL_DUTIES),
    ("部门职责", Role.SUPERIOR_DUTIES),
    ("及工作方式", Role.RECEIVING_AND_METHOD),
    ("工作方式", Role.WORKING_METHOD),
    ("承接部门", Role.RECEIVING),
    ("上级部门", Role.DEPARTMENTS),
)


def is_header_row(cells: tuple[str, ...]) -> bool:
    """Return True when ``cells`` look like a header row (序号, 事项名称 …)."""
    roles = [header_role(cell) for cell in cells if cell.strip()]
    known = [role for role in roles if role is not None]
    return len(known) >= 2 and len(known) * 2 >= len(roles) and Role.NAME in known


def kind_from_roles(roles: tuple[Role, ...]) -> PartKind:
    """Infer which part a header row belongs to from its column roles."""
    if {Role.DEPARTMENTS, Role.SUPERIOR_DUTIES, Role.LOCAL_DUTIES} & set(roles):
        return PartKind.COOPERATIVE
    if {Role.RECEIVING, Role.WORKING_METHOD, Role.RECEIVING_AND_METHOD} & set(roles):
        return PartKind.RECALLED
    return PartKind.BASIC


_TOC_LEADER = re.compile(r"(…|\.{3,}|·{3,}|-{4,})")
_PART_PATTERNS = (
    (PartKind.RECALLED, re.compile(r"收回(?:的)?(?:履职)?事项(?:清单)?")),
    (PartKind.COOPERATIVE, re.compile(r"配合履职事项(?:清单)?|配合事项清单")),
    (PartKind.BASIC, re.compile(r"基本履职事项(?:清单)?|基本事项清单")),
)
_PART_COUNT = re.compile(r"[（(](?:共|共计|合计)?[0-9０-９]+(?:项|条)[)）]$")
_PART_PREFIX = re.compile(
    rf"^(?:附件\s*[0-9一二三]*[:：]?|[（(]?[{CHINESE_NUMERAL_CHARS}0-9]+[)）、.．]?|第[一二三]部分)?\s*"
)


def part_kind_of_title(text: str) -> PartKind | None:
    """Return the part a title such as ``二、配合履职事项清单`` introduces, or None.

    Table-of-contents lines (with dot leaders and page numbers) are not part titles.
    """
    flat = _PART_COUNT.sub("", squash(text))
    if not flat or len(flat) > 40 or _TOC_LEADER.search(flat):
        return None
    rest = _PART_PREFIX.sub("", flat, count=1)
    for kind, pattern in _PART_PATTERNS:
        match = pattern.search(rest)
        if match is not None and match.start() <= 14 and len(rest) - match.end() <= 6:
            return kind
    return None


def is_toc_line(text: str) -> bool:
    """Return True for a table-of-contents line (with dot leaders) or the word ``目录``."""
    flat = squash(text)
    return flat == "目录" or bool(_TOC_LEADER.search(flat))


@attrs.frozen(kw_only=True)
class Heading:
    """The pieces of a category heading such as ``一、党的建设（25项）``."""

    ordinal: int | None
    """The Chinese ordinal as a number, or None for a heading without one."""
    title: str
    """The title between ordinal and count, outer spaces removed."""
    declared_count: int | None
    """The count the heading declares, or None."""


_CATEGORY = re.compile(
    rf"""^[\s\u3000]*(?:[（(][\s\u3000]*(?P<paren>[{CHINESE_NUMERAL_CHARS}]{{1,4}})[\s\u3000]*[)）][、.．]?
      |(?P<ordinal>[{CHINESE_NUMERAL_CHARS}]{{1,4}})[\s\u3000]*[、.．,，])[\s\u3000]*
    (?P<title>.*?)[\s\u3000]*
    (?:[（(][\s\u3000]*(?:共[\s\u3000]*)?(?P<count>[0-9０-９]{{1,4}})[\s\u3000]*(?:项|条)[\s\u3000]*[)）])?
    [\s\u3000]*$""",
    re.VERBOSE,
)


def parse_category_heading(text: str) -> Heading | None:
    """Return the ordinal, title and declared count of a category heading, or None."""
    if "\n" in text.strip():
        return None
    match = _CATEGORY.match(text)
    if match is None or not match.group("title") or len(match.group("title")) > 40:
        return None
    count = match.group("count")
    return Heading(
        ordinal=parse_chinese_number(match.group("ordinal") or match.group("paren")),
        title=match.group("title").strip(" \u3000"),
        declared_count=parse_int(count) if count is not None else None,
    )


_PAGE_MARKER = re.compile(
    r"^(?:第\s*[0-9]+\s*页(?:\s*[,，/]?\s*共\s*[0-9]+\s*页)?|[-—–]\s*[0-9]+\s*[-—–]|[0-9]+\s*/\s*[0-9]+)$"
)


def is_page_marker(text: str) -> bool:
    """Return True for page-number lines such as ``第 3 页`` or ``- 3 -``."""
    return bool(_PAGE_MARKER.match(text.strip(" \u3000\t")))


_OFFICE = re.compile(
    r"""^(?P<province>.{2,8}?(?:省|自治区))?
    (?P<city>.{2,9}?(?:市|自治州|地区|盟))?
    (?P<district>.{1,9}?(?:区|县|旗|市))?
    (?P<office>.{1,12}?(?:街道办事处|街道|镇人民政府|乡人民政府|民族乡|镇|乡))
    (?:履行职责事项清单|履职事项清单|.*清单)""",
    re.VERBOSE,
)


def parse_office(title: str) -> Office | None:
    """Return the office named in a list title, e.g. 吉林省 / 长春市 / 南关区 / 明珠街道办事处."""
    match = _OFFICE.match(squash(title))
    if match is None:
        return None
    return Office(
        province=match.group("province"),
        city=match.group("city"),
        district=match.group("district"),
        name=match.group("office"),
    )
