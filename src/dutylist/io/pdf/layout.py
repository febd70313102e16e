"""Page geometry: characters into lines, lines into paragraphs.

A PDF keeps no paragraphs, only glyphs at positions. Within a cell (or the page's text
area) a line ends either because the paragraph ended or because the next piece of text did
not fit. :func:`paragraphs` tells the two apart the way a typesetter decides a line break:
if the first unbreakable piece of the next line (a character with the punctuation that may
not start a line, an opening bracket with what follows, a Latin word) would have fitted at
the end of the line, the line ended with its paragraph. A larger gap between lines than
between the lines of a paragraph, or a first-line indent, also starts a paragraph.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from dutylist.numerals import split_number

Char = dict[str, Any]
"""A character as pdfplumber gives it (``text``, ``x0``, ``x1``, ``top``, ``bottom``, ``size``)."""

NO_LINE_START = frozenset("，。、；：？！）)]】》〉」』”’…—·%‰,.;:!?～〕｝}-－℃")
"""Characters that may not start a line (kinsoku): they travel with the one before them,
even past the end of the line (hanging punctuation)."""
# Characters that may not end a line: they travel with the one after them.
_NO_LINE_END = frozenset("（([【《〈「『“‘〔｛{")
# Quotation marks: no line break on either side of them.
_QUOTES = frozenset("“”‘’\"'")
_SENTENCE_END = frozenset("。；;：:！!？?")
_FIT_TOLERANCE = 0.02
"""Points of slack when deciding whether text would have fitted on the line before."""


@attrs.frozen
class Line:
    """One line of text: its characters joined, and where it sits."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    """The font size of the line's first character."""
    lead_width: float
    """The width of the line's first unbreakable piece (see the module docstring)."""
    page: int
    """The 1-based page number."""


def _is_word_char(text: str) -> bool:
    return text.isascii() and text.isalnum()


def _lead_width(chars: Sequence[Char]) -> float:
    """Return the width of the first piece of ``chars`` that a line break cannot split.

    Like the Unicode line breaking rules (UAX #14): no break before closing punctuation,
    after opening punctuation, inside a Latin word, nor on either side of a quotation mark.
    """
    count = len(chars)
    index = 0
    while index < count - 1 and chars[index]["text"] in _NO_LINE_END | _QUOTES:
        index += 1
    while True:
        if _is_word_char(chars[index]["text"]):
            while index + 1 < count and _is_word_char(chars[index + 1]["text"]):
                index += 1
        following = chars[index + 1]["text"] if index + 1 < count else ""
        if following in _QUOTES:
            index += 1
            if index + 1 < count:
                index += 1
                continue
        elif following in NO_LINE_START or chars[index]["text"] in _NO_LINE_END:
            index += 1
            continue
        break
    return float(chars[index]["x1"] - chars[0]["x0"])


def _whole(value: float) -> bool:
    return value >= 0.9 and abs(value - round(value)) < 0.04


def _spaces(before: Char, after: Char, spaces: Sequence[Char]) -> str:
    """Return the spaces between two glyphs of a line.

    A space glyph between them counts (an ideographic space stays one), and as many more
    as its width fits in the rest of the gap (renderers draw one glyph for a run). A gap
    of whole ems that is no whole number of space glyphs is ideographic spaces (U+3000),
    which some renderers label as narrow spaces. With no
    space glyph, a wide gap between two Latin characters is a space too. The gap that
    layout engines leave between Chinese and Latin text is not.
    """
    gap = float(after["x0"] - before["x1"])
    size = float(before["size"])
    if gap <= 0.1 * size:
        return ""
    between = [s for s in spaces if before["x0"] < (s["x0"] + s["x1"]) / 2 < after["x1"]]
    if between:
        width = max(0.1, float(between[0]["x1"] - between[0]["x0"]))
        printed = "".join(str(space["text"]) for space in between)
        ems, spaces_wide = gap / size, gap / width
        if printed.isascii() and _whole(ems) and not _whole(spaces_wide):
            return "\u3000" * round(ems)  # a full-width space printed as a narrow glyph
        return printed + printed[-1] * (round(spaces_wide) - len(between))
    if str(before["text"]).isascii() and str(after["text"]).isascii() and gap > 0.15 * size:
        return " " * max(1, round(gap / (0.3 * size)))
    return ""


def _leading_spaces(first: Char, spaces: Sequence[Char]) -> str:
    """Return the spaces drawn before the first glyph of a line (typed at a cell's start)."""
    leading = [space for space in spaces if space["x1"] <= first["x0"] + 0.5]
    if not leading:
        return ""
    width = max(0.1, float(leading[0]["x1"] - leading[0]["x0"]))
    printed = "".join(str(space["text"]) for space in leading)
    count = round(float(first["x0"] - leading[0]["x0"]) / width)
    return printed + printed[-1] * (count - len(leading))


