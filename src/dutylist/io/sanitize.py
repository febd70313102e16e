"""Text made safe for the outputs that cannot hold it as is: XML, spreadsheets.

Every writer of XML (.docx documents and reports, JUnit, HTML) passes text through
:func:`xml_text`; every writer of spreadsheet cells (.csv, .xlsx) through
:func:`formula_safe`. Both keep ordinary text unchanged.
"""

from __future__ import annotations

import re

from dutylist.patterns import compile_on_use

_NOT_XML = compile_on_use("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_CONTROL_PICTURES = 0x2400
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _visible(match: re.Match[str]) -> str:
    character = match.group()
    code = ord(character)
    return chr(_CONTROL_PICTURES + code) if code < 0x20 else "\ufffd"


def xml_text(text: str) -> str:
    """Return ``text`` with the characters XML 1.0 cannot hold made visible.

    A control character becomes its picture (U+241B ␛ for escape), a lone surrogate or a
    non-character U+FFFD; tabs and line breaks are kept.
    """
    return _NOT_XML.sub(_visible, text) if _NOT_XML.search(text) else text


def has_xml_illegal(text: str) -> bool:
    """Return True when ``text`` holds a character :func:`xml_text` would replace."""
    return _NOT_XML.search(text) is not None


def formula_safe(text: str) -> str:
    """Return ``text`` so that a spreadsheet shows it as text, never runs it as a formula.

    A cell starting with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage return, which
    some programs skip) gets a leading apostrophe, as OWASP recommends against CSV
    injection; other text is unchanged.
    """
    return "'" + text if text.startswith(_FORMULA_STARTS) else text
