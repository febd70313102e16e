"""How people-facing text names parts, items, categories and fields, in the language in use.

The tables hold Chinese source text marked with :func:`~dutylist.messages.N_`; the
functions translate it when called, so the language chosen at run time applies.
"""

from __future__ import annotations

from dutylist.fields import field_label
from dutylist.messages import N_, _
from dutylist.model import PartKind

_ITEM_LABELS = {
    PartKind.BASIC: N_("基本事项第{number}项"),
    PartKind.COOPERATIVE: N_("配合事项第{number}项"),
    PartKind.RECALLED: N_("收回事项第{number}项"),
}
_CATEGORY_LABELS = {
    PartKind.BASIC: N_("基本事项第{ordinal}类"),
    PartKind.COOPERATIVE: N_("配合事项第{ordinal}类"),
    PartKind.RECALLED: N_("收回事项第{ordinal}类"),
}
_PART_SHORT = {
    PartKind.BASIC: N_("基本事项"),
    PartKind.COOPERATIVE: N_("配合事项"),
    PartKind.RECALLED: N_("收回事项"),
}
_PART_WORDS = {
    PartKind.BASIC: N_("基本"),
    PartKind.COOPERATIVE: N_("配合"),
    PartKind.RECALLED: N_("收回"),
}
_PART_NAMES = {
    PartKind.BASIC: N_("基本履职事项部分"),
    PartKind.COOPERATIVE: N_("配合履职事项部分"),
    PartKind.RECALLED: N_("收回履职事项部分"),
}


def numbered_item(kind: PartKind, number: object) -> str:
    """Return ``配合事项第94项`` (``cooperative 94`` in English)."""
    return _(_ITEM_LABELS[kind]).format(number=number)


def numbered_category(kind: PartKind, ordinal: int) -> str:
    """Return ``配合事项第3类`` (``cooperative category 3`` in English)."""
    return _(_CATEGORY_LABELS[kind]).format(ordinal=ordinal)


def part_title(kind: PartKind) -> str:
    """Return a part's usual title, ``配合履职事项清单``, in the language in use."""
    return _(kind.chinese)


def part_word(kind: PartKind) -> str:
    """Return the one word that tells a part, ``配合`` (``cooperative`` in English)."""
    return _(_PART_WORDS[kind])


def part_short(kind: PartKind) -> str:
    """Return ``配合事项`` (``cooperative`` in English)."""
    return _(_PART_SHORT[kind])


def part_name(kind: PartKind) -> str:
    """Return ``配合履职事项部分`` (``the cooperative part`` in English)."""
    return _(_PART_NAMES[kind])


def field_name(field: str, clause: int | None = None) -> str:
    """Return a model field's name for people (``local_duties`` → ``街道配合职责``).

    With ``clause``, the clause is named too (``街道配合职责第2条``).
    """
    name = field_label(field)
    if clause is None:
        return name
    return _("{field}第{clause}条").format(field=name, clause=clause)
