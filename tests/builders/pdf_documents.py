"""Build PDF fixtures by code, with producers other than LibreOffice.

`draw_list` lays a duty list out with reportlab's platypus (its own line breaking, its own
table code): tables with or without ruling lines, header rows repeated or not, rows split
across pages. The other builders make the PDFs dutylist must refuse or still read: text
in a CJK font with no ToUnicode map, image-only (scanned) pages, password protection,
damage, no tables.

LibreOffice renders of .docx fixtures are made by `render_with_libreoffice`, in one
soffice run for many files (start-up is most of its cost).
"""

from __future__ import annotations

import datetime as dt
import io
import math
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from dutylist.io.layout import cell_paragraphs, column_roles
from dutylist.model import DutyList, PartKind
from dutylist.parse.vocabulary import usual_columns

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

__all__ = [
    "CJK_FONT",
    "damaged",
    "draw_list",
    "draw_text",
    "render_with_libreoffice",
    "scanned",
    "strip_unicode_maps",
]

CJK_FONT = "STSong-Light"
"""reportlab's built-in Chinese font (Adobe-GB1 CIDs, decoded by a predefined CMap)."""
NOTE_FONT = "MSung-Light"
"""Another built-in Chinese font (Adobe-CNS1), for a note that `strip_unicode_maps` may spoil."""
SOFFICE = shutil.which("soffice")
FIXED_TIME = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
"""The creation time written into PDFs made with fpdf2 (reportlab's ``invariant`` has its own)."""


def _register_font() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    for font in (CJK_FONT, NOTE_FONT):
        if font not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(UnicodeCIDFont(font))


def _rows(duty_list: DutyList, kind: PartKind) -> tuple[list[tuple[str, ...]], list[int]]:
    """Return the header and body rows of a part (cells of paragraphs) and its category rows."""
    part = next(part for part in duty_list.parts if part.kind is kind)
    columns = part.columns or usual_columns(part.kind)
    roles = column_roles(part, columns)
    rows: list[tuple[str, ...]] = [columns]
    merged: list[int] = []
    for category in part.categories:
        if category.heading.strip():
            merged.append(len(rows))
            rows.append((category.heading,))
        for item in category.items:
            cells = [
                "\n".join(cell_paragraphs(item, role, columns[index], category.heading, roles))
                for index, role in enumerate(roles)
            ]
            rows.append(tuple(cells))
    return rows, merged


