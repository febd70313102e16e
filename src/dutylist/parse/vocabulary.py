"""The words of a duty list: part titles, column headers, category headings, page markers.

These recognisers look at one piece of text at a time. Putting rows together into a list
is the assembler's job (:mod:`dutylist.parse.assemble`).
"""

from __future__ import annotations

import contextlib
import contextvars
import enum
import re
from collections.abc import Iterator, Mapping, Sequence
from functools import cache

import attrs

from dutylist.model import PartKind
from dutylist.numerals import CHINESE_NUMERAL_CHARS, parse_chinese_number, parse_int
from dutylist.packaged import packaged_text
from dutylist.patterns import compile_on_use

_SPACES = compile_on_use(r"[\s\u3000]+")


def squash(text: str) -> str:
    """Return ``text`` without any whitespace (ASCII, full-width or line breaks)."""
    return _SPACES.sub("", text)


class Role(enum.Enum):
    """What a column of a part's table holds."""

    # Members are singletons compared by identity: hash them by identity too, in C (the
    # assembler looks columns up by role for every row).
    __hash__ = object.__hash__

    NUMBER = "number"
    NAME = "name"
    CATEGORY = "category"
    DEPARTMENTS = "departments"
    ASSISTING_DEPARTMENTS = "assisting_departments"
    SUPERIOR_DUTIES = "superior_duties"
    LOCAL_DUTIES = "local_duties"
    RECEIVING = "receiving_departments"
    WORKING_METHOD = "working_method"
    RECEIVING_AND_METHOD = "receiving_and_method"
    REMARKS = "remarks"
    BASIS = "basis"
    EXTRA = "extra"


_MAX_SUFFIX_MATCH = 16
_BRACKETED_END = compile_on_use(r"[（(][^（）()]{1,8}[)）]$")


@attrs.frozen
class Vocabulary:
    """The header words of every role: the packaged ones plus any the user added."""

    words: Mapping[str, Role]
    """Header text without spaces → role."""
    suffixes: tuple[tuple[str, Role], ...]
    """Endings that give a longer header its role, longest first."""

    def match(self, text: str) -> tuple[Role, str] | None:
        """Return the role of a header and the vocabulary word that decided it, or None."""
        key = squash(text)
        role = self.words.get(key)
        if role is not None:
            return role, key
        if len(key) <= _MAX_SUFFIX_MATCH:
            for suffix, role in self.suffixes:
                if key.endswith(suffix):
                    return role, suffix
        bare = _BRACKETED_END.sub("", key)
        if bare != key and bare:  # 市直部门（单位）, 承接部门(单位): the header before the note
            return self.match(bare)
        return None

    def extended(self, extra: Mapping[str, Sequence[str]]) -> Vocabulary:
        """Return a copy with ``extra`` words (role name → header texts) added.

        Raises:
            ValueError: a role name is not one of :class:`Role`'s values.
        """
        words = dict(self.words)
        for role_name, texts in extra.items():
            role = Role(role_name)
            words.update({squash(text): role for text in texts})
        return Vocabulary(words, self.suffixes)


def _load(data: Mapping[str, object]) -> Vocabulary:
    words: dict[str, Role] = {}
    suffixes: list[tuple[str, Role]] = []
    for role_name, table in data.items():
        if role_name in {"usual", "totals", "notes"}:
            continue
        role = Role(role_name)
        assert isinstance(table, dict)  # noqa: S101 - the packaged file's shape
        words.update({squash(word): role for word in table.get("words", [])})
        suffixes += [(squash(suffix), role) for suffix in table.get("suffixes", [])]
    suffixes.sort(key=lambda pair: -len(pair[0]))
    return Vocabulary(words, tuple(suffixes))


@cache
def _packaged_data() -> Mapping[str, object]:
    import tomllib  # noqa: PLC0415 - slow to import, needed on first read

    return tomllib.loads(packaged_text("data/headers.toml"))


@cache
def packaged_vocabulary() -> Vocabulary:
    """Return the vocabulary of the packaged ``data/headers.toml`` (read once)."""
    return _load(_packaged_data())


_ACTIVE: contextvars.ContextVar[Vocabulary | None] = contextvars.ContextVar(
    "dutylist_vocabulary", default=None
)


def vocabulary() -> Vocabulary:
    """Return the vocabulary in use: the packaged one unless :func:`using_words` added some."""
    return _ACTIVE.get() or packaged_vocabulary()


@contextlib.contextmanager
def using_words(extra: Mapping[str, Sequence[str]]) -> Iterator[Vocabulary]:
    """Read with ``extra`` header words (role name → texts) added, inside the ``with`` block.

    Raises:
        ValueError: a role name is unknown.
    """
    token = _ACTIVE.set(vocabulary().extended(extra))
    try:
        yield vocabulary()
    finally:
        _ACTIVE.reset(token)


