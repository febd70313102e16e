"""Word styling every written document shares: fonts (East Asian ones included) and pages.

The list writer (:mod:`dutylist.io.docx.write`), its package (:mod:`dutylist.io.docx.package`)
and the change reports (:mod:`dutylist.reports.changes.docx`,
:mod:`dutylist.reports.changes.redline`) take their fonts and page setup from here.
"""

from __future__ import annotations

from typing import Any, cast

BODY_FONT = "仿宋_GB2312"
"""The font of body text (tables, front matter): that of official documents."""
HEADING_FONT = "黑体"
"""The font of titles, headings, header rows and category rows."""
FONT_SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")
"""The ``w:rFonts`` attributes set to a font: Latin, other Latin, East Asian, complex."""

PAGE_MM = (210.0, 297.0)
"""The short and long sides of A4 paper in millimetres."""
LIST_MARGINS_MM = (25.0, 20.0)
"""A written list's page margins in millimetres: top and bottom, left and right."""
REPORT_MARGINS_MM = (20.0, 20.0)
"""A change report's page margins in millimetres (landscape A4)."""


def set_fonts(properties: object, font: str, slots: tuple[str, ...] = FONT_SLOTS) -> None:
    """Make ``font`` the font of a ``w:rPr`` element, East Asian text included.

    The ``w:rFonts`` child is created when missing, first among the properties.
    """
    from docx.oxml.ns import qn  # noqa: PLC0415 - python-docx takes long to import

    element = cast("Any", properties)
    fonts = element.find(qn("w:rFonts"))
    if fonts is None:
        fonts = element.makeelement(qn("w:rFonts"), {})
        element.insert(0, fonts)
    for slot in slots:
        fonts.set(qn(f"w:{slot}"), font)


def page_setup(
    section: object, *, landscape: bool, margins_mm: tuple[float, float] = LIST_MARGINS_MM
) -> None:
    """Make a python-docx section A4, portrait or landscape, with ``margins_mm``.

    Args:
        section: the section.
        landscape: turn the page.
        margins_mm: top and bottom, left and right margins in millimetres.
    """
    from docx.enum.section import WD_ORIENT  # noqa: PLC0415
    from docx.section import Section  # noqa: PLC0415
    from docx.shared import Mm  # noqa: PLC0415

    assert isinstance(section, Section)  # noqa: S101 - python-docx returns sections
    short, long = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (long, short) if landscape else (short, long)
    section.top_margin = section.bottom_margin = Mm(margins_mm[0])
    section.left_margin = section.right_margin = Mm(margins_mm[1])
