"""Render an office comparison as an .xlsx workbook: the matrix, then the differences."""

from __future__ import annotations

import io

from dutylist.corpus.compare import Comparison
from dutylist.messages import _
from dutylist.reports.compare.common import detail, kind_label, part_label, title

_FORMULA_START = ("=", "+", "-", "@")


def _safe(text: str) -> str:
    """Return ``text`` so that a spreadsheet never takes it for a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def render_xlsx(comparison: Comparison) -> bytes:
    """Return ``comparison`` as .xlsx bytes (sheets 事项对照矩阵 and 差异)."""
    from openpyxl import Workbook  # noqa: PLC0415 - heavy, only for this output
    from openpyxl.styles import Alignment, Font, PatternFill  # noqa: PLC0415

    book = Workbook()
    matrix = book.active
    assert matrix is not None  # noqa: S101 - a new workbook has a sheet
    matrix.title = _("事项对照矩阵")
    matrix.append([_safe(title(comparison))])
    matrix.append(["ID", _("事项"), *(_safe(office.name) for office in comparison.offices)])
    for cell in matrix[2]:
        cell.font = Font(bold=True)
    missing = PatternFill("solid", fgColor="FDE2E2")
    for duty, parts in comparison.matrix():
        matrix.append([duty.id, _safe(duty.name), *(part_label(part) for part in parts)])
        for cell, part in zip(matrix[matrix.max_row][2:], parts, strict=True):
            if part is None:
                cell.fill = missing
    matrix.freeze_panes = "C3"
    matrix.column_dimensions["B"].width = 60
    for row in matrix.iter_rows(min_row=3, min_col=2, max_col=2):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")
    sheet = book.create_sheet(_("差异"))
    sheet.append([_("单位"), _("文件"), _("类型"), "ID", _("事项"), _("说明")])
    for difference in comparison.differences:
        office = comparison.offices[difference.office]
        sheet.append(
            [
                _safe(office.name),
                _safe(office.source),
                kind_label(difference.kind),
                difference.duty.id,
                _safe(difference.duty.name),
                _safe(detail(difference)),
            ]
        )
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()
