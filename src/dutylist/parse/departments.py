"""The departments named in one cell: separators, lead marks, role labels, trailing 等.

Offices write a departments cell in many ways: ``区财政局、区发改局``, ``区应急局牵头``,
``牵头：县应急局；配合：县林草局``, ``县应急局（主责）``, ``县应急局 县林草局``,
``县公安局等相关部门``. :func:`parse_departments` reads them all into
:class:`~dutylist.model.Department` values, the printed form kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from dutylist.model import Department
from dutylist.parse.vocabulary import squash
from dutylist.patterns import compile_on_use

_DEPARTMENT_SEPARATORS = compile_on_use(r"[、，,；;\n/]+")
_SPACES = compile_on_use(r"[ \u3000\t]+")
_LEVEL_STARTS = ("区", "县", "市", "旗", "州", "盟", "团", "省", "中共", "自治区")
"""How department names separated by spaces start (their level); 市公安局 南关分局 is one
name with a stray space."""
_ROLE_LABEL = compile_on_use(
    r"^[ \u3000]*(?:(?P<lead>牵头|主责|主办)|(?P<assist>配合|协办|协助|参与))"
    r"(?:部门|单位)?[ \u3000]*[：:]"
)
"""A label naming the role of the departments after it: ``牵头：区应急局；配合：区公安局``."""
_MARK = compile_on_use(
    r"(?:[（(](?:(?P<plead>牵头|主责|主办|负责)(?:部门|单位)?(?:负责)?)[)）]"
    r"|(?P<lead>牵头)(?:负责)?"
    r"|[（(]?(?P<assist>配合|协办|协助|参与)(?:部门|单位)?[)）]?)$"
)
"""A mark after a department: ``区应急局牵头``, ``区应急局（主责）``, ``区公安局配合``."""
_LEAD_MARKS = ("牵头", "（牵头）", "(牵头)")
"""Marks a writer prints back the same (``lead``): no need to keep the printed form."""
_ETC = compile_on_use(r"等(?:相关|有关|其他)?(?:部门|单位)?$")
"""A trailing 等 (``区公安局等相关部门``): the department is 区公安局."""
_DEPARTMENT_SUFFIX = compile_on_use(
    r"(局|部|办|委|会|队|院|所|中心|部门|政府|处|科|站|公司|分局|大队|支队|法庭|街道|办事处|联|协)$"
)
_NOT_DEPARTMENTS = frozenset(["承接部门", "工作方式", "备注", "注", "说明", "依据"])


def parse_departments(text: str) -> tuple[Department, ...]:
    """Return the departments named in a cell, e.g. ``区财政局、 区发改局`` or ``区应急局牵头``.

    Names are separated by 、，；/ or line breaks, or by spaces when every piece is a
    department name starting with its level (区应急局 区林草局). The lead is marked after
    the name (``区应急局牵头``, ``（牵头）``, ``（主责）``) or by a label before it
    (``牵头：区应急局；配合：区公安局``); marks, labels and a trailing 等
    (``区公安局等相关部门``) are not part of the name, which keeps its printed form in
    :attr:`~dutylist.model.Department.printed`.
    """
    return _parse_departments(text)


def _outside_brackets(text: str) -> Iterator[str]:
    """Yield ``text`` split at its separators, those inside brackets left alone."""
    if "（" not in text and "(" not in text:
        yield from _DEPARTMENT_SEPARATORS.split(text)
        return
    depth, start = 0, 0
    for match in re.finditer(r"[（()）]|" + _DEPARTMENT_SEPARATORS.pattern, text):
        found = match.group()
        if found in "（(":
            depth += 1
        elif found in "）)":
            depth = max(0, depth - 1)
        elif depth == 0:
            yield text[start : match.start()]
            start = match.end()
    yield text[start:]


def _pieces(text: str) -> Iterator[str]:
    """Yield the pieces of a department cell: one per department."""
    for piece in _outside_brackets(text):
        words = _SPACES.split(piece.strip(" \u3000\t"))
        if len(words) > 1 and all(
            looks_like_department(name) and name.startswith(_LEVEL_STARTS)
            for name in (_bare(word)[0] for word in words)
        ):
            yield from words  # 区应急局 区林草局: spaces as separators
        else:
            yield piece


def _bare(piece: str) -> tuple[str, bool | None, bool | None]:
    """Return a piece's name without label, marks and 等, its label role and its mark.

    Roles are True (lead), False (assisting) or None (not said).
    """
    name = piece.strip(" \u3000\t")
    label: bool | None = None
    if (found := _ROLE_LABEL.match(name)) is not None and len(name) > found.end() + 1:
        label = found.group("lead") is not None
        name = name[found.end() :].strip(" \u3000\t")
    mark: bool | None = None
    for _round in range(2):  # 区公安局（牵头）等 or 区公安局等（牵头）
        if (etc := _ETC.search(name)) is not None and etc.start() >= 2:
            name = name[: etc.start()].rstrip(" \u3000\t")
        if (found := _MARK.search(name)) is not None and found.start() >= 2:
            mark = found.group("assist") is None
            name = name[: found.start()].rstrip(" \u3000\t")
    return name, label, mark


@lru_cache(maxsize=4096)
def _parse_departments(text: str) -> tuple[Department, ...]:
    # Cached: lists name the same few departments again and again (the values are frozen).
    departments = []
    role: bool | None = None  # set by a label, kept until the next label
    for piece in _pieces(text):
        name, label, mark = _bare(piece)
        if not name:
            continue
        role = label if label is not None else role
        lead = mark if mark is not None else bool(role)
        stripped = piece.strip(" \u3000\t")
        plain = piece == stripped and stripped in {name, *(name + mark for mark in _LEAD_MARKS)}
        departments.append(Department(name=name, lead=lead, printed=None if plain else piece))
    return tuple(departments)


def names_departments(text: str) -> bool:
    """Return True when ``text`` is a list of department names (``区住建局、区执法局``)."""
    departments = parse_departments(text)
    return bool(departments) and all(looks_like_department(d.name) for d in departments)


def looks_like_department(name: str) -> bool:
    """Return True when ``name`` reads like a department name (ends in 局, 部, 办 …)."""
    flat = squash(name)
    return (
        2 <= len(flat) <= 24
        and flat not in _NOT_DEPARTMENTS
        and bool(_DEPARTMENT_SUFFIX.search(flat))
        and not re.search(r"[，。；、]", flat)
    )
