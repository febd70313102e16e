"""The number formats of Word's list levels: how ``decimal``, ``chineseCounting`` … write a value.

Word names the format of each list level (``w:numFmt``); :mod:`dutylist.io.docx.numbering`
rebuilds the printed numbers with these.
"""

from __future__ import annotations

from collections.abc import Callable

from dutylist.numerals import to_chinese_number

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def _roman(value: int) -> str:
    text = ""
    for amount, letters in _ROMAN:
        count, value = divmod(value, amount)
        text += letters * count
    return text


def _letters(value: int) -> str:
    # Word repeats the letter: 27 -> "aa".
    return chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1) if value > 0 else ""


def _circled(value: int) -> str | None:
    return _CIRCLED[value - 1] if 1 <= value <= len(_CIRCLED) else None


def _chinese(value: int) -> str | None:
    return to_chinese_number(value) if 0 <= value < 1000 else None


FORMATS: dict[str, Callable[[int], str | None]] = {
    "decimal": str,
    "decimalZero": lambda value: f"{value:02d}",
    "decimalFullWidth": lambda value: "".join(chr(ord(ch) + 0xFEE0) for ch in str(value)),
    "decimalHalfWidth": str,
    "decimalEnclosedCircle": _circled,
    "decimalEnclosedCircleChinese": _circled,
    "chineseCounting": _chinese,
    "chineseCountingThousand": _chinese,
    "japaneseCounting": _chinese,
    "ideographTraditional": lambda value: (
        "甲乙丙丁戊己庚辛壬癸"[value - 1] if 1 <= value <= 10 else None
    ),
    "lowerLetter": _letters,
    "upperLetter": lambda value: _letters(value).upper(),
    "lowerRoman": _roman,
    "upperRoman": lambda value: _roman(value).upper(),
}
"""How each number format of a list level writes a value (None: it cannot)."""
NO_NUMBER = frozenset(["bullet", "none"])
"""The formats that show no number."""
MAX_NUMBER = 999_999
"""The largest automatic number rebuilt; larger ones (a hostile start value) are not."""
