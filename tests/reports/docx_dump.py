"""Read a comparison-table .docx back as text with its marks, for golden comparison.

Struck-through runs are written ``[-so-]`` and underlined runs ``{+so+}``; cells are
separated by `` | ``, paragraphs inside a cell by `` / ``.
"""

from __future__ import annotations

import io


def dump_docx(data: bytes) -> str:
    """Return the document's paragraphs and tables as marked text."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(io.BytesIO(data))
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(_paragraph(block))
        elif isinstance(block, Table):
            for row in block.rows:
                cells = [" / ".join(_paragraph(p) for p in cell.paragraphs) for cell in row.cells]
                lines.append(" | ".join(cells))
    return "\n".join(lines) + "\n"


def _paragraph(paragraph) -> str:
    pieces = []
    for run in paragraph.runs:
        if run.font.strike:
            pieces.append(f"[-{run.text}-]")
        elif run.font.underline:
            pieces.append(f"{{+{run.text}+}}")
        else:
            pieces.append(run.text)
    return "".join(pieces)
