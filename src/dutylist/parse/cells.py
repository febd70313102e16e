"""Turn the paragraphs of one cell into model values: departments and clauses.

The departments of a departments cell are read by :mod:`dutylist.parse.departments`
(re-exported here).
"""

from __future__ import annotations

__all__ = [
    "DISCONTINUED_MARK",
    "ParagraphShape",
    "clause_paragraphs",
    "looks_like_department",
    "names_departments",
    "paragraph_shape",
    "parse_clauses",
    "parse_departments",
    "split_clauses",
    "split_department_prefix",
]

import itertools
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

import attrs

from dutylist.model import Clause
from dutylist.numerals import split_number
from dutylist.parse.departments import looks_like_department, names_departments, parse_departments
from dutylist.parse.vocabulary import squash
from dutylist.patterns import compile_on_use

DISCONTINUED_MARK = "不再开展"
"""The phrase that marks a recalled duty as discontinued (不再开展此项工作)."""


_PREFIX = compile_on_use(r"^[ \u3000]*(?P<name>[^：:，。；、\s]{2,24}?)[ \u3000]*[：:][ \u3000]*")


def split_department_prefix(text: str, known: Iterable[str] = ()) -> tuple[str | None, str]:
    """Split a department block prefix (``区应急局：``) off ``text``.

    A paragraph that is exactly one of the ``known`` department names (without a colon)
    counts as a prefix too. Returns ``(department, rest)``; department is None when there
    is no prefix.
    """
    return _split_prefix(text, _flat_names(tuple(known)))


_KNOWN_NAME_LENGTH = 40
"""The longest paragraph compared with the known department names."""


@lru_cache(maxsize=1024)
def _flat_names(known: tuple[str, ...]) -> frozenset[str]:
    return frozenset(squash(name) for name in known)


_HEADING_ORDINAL = compile_on_use(
    r"^[ \u3000]*(?:[（(][一二三四五六七八九十]{1,3}[)）]"
    r"|[一二三四五六七八九十]{1,3}[、.．])[ \u3000]*"
)
"""An ordinal before a department heading: ``（一）区财政局：``, ``一、区财政局``."""
_ORDINAL_BEFORE = compile_on_use(
    r"(?<=[。；;！!？?\s])(?:[（(][一二三四五六七八九十]{1,3}[)）]"
    r"|[一二三四五六七八九十]{1,3}[、.．])[ \u3000]*$"
)
"""The same ordinal at the end of the text before a heading in mid paragraph."""
_BRACKETED = compile_on_use(
    r"^[ \u3000]*[【\[（(](?P<name>[^】\]）)]{2,24})[】\]）)][ \u3000]*[：:]?[ \u3000]*"
)
"""A department heading in brackets: ``【区财政局】``, ``（区财政局）``."""
_DUTY_WORD = compile_on_use(r"(?:的)?(?:工作)?(?:职责|负责)$")
"""Words after a department in its heading: ``区财政局职责：``, ``区财政局负责：``."""
_HEADING_STARTS = frozenset("【[（(一二三四五六七八九十")


def _may_name_a_department(paragraph: str) -> bool:
    """Return True when a paragraph may hold a department heading (``：`` or ``【``)."""
    return "：" in paragraph or ":" in paragraph or "【" in paragraph


def _split_prefix(text: str, known_flat: frozenset[str]) -> tuple[str | None, str]:
    ordinal = _HEADING_ORDINAL.match(text) if text.lstrip()[:1] in _HEADING_STARTS else None
    if ordinal is not None:
        name, rest = _split_plain_prefix(text[ordinal.end() :], known_flat)
        if name is not None:
            return name, rest
    return _split_plain_prefix(text, known_flat)


def _is_department(name: str, known_flat: frozenset[str]) -> bool:
    return squash(name) in known_flat or looks_like_department(name)


