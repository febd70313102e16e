"""Character-level inline diffs suited to Chinese, and the cosmetic/substantive test.

Chinese has no spaces between words, so the diff works on characters
(:class:`difflib.SequenceMatcher`, without its auto-junk heuristic). Raw character diffs
of edited Chinese sentences are confetti: a rewrite shares many single characters (的, 和,
工作) with the original. Two clean-ups make them readable:

1. *Coalescing*: an equal run of at most :data:`SHORT_EQUAL` characters between two edits,
   or shorter than half of the edits around it, is folded into the edit.
2. *Punctuation alignment*: an insertion or deletion that can slide along identical
   text (``、甲`` inserted after ``乙`` in ``乙、丙``) is slid so that it starts right
   after, or ends right at, CJK punctuation (、，；：（）。) — the Chinese counterpart of
   aligning edits on spaces.

If after coalescing less than :data:`MIN_SHARED` of the text is shared, the edit is shown
as one deletion and one insertion: a rewrite, not a patchwork.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata

from dutylist.diff.changes import ChangeClass, EditOp, InlineEdit
from dutylist.patterns import compile_on_use

SHORT_EQUAL = 2
"""Equal runs of at most this many characters between two edits are folded into them."""
MIN_SHARED = 0.3
"""Below this share of equal characters the texts are shown as a whole replacement."""
PUNCTUATION = frozenset("、，；：。（）！？,;:.()!?“”\"'《》")
"""Characters that edits are aligned to (boundaries of Chinese phrases)."""


@functools.lru_cache(maxsize=1 << 12)
def inline_diff(old: str, new: str) -> tuple[InlineEdit, ...]:
    """Return the character-level diff of ``old`` and ``new`` as readable segments.

    Joining the equal and delete segments gives ``old``; joining equal and insert
    segments gives ``new``. Deletions come before insertions at the same place. Results
    are cached (they are immutable): a replacement made in many items, such as a
    renamed department, is diffed once.
    """
    if old == new:
        return (InlineEdit(op=EditOp.EQUAL, text=old),) if old else ()
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    segments: list[tuple[str, str]] = []  # (old text, new text); equal when the same
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            segments.append((old[i1:i2], old[i1:i2]))
        else:
            segments.append((old[i1:i2], new[j1:j2]))
    segments = _coalesce(segments)
    if _shared(segments) < MIN_SHARED * max(len(old), len(new)):
        segments = [(old, new)]
    segments = _align_to_punctuation(segments)
    return _to_edits(segments)


def _is_equal(segment: tuple[str, str]) -> bool:
    return segment[0] == segment[1]


def _shared(segments: list[tuple[str, str]]) -> int:
    return sum(len(a) for a, b in segments if a == b)


def _coalesce(segments: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Fold short equal runs lying between two edits into one edit."""
    changed = True
    while changed:
        changed = False
        merged: list[tuple[str, str]] = []
        index = 0
        while index < len(segments):
            segment = segments[index]
            if (
                merged
                and not _is_equal(merged[-1])
                and _is_equal(segment)
                and index + 1 < len(segments)
                and not _is_equal(segments[index + 1])
                and _fold(merged[-1], segment, segments[index + 1])
            ):
                before, after = merged.pop(), segments[index + 1]
                merged.append(
                    (before[0] + segment[0] + after[0], before[1] + segment[1] + after[1])
                )
                index += 2
                changed = True
                continue
            if merged and not _is_equal(merged[-1]) and not _is_equal(segment):
                before = merged.pop()
                merged.append((before[0] + segment[0], before[1] + segment[1]))
            else:
                merged.append(segment)
            index += 1
        segments = merged
    return segments


def _fold(before: tuple[str, str], equal: tuple[str, str], after: tuple[str, str]) -> bool:
    run = len(equal[0])
    if run <= SHORT_EQUAL:
        return True
    smaller_edit = min(max(len(before[0]), len(before[1])), max(len(after[0]), len(after[1])))
    return run * 2 < smaller_edit


