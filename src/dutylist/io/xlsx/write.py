"""Write duty lists as publication-style Excel .xlsx workbooks (with openpyxl).

One sheet per part: the list title and front matter on the first sheet, the part title
and the header row (repeated on every printed page), categories as rows merged across
the table, a 类别 column merged down its category, wrapped text, one line per paragraph,
A4 pages (landscape from five columns), column widths by role. A cell that starts with
``=``, ``+``, ``-`` or ``@`` is stored as text with Excel's quote prefix, so it is shown,
never evaluated as a formula.

Everything written is read back by :func:`dutylist.io.xlsx.read.read_xlsx` to an equal model.
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, cast

from dutylist.errors import WriteError
from dutylist.io.files import write_atomically
from dutylist.io.layout import (
    category_headings,
    cell_paragraphs,
    column_roles,
    overflow,
    part_columns,
)
from dutylist.location import Location
from dutylist.messages import _
from dutylist.model import DutyList, Item, Part
from dutylist.parse.vocabulary import Role, squash
from dutylist.patterns import compile_on_use

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

VERSION_PROPERTY = "dutylist.version"
"""The custom document property that holds the list's version label."""
PUBLISHED_PROPERTY = "dutylist.published"
"""The custom document property that holds the publication date (ISO)."""

_WIDTHS = {
    Role.NUMBER: 6.0,
    Role.NAME: 24.0,
    Role.CATEGORY: 14.0,
    Role.DEPARTMENTS: 16.0,
    Role.ASSISTING_DEPARTMENTS: 16.0,
    Role.SUPERIOR_DUTIES: 40.0,
    Role.LOCAL_DUTIES: 34.0,
    Role.RECEIVING: 16.0,
    Role.WORKING_METHOD: 40.0,
    Role.RECEIVING_AND_METHOD: 44.0,
    Role.REMARKS: 12.0,
    Role.BASIS: 18.0,
}
_LANDSCAPE_COLUMNS = 5
_FORMULA_START = ("=", "+", "-", "@")
_SHEET_NAME_BAD = compile_on_use(r"[\[\]:*?/\\]")
_SHEET_NAME_MAX = 31


def _sheet_name(part: Part, index: int, taken: set[str]) -> str:
    name = _SHEET_NAME_BAD.sub("", squash(part.title or part.kind.chinese))[:_SHEET_NAME_MAX]
    name = name.strip("'") or f"Sheet{index + 1}"
    while name in taken:
        name = f"{name[: _SHEET_NAME_MAX - 3]}_{index + 1}"
    taken.add(name)
    return name


