"""The names of WordprocessingML, the XML vocabulary of .docx documents."""

from __future__ import annotations

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def w(tag: str) -> str:
    """Return the Clark name of a WordprocessingML tag, e.g. ``{…/main}p``."""
    return f"{{{W_NS}}}{tag}"


VAL = w("val")