@attrs.frozen
class Labels:
    """Patterns of the labels a combined 承接部门及工作方式 cell writes before its parts."""

    receiving: re.Pattern[str]
    """``承接部门：``, ``承接单位：`` … at the start of a paragraph (the colon optional)."""
    method: re.Pattern[str]
    """``工作方式：``, ``履职方式：`` … at the start of a paragraph (the colon optional)."""
    inline_method: re.Pattern[str]
    """A method label with its colon anywhere in a paragraph."""


_LABELS: dict[int, tuple[Vocabulary, Labels]] = {}


def labels() -> Labels:
    """Return the label patterns of the vocabulary in use: its receiving and method words."""
    words = vocabulary()
    cached = _LABELS.get(id(words))
    if cached is not None and cached[0] is words:
        return cached[1]

    def alternatives(role: Role) -> str:
        found = sorted((word for word, of in words.words.items() if of is role), key=len)
        return "|".join(re.escape(word) for word in reversed(found))

    receiving, method = alternatives(Role.RECEIVING), alternatives(Role.WORKING_METHOD)
    space = r"[ \u3000]*"
    made = Labels(
        receiving=re.compile(rf"^{space}(?:{receiving}){space}[：:]?{space}"),
        method=re.compile(rf"^{space}(?:{method}){space}[：:]?{space}"),
        inline_method=re.compile(rf"(?:{method}){space}[：:]"),
    )
    _LABELS[id(words)] = (words, made)
    return made


ROLE_NAMES = tuple(role.value for role in Role)
"""The role names users may add words to (``[tool.dutylist.headers]``)."""


@cache
def usual_columns(kind: PartKind) -> tuple[str, ...]:
    """Return a part's usual column headers (those of the Mingzhu list), from ``headers.toml``."""
    usual = _packaged_data()["usual"]
    assert isinstance(usual, dict)  # noqa: S101 - the packaged file's shape
    return tuple(usual[kind.value])


def packaged_words(section: str) -> tuple[str, ...]:
    """Return the ``words`` of a section of ``headers.toml`` that names no column (totals)."""
    table = _packaged_data()[section]
    assert isinstance(table, dict)  # noqa: S101 - the packaged file's shape
    return tuple(table["words"])


def header_role(text: str) -> Role | None:
    """Return the role of a column header, or None when no vocabulary word names it."""
    found = vocabulary().match(text)
    return None if found is None else found[0]


def is_header_row(cells: tuple[str, ...]) -> bool:
    """Return True when ``cells`` look like a header row (序号, 事项名称 …)."""
    roles = [header_role(cell) for cell in cells if cell.strip()]
    known = [role for role in roles if role is not None]
    return len(known) >= 2 and len(known) * 2 >= len(roles) and Role.NAME in known


_MAX_HEADER_CELL = 20
_NOT_IN_HEADERS = compile_on_use(r"[0-9０-９。；，、]")


def looks_like_header(cells: tuple[str, ...]) -> bool:
    """Return True for a row of short distinct labels: a header row in words no one listed.

    Header cells hold no digits and no sentence punctuation; item rows have a number or
    longer text.
    """
    filled = [squash(cell) for cell in cells if cell.strip()]
    return (
        len(filled) >= 2
        and len(set(filled)) == len(filled)
        and all(
            len(text) <= _MAX_HEADER_CELL and not _NOT_IN_HEADERS.search(text) for text in filled
        )
    )


def kind_from_roles(roles: tuple[Role, ...]) -> PartKind:
    """Infer which part a header row belongs to from its column roles."""
    if {Role.DEPARTMENTS, Role.SUPERIOR_DUTIES, Role.LOCAL_DUTIES} & set(roles):
        return PartKind.COOPERATIVE
    if {Role.RECEIVING, Role.WORKING_METHOD, Role.RECEIVING_AND_METHOD} & set(roles):
        return PartKind.RECALLED
    return PartKind.BASIC