def draw_list(  # noqa: PLR0913 - a builder with independent switches
    duty_list: DutyList,
    path: Path,
    *,
    ruled: bool = True,
    repeat_header: bool = True,
    landscape: bool = False,
    font_size: float = 10,
    encrypt: tuple[str, str] | None = None,
    scanned_page: bool = False,
    note: str = "",
    running: str = "",
    watermark: str = "",
    seal: str = "",
) -> Path:
    """Draw `duty_list` with reportlab: a title, then each part as a heading and a table.

    Args:
        duty_list: the list to draw.
        path: where to write the PDF.
        ruled: draw the cell borders (else the table is text aligned in columns).
        repeat_header: repeat the header row at the top of each page.
        landscape: A4 landscape instead of portrait.
        font_size: the body font size; small lists split across pages when it is large.
        encrypt: (user password, owner password) to protect the file with.
        scanned_page: end with a page holding only a picture (a scanned page).
        note: a paragraph after the last table, in `NOTE_FONT`.
        running: a page header on every page, with a footer ``第 n 页 共 m 页``.
        watermark: text drawn large, light and slanted across the middle of every page.
        seal: text drawn around a red circle (a seal, 公章) over the table on every page.
    """
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.pagesizes import landscape as turn
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        Image,
        PageBreak,
        Paragraph,
        SimpleDocTemplate,
        Table,
        TableStyle,
    )

    _register_font()
    body = ParagraphStyle(
        "body", fontName=CJK_FONT, fontSize=font_size, leading=font_size * 1.3, wordWrap="CJK"
    )
    heading = ParagraphStyle("heading", parent=body, fontSize=16, leading=22, alignment=1)
    size = turn(A4) if landscape else A4
    width = size[0] - 40 * mm
    story: list[object] = [Paragraph(escape(duty_list.title), heading)]
    story += [Paragraph(escape(line), body) for line in duty_list.front_matter]
    for index, part in enumerate(duty_list.parts):
        if index:
            story.append(PageBreak())
        story.append(Paragraph(escape(part.title), heading))
        rows, merged = _rows(duty_list, part.kind)
        count = len(rows[0])
        widths = [13 * mm] + [(width - 13 * mm) / (count - 1)] * (count - 1)
        data = [
            [[Paragraph(escape(text), body) for text in cell.split("\n")] for cell in row]
            + [""] * (count - len(row))
            for row in rows
        ]
        commands: list[tuple[object, ...]] = [("VALIGN", (0, 0), (-1, -1), "TOP")]
        if ruled:
            commands.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
        else:  # wide gutters: reportlab lets punctuation overhang a cell's padding
            commands += [
                ("LEFTPADDING", (0, 0), (-1, -1), 9),
                ("RIGHTPADDING", (0, 0), (-1, -1), 9),
            ]
        commands += [("SPAN", (0, row), (-1, row)) for row in merged]
        table = Table(
            data,
            colWidths=widths,
            repeatRows=1 if repeat_header else 0,
            style=TableStyle(commands),
        )
        story.append(table)
    if note:
        story.append(
            Paragraph(escape(note), ParagraphStyle("note", parent=body, fontName=NOTE_FONT))
        )
    if scanned_page:
        story += [PageBreak(), Image(_picture(), width=400, height=130)]
    encryption = None
    if encrypt is not None:
        user, owner = encrypt
        encryption = StandardEncryption(user, owner, canPrint=0, canCopy=0, canModify=0)
    document = SimpleDocTemplate(  # invariant: no clock time or random id in the file
        str(path),
        pagesize=size,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        encrypt=encryption,
        invariant=True,
    )
    decorate = _decorations(running, watermark, seal)
    document.build(story, onFirstPage=decorate, onLaterPages=decorate)  # type: ignore[arg-type]
    return path


def _decorations(running: str, watermark: str, seal: str) -> Callable[[Any, Any], None]:
    """Return what `draw_list` draws on every page besides the story (reportlab's onPage)."""

    def draw(canvas: Any, document: Any) -> None:
        width, height = document.pagesize
        canvas.saveState()
        canvas.setFont(CJK_FONT, 9)
        if running:
            canvas.drawString(document.leftMargin, height - 30, running)
            # The total is not known while drawing; a fixed one reads the same to a reader.
            canvas.drawCentredString(width / 2, 20, f"第 {canvas.getPageNumber()} 页 共 99 页")
        if watermark:
            canvas.setFont(CJK_FONT, 56)
            canvas.setFillGray(0.85)
            canvas.translate(width / 2, height / 2)
            canvas.rotate(35)
            canvas.drawCentredString(0, 0, watermark)
        canvas.restoreState()
        if seal:
            canvas.saveState()
            canvas.setStrokeColorRGB(0.9, 0, 0)
            canvas.setFillColorRGB(0.9, 0, 0)
            canvas.translate(width - 160, 200)
            canvas.circle(0, 0, 55, stroke=1, fill=0)
            canvas.setFont(CJK_FONT, 13)
            step = 200 / max(len(seal) - 1, 1)
            for index, character in enumerate(seal):
                canvas.saveState()
                canvas.rotate(190 - index * step)
                canvas.translate(0, 40)
                canvas.rotate(-90)
                canvas.drawCentredString(0, 0, character)
                canvas.restoreState()
            star = canvas.beginPath()  # the star in the middle, a shape as in real seals
            for point in range(10):
                radius = 16 if point % 2 == 0 else 6.5
                angle = math.pi / 2 + point * math.pi / 5
                x, y = radius * math.cos(angle), radius * math.sin(angle)
                star.lineTo(x, y) if point else star.moveTo(x, y)
            star.close()
            canvas.drawPath(star, stroke=0, fill=1)
            canvas.restoreState()

    return draw