def _line(chars: list[Char], page: int) -> Line | None:
    """Return the line made of ``chars`` (one baseline), or None when it is only spaces."""
    chars.sort(key=lambda char: char["x0"])
    glyphs = [char for char in chars if char["text"].strip()]
    if not glyphs:
        return None
    spaces = [char for char in chars if not char["text"].strip()]
    pieces: list[str] = [_leading_spaces(glyphs[0], spaces)]
    previous: Char | None = None
    for char in glyphs:
        if previous is not None:
            pieces.append(_spaces(previous, char, spaces))
        pieces.append(char["text"])
        previous = char
    first = glyphs[0]
    return Line(
        text="".join(pieces),
        x0=float(first["x0"]),
        x1=float(glyphs[-1]["x1"]),
        top=float(min(char["top"] for char in glyphs)),
        bottom=float(max(char["bottom"] for char in glyphs)),
        size=float(first["size"]),
        lead_width=_lead_width(glyphs),
        page=page,
    )


def char_lines(chars: Iterable[Char]) -> list[list[Char]]:
    """Return ``chars`` grouped by baseline, top to bottom (each group in any order)."""
    ordered = sorted(chars, key=lambda char: char["top"])
    result: list[list[Char]] = []
    current: list[Char] = []
    bottom = -1.0
    for char in ordered:
        middle = (char["top"] + char["bottom"]) / 2
        if current and middle > bottom:
            result.append(current)
            current = []
        if not current:
            bottom = char["bottom"]
        current.append(char)
        bottom = max(bottom, char["bottom"]) if char["text"].strip() else bottom
    if current:
        result.append(current)
    return result


def make_line(chars: list[Char], page: int) -> Line | None:
    """Return the line made of ``chars`` (one baseline), or None when it is only spaces."""
    return _line(chars, page)


def lines(chars: Iterable[Char], page: int) -> list[Line]:
    """Return the lines of ``chars`` (one cell, or one page's loose text), top to bottom."""
    made = (_line(group, page) for group in char_lines(chars))
    return [line for line in made if line is not None]


@attrs.frozen
class Box:
    """The text area of a cell: inner left and right edges."""

    left: float
    right: float


def _is_centered(line: Line, box: Box) -> bool:
    left, right = line.x0 - box.left, box.right - line.x1
    return left > 1.5 and abs(left - right) < 1.5


def breaks_paragraph(before: Line, after: Line, box: Box, pitch: float | None) -> bool:
    """Return True when ``after`` starts a new paragraph rather than continuing ``before``.

    ``pitch`` is the usual distance between the baselines of a paragraph's lines; None
    when the two lines are on different pages (a row cut by a page break).
    """
    if pitch is not None and after.page == before.page and after.top - before.top > 1.4 * pitch:
        return True
    if _is_centered(before, box):
        room = (box.right - box.left) - (before.x1 - before.x0)
    else:
        room = box.right - before.x1
    if after.lead_width <= room + _FIT_TOLERANCE:
        return True
    if before.text[-1:] in _SENTENCE_END and split_number(after.text)[2] not in ("", "1"):
        return True  # a full line ending a sentence, then a numbered clause
    em = after.size
    return after.x0 - box.left > 0.8 * em and before.x0 - box.left < 0.4 * em


def pitch_of(all_lines: Iterable[Sequence[Line]]) -> float | None:
    """Return the most common distance between consecutive lines of the same cell."""
    counts: dict[float, int] = {}
    for cell in all_lines:
        for before, after in itertools.pairwise(cell):
            if after.page == before.page:
                step = round(after.top - before.top, 1)
                if step > 0:
                    counts[step] = counts.get(step, 0) + 1
    if not counts:
        return None
    return max(counts, key=lambda step: (counts[step], -step))


def paragraphs(cell: Sequence[Line], box: Box, pitch: float | None) -> tuple[str, ...]:
    """Return the paragraphs of a cell's lines; an empty cell has one empty paragraph."""
    if not cell:
        return ("",)
    result = [cell[0].text]
    for before, after in itertools.pairwise(cell):
        if breaks_paragraph(before, after, box, pitch):
            if pitch is not None and after.page == before.page:
                skipped = math.floor((after.top - before.top) / pitch + 0.2) - 1
                result += [""] * max(0, skipped)
            result.append(after.text)
        elif _is_word_char(result[-1][-1:]) and _is_word_char(after.text[:1]):
            result[-1] += " " + after.text  # Latin words wrap at a space
        else:
            result[-1] += after.text
    return tuple(result)
