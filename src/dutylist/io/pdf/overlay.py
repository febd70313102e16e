"""Text laid over a page rather than set into it: watermarks and seals.

A watermark (``内部资料``, the office's name) is drawn across the page, usually slanted and
always far larger than the text of the table; the text ring of a seal (公章) is drawn
along a circle, each character turned its own way. Read into the table, such text lands
in whatever cells it crosses and garbles them. A character is *overlaid* when it is
turned by an angle other than a right angle (text turned by 90° is a vertical cell, not
an overlay), or when it is at least :data:`OVERSIZE` times the size of the page's usual
character. Overlaid characters are kept out of the tables and the flow of the page and
joined into runs of text (:func:`overlay_runs`), which the reader reports as unplaced.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from dutylist.io.pdf.layout import Char

OVERSIZE = 3.0
"""A character this many times the size of the page's median character is overlaid."""
_TURN_TOLERANCE = math.radians(3)
"""How far from a right angle a character may be turned and still be set in the page."""
_RUN_GAP = 2.0
"""Characters further apart than this many of their sizes along a run start a new run."""


def _angle(char: Char) -> float:
    matrix = char.get("matrix") or (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    return math.atan2(float(matrix[1]), float(matrix[0]))


def _slanted(char: Char) -> bool:
    """Return True when ``char`` is turned by an angle that is not a multiple of 90°."""
    off = abs(_angle(char)) % (math.pi / 2)
    return min(off, math.pi / 2 - off) > _TURN_TOLERANCE


def split_overlay(chars: Sequence[Char]) -> tuple[list[Char], list[Char]]:
    """Return the characters set into the page and those overlaid on it, in order.

    A character drawn between two overlaid ones, near both, is overlaid too, however it
    is turned: the character at the top of a seal's ring stands upright.
    """
    sizes = sorted(float(char["size"]) for char in chars if str(char["text"]).strip())
    usual = sizes[len(sizes) // 2] if sizes else 0.0
    marks = [
        (usual > 0 and float(char["size"]) >= OVERSIZE * usual) or _slanted(char) for char in chars
    ]
    for index in range(1, len(chars) - 1):
        if not marks[index] and marks[index - 1] and marks[index + 1]:
            marks[index] = _near(chars[index - 1], chars[index]) and _near(
                chars[index], chars[index + 1]
            )
    kept = [char for char, mark in zip(chars, marks, strict=True) if not mark]
    overlaid = [char for char, mark in zip(chars, marks, strict=True) if mark]
    return kept, overlaid


def _near(before: Char, after: Char) -> bool:
    """Return True when ``after`` is drawn within :data:`_RUN_GAP` sizes of ``before``."""
    (x0, y0), (x1, y1) = _origin(before), _origin(after)
    size = max(float(before["size"]), float(after["size"]))
    return math.hypot(x1 - x0, y1 - y0) <= _RUN_GAP * size


def overlay_runs(chars: Sequence[Char]) -> list[str]:
    """Return the texts of overlaid characters, in the order they were drawn.

    A run of text goes on while each character is drawn at most :data:`_RUN_GAP` of its
    size from the one before, whichever way it is turned (a seal's ring of characters is
    one run); a character drawn further away starts another.
    """
    runs: list[str] = []
    last: Char | None = None
    for char in chars:
        text = str(char["text"])
        if not text.strip():
            continue
        if last is None or not _near(last, char):
            runs.append("")
        runs[-1] += text
        last = char
    return runs


def _origin(char: Char) -> tuple[float, float]:
    """Return where ``char`` was drawn (its text origin, page coordinates)."""
    matrix = char.get("matrix")
    if matrix:
        return float(matrix[4]), float(matrix[5])
    return float(char["x0"]), -float(char["bottom"])
