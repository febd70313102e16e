"""Word automatic numbering for clause paragraphs ("1." "2." produced by Word, not typed).

Word keeps list definitions in the numbering part: a `w:abstractNum` describes the
format ("%1." decimal), and each `w:num` instance points at one. Restarting a list at 1
means a fresh `w:num` with `w:lvlOverride/w:startOverride`; that is what Word writes
when a clause list restarts in each table cell.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn

from .wordml import w_element

if TYPE_CHECKING:
    from docx.document import Document
    from docx.text.paragraph import Paragraph
    from lxml.etree import _Element

__all__ = ["CLAUSE_STYLE_ID", "ClauseNumbering", "split_typed_number"]

CLAUSE_STYLE_ID = "DutyClause"
"""The custom paragraph style whose `w:pPr` carries the clause numbering."""

_TYPED_NUMBER = re.compile(r"^(\d+)\.(?=\S)")


def split_typed_number(text: str) -> tuple[int | None, str]:
    """Return the typed clause number of `text` ("1.…") and the text without it.

    Only the "N." form is stripped, because only that form is reproduced exactly by the
    level text "%1."; other forms ("1、", "（1）") stay typed.
    """
    match = _TYPED_NUMBER.match(text)
    if match is None:
        return None, text
    return int(match.group(1)), text[match.end() :]


def _max_id(root: _Element, tag: str, attribute: str) -> int:
    """Return the largest integer `attribute` of the `tag` children of `root`, or 0."""
    values = [int(child.get(qn(attribute)) or 0) for child in root.findall(qn(tag))]
    return max(values, default=0)


def _set_num_pr(p_pr: _Element, num_id: int, ilvl: int | None) -> None:
    """Put `w:numPr` (`w:ilvl` if given, `w:numId`) into paragraph properties `p_pr`.

    `w:numPr` follows `w:pStyle`, the only earlier sibling these builders write.
    """
    num_pr = w_element("w:numPr")
    if ilvl is not None:
        num_pr.append(w_element("w:ilvl", val=str(ilvl)))
    num_pr.append(w_element("w:numId", val=str(num_id)))
    style = p_pr.find(qn("w:pStyle"))
    if style is None:
        p_pr.insert(0, num_pr)
    else:
        style.addnext(num_pr)


class ClauseNumbering:
    """Add decimal "%1." clause lists to a document, one `w:num` per restart."""

    def __init__(self, document: Document, *, on_style: bool = False) -> None:
        """Add the abstract list definition (and the "DutyClause" style if `on_style`).

        Args:
            document: The python-docx document to number paragraphs in.
            on_style: Put `w:numPr` on the "DutyClause" paragraph style rather than on
                each paragraph. The first list in the document then uses the style's
                numbering alone; later restarts still need a paragraph-level `w:numId`
                (without `w:ilvl`, which comes from the style), exactly as Word does.
        """
        self._document = document
        self._root = document.part.numbering_part.element
        self._abstract_id = self._add_abstract_num()
        self._on_style = on_style
        self._style_num_id: int | None = None
        self._style_num_used = False
        if on_style:
            self._style_num_id = self._add_num(start=1)
            self._add_style(self._style_num_id)

    def _add_abstract_num(self) -> int:
        """Add a single-level decimal `w:abstractNum` and return its id."""
        abstract_id = _max_id(self._root, "w:abstractNum", "w:abstractNumId") + 1
        abstract = w_element("w:abstractNum", abstractNumId=str(abstract_id))
        abstract.append(w_element("w:multiLevelType", val="singleLevel"))
        level = w_element("w:lvl", ilvl="0")
        level.append(w_element("w:start", val="1"))
        level.append(w_element("w:numFmt", val="decimal"))
        level.append(w_element("w:lvlText", val="%1."))
        level.append(w_element("w:lvlJc", val="left"))
        paragraph_properties = w_element("w:pPr")
        paragraph_properties.append(w_element("w:ind", left="0", firstLine="0"))
        level.append(paragraph_properties)
        abstract.append(level)
        # Schema order: every w:abstractNum precedes every w:num.
        first_num = self._root.find(qn("w:num"))
        if first_num is None:
            self._root.append(abstract)
        else:
            first_num.addprevious(abstract)
        return abstract_id

    def _add_num(self, *, start: int) -> int:
        """Add a `w:num` restarting the clause list at `start` and return its id."""
        num_id = _max_id(self._root, "w:num", "w:numId") + 1
        num = w_element("w:num", numId=str(num_id))
        num.append(w_element("w:abstractNumId", val=str(self._abstract_id)))
        override = w_element("w:lvlOverride", ilvl="0")
        override.append(w_element("w:startOverride", val=str(start)))
        num.append(override)
        self._root.append(num)
        return num_id

    def _add_style(self, num_id: int) -> None:
        """Add the "DutyClause" paragraph style numbered by `num_id`."""
        style = self._document.styles.add_style(CLAUSE_STYLE_ID, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = self._document.styles["Normal"]
        _set_num_pr(style.element.get_or_add_pPr(), num_id, 0)

    def start_list(self, start: int) -> int | None:
        """Return the `w:numId` for a new clause list starting at `start`.

        `None` means "use the style's numbering": only the first list of an
        `on_style` document, and only when it starts at 1.
        """
        if self._on_style and not self._style_num_used and start == 1:
            self._style_num_used = True
            return None
        return self._add_num(start=start)

    def number(self, paragraph: Paragraph, num_id: int | None) -> None:
        """Make `paragraph` an automatically numbered clause of list `num_id`."""
        if self._on_style:
            paragraph.style = self._document.styles[CLAUSE_STYLE_ID]
            if num_id is not None:
                _set_num_pr(paragraph._p.get_or_add_pPr(), num_id, None)
            return
        if num_id is None:
            raise ValueError("paragraph-level numbering needs a numId")
        paragraph.style = self._document.styles["List Paragraph"]
        _set_num_pr(paragraph._p.get_or_add_pPr(), num_id, 0)
