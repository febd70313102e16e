"""Chinese ordinals (一、二 … 十二) and clause numbers (1. 1、 （1） ①)."""

from __future__ import annotations

import re
import unicodedata

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
           "七": 7, "八": 8, "九": 9}  # fmt: skip
_UNITS = {"十": 10, "百": 100}
CHINESE_NUMERAL_CHARS = "".join(_DIGITS) + "".join(_UNITS)
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def parse_chinese_number(text: str) -> int | None:
    """Return the value of a Chinese numeral such as ``十二`` or ``二十一``, or None."""
    if not text or any(ch not in _DIGITS and ch not in _UNITS for ch in text):
        return None
    total = 0
    pending = 0
    for ch in text:
        if ch in _DIGITS:
            pending = pending * 10 + _DIGITS[ch] if pending else _DIGITS[ch]
        else:
            total += (pending or 1) * _UNITS[ch]
            pending = 0
    return total + pending


def to_chinese_number(value: int) -> str:
    """Return ``value`` (0–999) written as a Chinese numeral, e.g. 12 → ``十二``."""
    if not 0 <= value < 1000:
        raise ValueError(f"cannot write {value} as a Chinese numeral")
    names = "零一二三四五六七八九"
    if value < 10:
        return names[value]
    hundreds, rest = divmod(value, 100)
    tens, ones = divmod(rest, 10)
    text = f"{names[hundreds]}百" if hundreds else ""
    if tens:
        text += ("" if tens == 1 and not hundreds else names[tens]) + "十"
    elif hundreds and ones:
        text += "零"
    if ones:
        text += names[ones]
    return text


def to_ascii_digits(text: str) -> str:
    """Return ``text`` with full-width digits replaced by ASCII digits."""
    return "".join(str(unicodedata.digit(ch)) if "０" <= ch <= "９" else ch for ch in text)


def parse_int(text: str) -> int | None:
    """Return the integer printed in ``text`` (spaces and full-width digits allowed), or None."""
    stripped = to_ascii_digits(text).strip().strip("\u3000")
    return int(stripped) if stripped.isascii() and stripped.isdigit() else None


# A clause number at the start of a paragraph. Groups: the number in one of its forms,
# and the separator. "1对…" (a number missing its separator) is accepted only when a CJK
# character follows, and callers decide whether to trust it (see ``split_number``).
_CLAUSE_NUMBER = re.compile(
    r"""^[ \u3000]*(?:
        (?P<paren>[(（][ \u3000]*(?P<pnum>[0-9０-９]{1,2})[ \u3000]*[)）])
      | (?P<circled>[①-⑳])
      | (?P<num>[0-9０-９]{1,2})[ \u3000]*(?P<sep>[.．、,，:：)）])
      | (?P<bare>[0-9０-９]{1,2})(?=[\u4e00-\u9fff“"《（(])
    )[ \u3000]*""",
    re.VERBOSE,
)


def split_number(text: str) -> tuple[int | None, str, str]:
    """Split a clause number off the start of ``text``.

    Returns ``(number, rest, style)`` where ``style`` names the numbering form: ``"1."``,
    ``"1、"``, ``"(1)"``, ``"①"``, ``"1"`` (a number missing its separator) or ``""`` when
    the text is not numbered. Decimal numbers such as ``2.5万`` are not clause numbers.
    """
    match = _CLAUSE_NUMBER.match(text)
    if match is None:
        return None, text, ""
    rest = text[match.end() :]
    if match.group("paren") is not None:
        return int(to_ascii_digits(match.group("pnum"))), rest, "(1)"
    if match.group("circled") is not None:
        return _CIRCLED.index(match.group("circled")) + 1, rest, "①"
    if match.group("num") is not None:
        sep = match.group("sep")
        if sep in ".．" and rest[:1].isdigit():
            return None, text, ""  # a decimal number, not a clause number
        style = {"．": "1.", "，": "1,", "：": "1:", "）": "1)"}.get(sep, "1" + sep)
        return int(to_ascii_digits(match.group("num"))), rest, style
    return int(to_ascii_digits(match.group("bare"))), rest, "1"