def _split_plain_prefix(text: str, known_flat: frozenset[str]) -> tuple[str | None, str]:
    if known_flat and len(text) <= _KNOWN_NAME_LENGTH:
        flat = squash(text)
        if flat in known_flat:
            return flat, ""
    bracketed = _BRACKETED.match(text) if text.lstrip()[:1] in _HEADING_STARTS else None
    if bracketed is not None and _is_department(bracketed.group("name"), known_flat):
        return bracketed.group("name"), text[bracketed.end() :]
    if "：" not in text and ":" not in text:
        return None, text
    match = _PREFIX.match(text)
    if match is None:
        return None, text
    name = match.group("name")
    if _is_department(name, known_flat):
        return name, text[match.end() :]
    bare = _DUTY_WORD.sub("", name)
    if bare != name and _is_department(bare, known_flat):
        return bare, text[match.end() :]
    return None, text


@attrs.frozen
class ParagraphShape:
    """What a duty paragraph looks like, for finding column boundaries without a grid."""

    blank: bool
    """The paragraph holds only whitespace."""
    department_only: bool
    """The paragraph is a department heading alone (``区财政局：``)."""
    department_prefixed: bool
    """The paragraph starts with a department heading."""
    first_number: int | None
    """The number of its first clause, if numbered."""
    last_number: int | None
    """The number of its last numbered clause, if any."""


def paragraph_shape(text: str, known: Iterable[str] = ()) -> ParagraphShape:
    """Describe a paragraph: blank, a department heading, numbered and how."""
    if not text.strip(" \u3000\t"):
        return ParagraphShape(True, False, False, None, None)  # noqa: FBT003
    department, rest = split_department_prefix(text, known)
    if department is not None and not rest.strip():
        return ParagraphShape(False, True, True, None, None)  # noqa: FBT003
    clauses = split_clauses(rest)
    numbers = [clause.number for clause in clauses if clause.number is not None]
    return ParagraphShape(
        blank=False,
        department_only=False,
        department_prefixed=department is not None,
        first_number=clauses[0].number if clauses else None,
        last_number=numbers[-1] if numbers else None,
    )


@lru_cache(maxsize=1024)
def _first_characters(known_flat: frozenset[str]) -> frozenset[str]:
    """Return the characters the names start with: a paragraph starting otherwise is none."""
    return frozenset(name[:1] for name in known_flat)


@lru_cache(maxsize=1024)
def _mid_department_pattern(known: tuple[str, ...]) -> re.Pattern[str] | None:
    names = sorted({name for name in known if len(name) >= 2}, key=len, reverse=True)
    if not names:
        return None
    alternatives = "|".join(re.escape(name) for name in names)
    return re.compile(
        f"(?:{alternatives})(?:的)?(?:工作)?(?:职责|负责)?[ \u3000]*[：:]|【(?:{alternatives})】"
    )


_SENTENCE_END = "。；;！!？?"


def _run_splits(text: str, first_number: int | None) -> list[int]:
    """Return the offsets where a run-together paragraph starts its next numbered clause."""
    if first_number is None:
        return []
    offsets = []
    expected = first_number + 1
    target = str(expected)
    index = text.find(target, 1)
    while index > 0:
        before = text[index - 1]
        # Only a number after a sentence end, a space or a CJK character can start a
        # clause: test that before looking at the number.
        if not before.isdigit() and (
            before in _SENTENCE_END or before in " \u3000" or "\u4e00" <= before <= "\u9fff"
        ):
            number, rest, style = split_number(text[index:])
            after_sentence = before in _SENTENCE_END or before in " \u3000"
            dotted_after_cjk = style == "1." and "\u4e00" <= before <= "\u9fff"
            if rest[:1].isdigit():
                number = None  # "2、3月": a list of numbers, not a clause
            if (
                number == expected
                and style not in {"", "1"}
                and (after_sentence or dotted_after_cjk)
            ):
                offsets.append(index)
                expected += 1
                target = str(expected)
        index = text.find(target, index + 1)
    return offsets


