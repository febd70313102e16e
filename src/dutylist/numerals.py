"""Chinese ordinals (一、二 … 十二) and clause numbers (1. 1、 （1） ①)."""

from __future__ import annotations

from dutylist.patterns import compile_on_use

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


_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def to_ascii_digits(text: str) -> str:
    """Return ``text`` with full-width digits replaced by ASCII digits."""
    return text if text.isascii() else text.translate(_FULL_WIDTH_DIGITS)


MAX_DIGITS = 9
"""Numbers printed with more digits than this are not read as numbers (counts, ordinals)."""


def parse_int(text: str) -> int | None:
    """Return the integer printed in ``text`` (spaces and full-width digits allowed), or None.

    A number of more than :data:`MAX_DIGITS` digits is no count or ordinal: None.
    """
    stripped = to_ascii_digits(text).strip().strip("\u3000")
    if len(stripped) > MAX_DIGITS or not (stripped.isascii() and stripped.isdigit()):
        return None
    return int(stripped)


# A clause number at the start of a paragraph, one expression per first character: in
# brackets, circled, or digits with a separator. "1对…" (a number missing its separator) is
# accepted only when a CJK character follows, and callers decide whether to trust it (see
# ``split_number``).
_PAREN_NUMBER = compile_on_use(
    r"[ \u3000]*[(（][ \u3000]*([0-9０-９]{1,2})[ \u3000]*[)）][ \u3000]*"
)
_CIRCLED_NUMBER = compile_on_use(r"[ \u3000]*([①-⑳])[ \u3000]*")
_DIGIT_NUMBER = compile_on_use(
    r"""(?x)[ \u3000]*([0-9０-９]{1,2})
    (?:[ \u3000]*([.．、,，:：)）])|(?=[\u4e00-\u9fff“"《（(]))
    [ \u3000]*"""
)
_DIGITS_ASCII_AND_FULL_WIDTH = "0123456789０１２３４５６７８９"
_ASCII_DIGITS = frozenset("0123456789")
_SEPARATORS = frozenset(".．、,，:：)）")
_STYLES = {".": "1.", "．": "1.", "、": "1、", ",": "1,", "，": "1,", ":": "1:", "：": "1:",
           ")": "1)", "）": "1)"}  # fmt: skip


def split_number(text: str) -> tuple[int | None, str, str]:
    """Split a clause number off the start of ``text``.

    Returns ``(number, rest, style)`` where ``style`` names the numbering form: ``"1."``,
    ``"1、"``, ``"(1)"``, ``"①"``, ``"1"`` (a number missing its separator) or ``""`` when
    the text is not numbered. Decimal numbers such as ``2.5万`` are not clause numbers.
    """
    first = text[:1]
    if first in _ASCII_DIGITS and text[1:2] in _SEPARATORS:  # "1." "2、": the usual forms
        rest = text[2:]
        if rest[:1] in {" ", "\u3000"}:
            rest = rest.lstrip(" \u3000")
        sep = text[1]
        if sep in {".", "．"} and rest[:1].isdigit():
            return None, text, ""  # a decimal number, not a clause number
        return int(first), rest, _STYLES[sep]
    if first in {" ", "\u3000"}:
        first = text.lstrip(" \u3000")[:1]
    if not first:
        return None, text, ""
    if first in _DIGITS_ASCII_AND_FULL_WIDTH:
        match = _DIGIT_NUMBER.match(text)
        if match is None:
            return None, text, ""
        rest = text[match.end() :]
        digits, sep = match.group(1, 2)
        if sep is None:
            return int(digits), rest, "1"
        if sep in {".", "．"} and rest[:1].isdigit():
            return None, text, ""  # a decimal number, not a clause number
        return int(digits), rest, _STYLES[sep]
    if first in {"(", "（"}:
        match = _PAREN_NUMBER.match(text)
        if match is None:
            return None, text, ""
        return int(match.group(1)), text[match.end() :], "(1)"
    if first in _CIRCLED:
        match = _CIRCLED_NUMBER.match(text)
        if match is not None:  # always: the first character is circled
            return _CIRCLED.index(match.group(1)) + 1, text[match.end() :], "①"
    return None, text, ""
