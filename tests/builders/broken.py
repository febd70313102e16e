"""Files that look like duty lists but are not readable .docx documents.

Readers must reject these with a clear error (or, for a table-less document, find
no tables) instead of crashing.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from docx import Document

from .spec import DocSpec, sample_spec

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "OLE2_MAGIC",
    "build_corrupt_zip",
    "build_docx_without_tables",
    "build_fake_doc",
    "build_renamed_non_docx",
]

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""The signature of OLE2 compound files: legacy Word .doc and WPS .wps documents."""

_PDF = (
    b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
    b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"
)


def build_renamed_non_docx(path: Path) -> Path:
    """Write a PDF (as offices upload them) to `path`, typically named .docx."""
    path.write_bytes(_PDF)
    return path


def build_fake_doc(path: Path) -> Path:
    """Write an OLE2 compound file header plus padding to `path` (name it .doc or .wps)."""
    header = OLE2_MAGIC + bytes(16) + b"\x3e\x00\x03\x00\xfe\xff\x09\x00\x06\x00"
    path.write_bytes(header + bytes(512 - len(header)) + b"\xff" * 512)
    return path


def build_corrupt_zip(path: Path, spec: DocSpec | None = None) -> Path:
    """Write the first half of a valid .docx of `spec` to `path` (a truncated download)."""
    document = Document()
    for part in (spec or sample_spec()).parts:
        document.add_paragraph(part.title)
        document.add_table(rows=1, cols=len(part.columns))
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    path.write_bytes(data[: len(data) // 2])
    return path


def build_docx_without_tables(path: Path, spec: DocSpec | None = None) -> Path:
    """Write a valid .docx with the list typed as paragraphs only (no `w:tbl`)."""
    spec = spec or sample_spec()
    document = Document()
    document.add_paragraph(spec.title)
    for part in spec.parts:
        document.add_paragraph(part.title)
        for category in part.categories:
            document.add_paragraph(category.heading)
            for row in category.rows:
                for cell in row:
                    for text in cell:
                        document.add_paragraph(text)
    document.save(str(path))
    return path