class _SheetWriter:
    """Fill one worksheet with one part."""

    def __init__(self, sheet: Worksheet, part: Part) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side  # noqa: PLC0415

        self.sheet = sheet
        self.part = part
        self.columns = part_columns(part)
        more = overflow(part, len(self.columns))
        self.roles = column_roles(part, self.columns) + (Role.EXTRA,) * more
        self.keys = [
            column.strip() or f"第{index + 1}列"
            for index, column in enumerate(self.columns + ("",) * more)
        ]
        self.width = len(self.roles)
        self.row = 0
        thin = Side(style="thin", color="000000")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.wrap = Alignment(wrap_text=True, vertical="center")
        self.center = Alignment(wrap_text=True, vertical="center", horizontal="center")
        self.left = Alignment(wrap_text=True, vertical="center", horizontal="left")
        self.bold = Font(name="黑体", bold=True)
        self.body = Font(name="仿宋_GB2312")
        self.fill = PatternFill("solid", fgColor="E7E6E6")

    def _put(self, row: int, column: int, text: str) -> None:
        cell = self.sheet.cell(row=row, column=column)
        if text:
            cell.value = text
            if text.startswith(_FORMULA_START):
                cell.data_type = "s"
                cell.quotePrefix = True
        cell.font = self.body

    def merged_line(self, text: str, *, bold: bool, bordered: bool) -> None:
        self.row += 1
        self._put(self.row, 1, text)
        cell = self.sheet.cell(row=self.row, column=1)
        cell.alignment = self.left if bordered else self.center
        if bold:
            cell.font = self.bold
        if bordered:
            for column in range(1, self.width + 1):
                self.sheet.cell(row=self.row, column=column).border = self.border
        if self.width > 1:
            self.sheet.merge_cells(
                start_row=self.row, start_column=1, end_row=self.row, end_column=self.width
            )

    def header(self) -> None:
        self.row += 1
        for column, text in enumerate(self.columns, start=1):
            self._put(self.row, column, text)
            cell = self.sheet.cell(row=self.row, column=column)
            cell.font, cell.alignment, cell.fill = self.bold, self.center, self.fill
            cell.border = self.border
        self.sheet.print_title_rows = f"{self.row}:{self.row}"

    def item(self, item: Item, heading: str) -> None:
        self.row += 1
        for column, role in enumerate(self.roles, start=1):
            paragraphs = cell_paragraphs(item, role, self.keys[column - 1], heading, self.roles)
            self._put(self.row, column, "\n".join(paragraphs))
            cell = self.sheet.cell(row=self.row, column=column)
            cell.alignment = self.center if role in (Role.NUMBER, Role.CATEGORY) else self.wrap
            cell.border = self.border
            if role is Role.NUMBER and not item.number_text and item.number is not None:
                cell.value = item.number

    def write(self, title_lines: Sequence[str]) -> None:
        for text in title_lines:
            self.merged_line(text, bold=True, bordered=False)
        if self.part.title:
            self.merged_line(self.part.title, bold=True, bordered=False)
        if self.part.columns:
            self.header()
        category_column = self.roles.index(Role.CATEGORY) + 1 if Role.CATEGORY in self.roles else 0
        headings = category_headings(self.part, category_column=bool(category_column))
        for category, own_row in headings:
            heading = category.heading
            if own_row:
                self.merged_line(heading, bold=True, bordered=True)
            first = self.row + 1
            for item in category.items:
                self.item(item, heading.strip())
            if category_column and self.row > first:
                self.sheet.merge_cells(
                    start_row=first,
                    start_column=category_column,
                    end_row=self.row,
                    end_column=category_column,
                )
        self._page_setup()

    def _page_setup(self) -> None:
        from openpyxl.utils import get_column_letter  # noqa: PLC0415
        from openpyxl.worksheet.properties import PageSetupProperties  # noqa: PLC0415

        for column, role in enumerate(self.roles, start=1):
            letter = get_column_letter(column)
            self.sheet.column_dimensions[letter].width = _WIDTHS.get(role, 12.0)
        setup = self.sheet.page_setup
        setup.paperSize = self.sheet.PAPERSIZE_A4
        setup.orientation = "landscape" if self.width >= _LANDSCAPE_COLUMNS else "portrait"
        setup.fitToWidth, setup.fitToHeight = 1, 0
        self.sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        self.sheet.print_options.horizontalCentered = True


def xlsx_bytes(duty_list: DutyList) -> bytes:
    """Return ``duty_list`` as the bytes of a publication-style .xlsx workbook.

    Raises:
        ValueError: a text holds characters a workbook cannot carry (control characters).
    """
    from openpyxl import Workbook  # noqa: PLC0415
    from openpyxl.packaging.custom import StringProperty  # noqa: PLC0415

    workbook = Workbook()
    default = workbook.active
    taken: set[str] = set()
    title_lines = [line for line in (duty_list.title, *duty_list.front_matter) if line]
    for index, part in enumerate(duty_list.parts):
        sheet = workbook.create_sheet(_sheet_name(part, index, taken))
        _SheetWriter(sheet, part).write(title_lines if index == 0 else ())
    if default is not None and duty_list.parts:
        workbook.remove(default)
    elif default is not None:
        for row, text in enumerate(title_lines, start=1):
            default.cell(row=row, column=1).value = text
    workbook.properties.title = duty_list.title
    metadata = duty_list.metadata
    properties = cast("Any", workbook).custom_doc_props  # not in openpyxl's type stubs
    if metadata.version is not None:
        properties.append(StringProperty(name=VERSION_PROPERTY, value=metadata.version))
    if metadata.published is not None:
        properties.append(
            StringProperty(name=PUBLISHED_PROPERTY, value=metadata.published.isoformat())
        )
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def write_xlsx(duty_list: DutyList, path: str | os.PathLike[str]) -> None:
    """Write ``duty_list`` to ``path`` as a publication-style .xlsx workbook, atomically.

    Raises:
        WriteError: a text cannot be stored in a workbook, or the file cannot be written.
    """
    from openpyxl.utils.exceptions import IllegalCharacterError  # noqa: PLC0415

    try:
        data = xlsx_bytes(duty_list)
    except (ValueError, IllegalCharacterError) as exc:
        raise WriteError(
            _("无法写出 .xlsx：{error}").format(error=exc), Location(file=os.fspath(path))
        ) from None
    write_atomically(path, data)