_TOC_LEADER = compile_on_use(r"(…|\.{3,}|·{3,}|-{4,})")
_PART_PATTERNS = (
    (
        PartKind.RECALLED,
        compile_on_use(
            r"(?:上级部门|上级)?收回(?:乡镇|街道|镇街|[（()）]|的)*(?:履职|职责)?事项(?:清单)?"
        ),
    ),
    (PartKind.COOPERATIVE, compile_on_use(r"配合(?:履职|职责)事项(?:清单)?|配合(?:履职|事项)清单")),
    (PartKind.BASIC, compile_on_use(r"基本(?:履职|职责)事项(?:清单)?|基本(?:履职|事项)清单")),
)
_MAX_PART_TITLE_LEAD = 14
"""Characters allowed before the part's name (附件1：某某镇…), more when they are a place."""
_PLACE_LEAD = compile_on_use(r"(?:街道|镇|乡|苏木|办事处|人民政府)$")
_PART_COUNT = compile_on_use(r"[（(](?:共|共计|合计)?[0-9０-９]+(?:项|条)[)）]$")
_PART_PREFIX = compile_on_use(
    rf"^(?:附件\s*[0-9一二三]*[:：]?|[（(]?[{CHINESE_NUMERAL_CHARS}0-9０-９]+[)）、.．]?|第[一二三]部分)?\s*"
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
        if match is None or len(rest) - match.end() > 6:  # a short tail at most
            continue
        lead = rest[: match.start()]
        if len(lead) <= _MAX_PART_TITLE_LEAD or (
            _PLACE_LEAD.search(lead) and not re.search(r"[，。；,;]", lead)
        ):
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


_SP = r"[\s\u3000]*"
_COUNT = (
    rf"(?:[（(【]{_SP}(?:共|计|共计|合计)?{_SP}(?P<count>[0-9０-９]{{1,4}}){_SP}(?:项|条|个|件)?{_SP}[)）】]"
    rf"|{_SP}[（(]?(?:共|计)?(?P<bare>[0-9０-９]{{1,4}})项[)）]?)?"
)
_CATEGORY = compile_on_use(
    rf"""^{_SP}(?:[（(]{_SP}(?P<paren>[{CHINESE_NUMERAL_CHARS}]{{1,4}}){_SP}[)）][、.．]?
      |(?P<ordinal>[{CHINESE_NUMERAL_CHARS}]{{1,4}})(?:{_SP}[、.．,，]|[\s\u3000]+)
      |第(?P<nth>[{CHINESE_NUMERAL_CHARS}]{{1,4}})(?:类|部分|项类别)[、.．:：]?)
    {_SP}(?P<title>.*?){_SP}{_COUNT}{_SP}$""",
    re.VERBOSE,
)
_LOOSE_CATEGORY = compile_on_use(
    rf"""^{_SP}(?:[（(]{_SP}(?P<paren>[0-9０-９]{{1,2}}){_SP}[)）][、.．]?
      |(?P<ordinal>[0-9０-９]{{1,2}}){_SP}[、.．](?![0-9０-９])
      |(?P<none>))
    {_SP}(?P<title>.*?){_SP}{_COUNT}{_SP}$""",
    re.VERBOSE,
)
_MAX_TITLE = 40
_MAX_UNNUMBERED_TITLE = 24
_NOT_A_TITLE = compile_on_use(r"[。；;：:]|^(?:注|备注|说明|附|填表|制表|联系)")


def parse_category_heading(text: str, *, loose: bool = False) -> Heading | None:
    """Return the ordinal, title and declared count of a category heading, or None.

    Headings with Chinese ordinals are recognised anywhere: ``一、党的建设（25项）``,
    ``（一）党的建设``, ``第一类 党的建设``. With ``loose`` (a row merged across a table,
    or a category column) Arabic ordinals (``1.党的建设``, ``1、``, ``（1）``, full-width
    digits too) and a bare title (``党的建设（25项）``, ``党的建设``) count as well.
    """
    if "\n" in text.strip():
        return None
    match = _CATEGORY.match(text)
    if match is not None:
        ordinal = parse_chinese_number(
            match.group("ordinal") or match.group("paren") or match.group("nth")
        )
    elif loose and (match := _LOOSE_CATEGORY.match(text)) is not None:
        digits = match.group("ordinal") or match.group("paren")
        ordinal = parse_int(digits) if digits else None
        title = match.group("title")
        if _NOT_A_TITLE.search(title) or (
            ordinal is None and len(squash(title)) > _MAX_UNNUMBERED_TITLE
        ):
            return None
    else:
        return None
    count = match.group("count") or match.group("bare")
    title = match.group("title").strip(" \u3000")
    if title.endswith(("：", ":")) and count is None:
        return None  # （二）区发改局： introduces a block of duties
    title = title.rstrip("：:")
    if not title or len(title) > _MAX_TITLE:
        return None
    return Heading(
        ordinal=ordinal,
        title=title,
        declared_count=parse_int(count) if count is not None else None,
    )


_PAGE_MARKER = compile_on_use(
    r"^(?:第\s*[0-9]+\s*页(?:\s*[,，/]?\s*共\s*[0-9]+\s*页)?|[-—–]\s*[0-9]+\s*[-—–]|[0-9]+\s*/\s*[0-9]+)$"
)


def is_page_marker(text: str) -> bool:
    """Return True for page-number lines such as ``第 3 页`` or ``- 3 -``."""
    return bool(_PAGE_MARKER.match(text.strip(" \u3000\t")))