def _align_to_punctuation(segments: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Slide pure insertions and deletions along identical text to punctuation boundaries."""
    result = list(segments)
    for index in range(1, len(result) - 1):
        previous, segment, following = result[index - 1], result[index], result[index + 1]
        if not (_is_equal(previous) and _is_equal(following)) or _is_equal(segment):
            continue
        if segment[0] and segment[1]:
            continue  # a replacement cannot slide
        moving = segment[0] or segment[1]
        left, right = previous[0], following[0]
        best = (_boundary_score(left, moving, right), 0)
        candidates = [(left, moving, right, 0)]
        # slide left: the edit's last character equals the last character of ``left``
        text_left, edit, text_right, shift = left, moving, right, 0
        while text_left and text_left[-1] == edit[-1]:
            text_left, edit, text_right = (
                text_left[:-1],
                text_left[-1] + edit[:-1],
                edit[-1] + text_right,
            )
            shift -= 1
            candidates.append((text_left, edit, text_right, shift))
        text_left, edit, text_right, shift = left, moving, right, 0
        while text_right and text_right[0] == edit[0]:
            text_left, edit, text_right = (
                text_left + edit[0],
                edit[1:] + text_right[0],
                text_right[1:],
            )
            shift += 1
            candidates.append((text_left, edit, text_right, shift))
        chosen = candidates[0]
        for candidate in candidates[1:]:
            score = (_boundary_score(candidate[0], candidate[1], candidate[2]), -abs(candidate[3]))
            if score > best:
                best, chosen = score, candidate
        new_left, new_edit, new_right, _ = chosen
        result[index - 1] = (new_left, new_left)
        result[index] = (new_edit, "") if segment[0] else ("", new_edit)
        result[index + 1] = (new_right, new_right)
    return [segment for segment in result if segment[0] or segment[1]]


def _boundary_score(left: str, edit: str, right: str) -> int:
    score = 0
    if not left or left[-1] in PUNCTUATION:
        score += 2
    if not right or edit[-1] in PUNCTUATION:
        score += 2
    if edit[0] in PUNCTUATION and left and left[-1] not in PUNCTUATION:
        score += 1
    return score


def _to_edits(segments: list[tuple[str, str]]) -> tuple[InlineEdit, ...]:
    edits: list[InlineEdit] = []
    for old, new in segments:
        if old == new:
            edits.append(InlineEdit(op=EditOp.EQUAL, text=old))
            continue
        if old:
            edits.append(InlineEdit(op=EditOp.DELETE, text=old))
        if new:
            edits.append(InlineEdit(op=EditOp.INSERT, text=new))
    return tuple(edits)


def old_text(edits: tuple[InlineEdit, ...]) -> str:
    """Return the old text of an inline diff."""
    return "".join(edit.text for edit in edits if edit.op is not EditOp.INSERT)


def new_text(edits: tuple[InlineEdit, ...]) -> str:
    """Return the new text of an inline diff."""
    return "".join(edit.text for edit in edits if edit.op is not EditOp.DELETE)


_DROPPED = compile_on_use(
    "[\\s"
    "!-$&-/:-@\\[-`{-~"  # ASCII punctuation, except % (10% is not 10)
    "\u00a1-\u00bf\u00d7\u00f7"  # Latin-1 punctuation and signs
    "\u2000-\u206f"  # general punctuation: dashes, quotes, spaces, zero-width marks
    "\u3000-\u3004\u3008-\u3011\u3014-\u301f\u3030"  # CJK punctuation, not 〇 or 々
    "\ufe10-\ufe1f\ufe30-\ufe6f\ufeff"  # vertical and small forms, byte-order mark
    "]+"
)


@functools.lru_cache(maxsize=1 << 16)
def normalize(text: str) -> str:
    """Return ``text`` without the differences that do not change meaning.

    NFKC folds full- and half-width forms (``（１）`` → ``(1)``); whitespace and
    punctuation (ASCII and CJK punctuation, quotes, dashes; not ``%``, not ``〇``) are
    dropped. Results are cached: a list's names and clauses recur in every version.
    """
    if not unicodedata.is_normalized("NFKC", text):
        # Full-width forms (（，；：１) are what makes most list text unnormalised. Each
        # is replaced by its NFKC form (an ASCII character), which leaves the NFKC of the
        # whole unchanged; full NFKC, slow on long CJK texts, runs only if still needed.
        text = _FULL_WIDTH.sub(_narrow, text)
        if not unicodedata.is_normalized("NFKC", text):
            text = unicodedata.normalize("NFKC", text)
    return _DROPPED.sub("", text)


_FULL_WIDTH = compile_on_use("[\uff01-\uff5e]")
_NARROW = {chr(code): unicodedata.normalize("NFKC", chr(code)) for code in range(0xFF01, 0xFF5F)}


def _narrow(match: re.Match[str]) -> str:
    return _NARROW[match.group()]


def classify(old: str | None, new: str | None) -> ChangeClass:
    """Return cosmetic when ``old`` and ``new`` differ only in form, else substantive."""
    if old is None or new is None:
        return ChangeClass.SUBSTANTIVE
    return ChangeClass.COSMETIC if normalize(old) == normalize(new) else ChangeClass.SUBSTANTIVE