def split_clauses(text: str, department: str | None = None) -> list[Clause]:
    """Split one paragraph into clauses: ``1.…。2.…`` becomes two clauses.

    The paragraph may not carry a department prefix (``department`` is given to every
    clause); use :func:`parse_clauses` for whole cells.
    """
    number, body, _style = split_number(text)
    splits = _run_splits(text, number) if number is not None else []
    if not splits:
        return [Clause(number=number, text=body.strip(" \u3000\t"), department=department,
                       printed=text)]  # fmt: skip
    offsets = [0, *splits, len(text)]
    clauses = []
    for index, (start, end) in enumerate(itertools.pairwise(offsets)):
        segment = text[start:end]
        clause_number, segment_body, _ = split_number(segment)
        clauses.append(
            Clause(
                number=clause_number,
                text=segment_body.strip(" \u3000\t"),
                department=department,
                printed=segment,
                same_paragraph=index > 0,
            )
        )
    return clauses


def parse_clauses(paragraphs: Sequence[str], known: Iterable[str] = ()) -> tuple[Clause, ...]:
    """Return the clauses of a duty or working-method cell.

    Blank paragraphs are skipped. A paragraph that is a department heading (``区财政局：``)
    assigns that department to the clauses after it; an inline heading
    (``区文旅局：负责…``) assigns it to the rest of its paragraph. A heading in the middle of
    a paragraph, such as ``…工作。区发改局：1.…``, is recognised for ``known`` departments.
    """
    known = known if isinstance(known, tuple) else tuple(known)
    known_flat = _flat_names(known)
    known_starts = _first_characters(known_flat)
    clauses: list[Clause] = []
    department: str | None = None
    for paragraph in paragraphs:
        if not paragraph.strip(" \u3000\t"):
            continue
        if not _may_name_a_department(paragraph):
            if (
                not known_flat
                or len(paragraph) > _KNOWN_NAME_LENGTH
                or paragraph.lstrip()[:1] not in known_starts | _HEADING_STARTS
            ):
                # The common case: no department heading can be in this paragraph.
                clauses += split_clauses(paragraph, department)
                continue
            pieces = [paragraph]
        else:
            pieces = _split_mid_departments(paragraph, _mid_department_pattern(known))
        for piece_index, piece in enumerate(pieces):
            prefix, rest = _split_prefix(piece, known_flat)
            if prefix is not None:
                department = prefix
            if not rest.strip(" \u3000\t"):
                continue
            found = split_clauses(rest, department)
            if piece_index > 0 and prefix is None:
                found[0] = attrs.evolve(found[0], same_paragraph=True)
            clauses += found
    return tuple(clauses)


def _split_mid_departments(paragraph: str, mid: re.Pattern[str] | None) -> list[str]:
    if mid is None or not _may_name_a_department(paragraph):
        return [paragraph]
    starts: list[int] = []
    for match in mid.finditer(paragraph):
        before = paragraph[starts[-1] if starts else 0 : match.start()]
        if match.start() == 0 or _HEADING_ORDINAL.fullmatch(before):  # （一）区财政局：
            continue
        ordinal = _ORDINAL_BEFORE.search(before)  # …活动。（二）区发改局：
        starts.append(match.start() - (len(ordinal.group()) if ordinal else 0))
    if not starts:
        return [paragraph]
    bounds = [0, *starts, len(paragraph)]
    return [paragraph[start:end] for start, end in itertools.pairwise(bounds)]


def clause_paragraphs(clauses: Sequence[Clause]) -> list[str]:
    """Return the paragraphs that print ``clauses``: the inverse of :func:`parse_clauses`.

    A department heading paragraph (``区财政局：``) is printed whenever the department
    changes; clauses marked ``same_paragraph`` join the paragraph before them.
    """
    paragraphs: list[str] = []
    department: str | None = None
    for clause in clauses:
        if clause.department != department and clause.department is not None:
            paragraphs.append(f"{clause.department}：")
        starts_block = clause.department != department
        department = clause.department
        if clause.same_paragraph and paragraphs and not starts_block:
            paragraphs[-1] += clause.printable
        else:
            paragraphs.append(clause.printable)
    return paragraphs
