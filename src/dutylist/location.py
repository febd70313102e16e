"""Where a thing came from: file, table, row, line.

Locations are plain data; they are rendered to text only at the edge (error messages,
reports) by :meth:`Location.describe`.
"""

from __future__ import annotations

import attrs

from dutylist.messages import _


@attrs.frozen(kw_only=True)
class Location:
    """A position in a source document."""

    file: str | None = None
    """The file name or path the text was read from, when known."""
    page: int | None = None
    """The 1-based page number in a PDF document."""
    table: int | None = None
    """The 1-based index of the table in a .docx document."""
    row: int | None = None
    """The 1-based index of the row within its table."""
    line: int | None = None
    """The 1-based line number in a text file."""

    def describe(self) -> str:
        """Return the location as short text, e.g. ``list.docx，表格 2，第 5 行``.

        In English: ``list.docx, table 2, row 5``; a location in a PDF reads
        ``list.pdf，第 12 页，表格第 3 行`` (``list.pdf, page 12, table row 3``).
        """
        pieces: list[str] = []
        if self.file is not None:
            pieces.append(self.file if self.line is None else f"{self.file}:{self.line}")
        elif self.line is not None:
            pieces.append(_("第 {line} 行").format(line=self.line))
        if self.page is not None:
            pieces.append(_("第 {page} 页").format(page=self.page))
        if self.table is not None:
            pieces.append(_("表格 {table}").format(table=self.table))
        if self.row is not None:
            pieces.append(
                _("第 {row} 行").format(row=self.row)
                if self.page is None
                else _("表格第 {row} 行").format(row=self.row)
            )
        return _("，").join(pieces)