def draw_text(
    path: Path,
    lines: Sequence[str | Sequence[tuple[float, str]]],
    *,
    encrypt: tuple[str, str] | None = None,
) -> Path:
    """Write a one-page PDF holding `lines` of Chinese text, 20 points apart, no ruling lines.

    A line is a string (drawn at the left margin) or pieces of text with their x positions.
    """
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    _register_font()
    encryption = StandardEncryption(*encrypt) if encrypt is not None else None
    page = canvas.Canvas(str(path), encrypt=encryption, invariant=True)
    page.setFont(CJK_FONT, 12)
    for number, line in enumerate(lines):
        for x, text in [(72.0, line)] if isinstance(line, str) else line:
            page.drawString(x, 760 - 20 * number, text)
    page.save()
    return path


def strip_unicode_maps(path: Path, *, note_only: bool = False) -> Path:
    """Make the Chinese text of the PDF at `path` (from `draw_list` or `draw_text`) unreadable.

    The font's predefined encoding becomes Identity-H and its character collection an
    unknown one, so no program can map its codes back to characters: pdfplumber reports
    each as ``(cid:N)``, as it does for real PDFs whose subset fonts lack a ToUnicode map.
    With `note_only`, only the note's font (`NOTE_FONT`) is spoilt. The replacements
    have the same length, so the file's cross-reference table stays valid.
    """
    data = path.read_bytes()
    if note_only:  # reportlab gives both fonts the same encoding: spoil the collection
        assert b"(CNS1)" in data
        data = data.replace(b"(CNS1)", b"(XXX1)")
    else:
        assert b"/UniGB-UCS2-H" in data
        data = data.replace(b"/UniGB-UCS2-H", b"/Identity-H  ").replace(b"(GB1)", b"(XX1)")
    path.write_bytes(data)
    return path


def _picture() -> io.BytesIO:
    """Return a PNG picture of a ruled box, as a scanner would see a table."""
    from PIL import Image, ImageDraw

    picture = Image.new("L", (600, 200), 255)
    ImageDraw.Draw(picture).rectangle((20, 20, 580, 180), outline=0, width=3)
    stream = io.BytesIO()
    picture.save(stream, format="PNG")
    stream.seek(0)
    return stream


def scanned(path: Path) -> Path:
    """Write a PDF (with fpdf2) whose only page is a picture (what a scanner makes)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_creation_date(FIXED_TIME)  # not the clock's: the same call builds the same bytes
    pdf.add_page()
    pdf.image(_picture(), x=10, y=10, w=190)
    pdf.output(str(path))
    return path


def damaged(source: Path, path: Path) -> Path:
    """Write the first 40 % of `source` to `path`, garbage after it: a damaged PDF."""
    data = source.read_bytes()
    path.write_bytes(data[: len(data) * 2 // 5] + b"\x00garbage" * 64)
    return path


def render_with_libreoffice(
    documents: Sequence[Path], outdir: Path, *, target: str = "pdf"
) -> list[Path]:
    """Render .docx `documents` to PDF in `outdir` with one LibreOffice run; return the PDFs.

    `target` is soffice's --convert-to argument: "pdf", or "pdf:writer_pdf_Export:{…}"
    with export options (passwords, permissions).
    """
    assert SOFFICE is not None
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(  # noqa: S603 - fixed arguments, soffice found on PATH
            [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless",
             "--convert-to", target, "--outdir", str(outdir), *map(str, documents)],
            check=True, capture_output=True, timeout=600, env={**os.environ, "HOME": profile},
        )  # fmt: skip
    return [outdir / f"{document.stem}.pdf" for document in documents]
