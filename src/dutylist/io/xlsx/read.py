"""Read duty lists from Excel .xlsx workbooks.

Cells are read with python-calamine (Rust; several times faster than openpyxl, see
docs/performance.md). What calamine does not report is read from the package itself:
which rows are hidden (a row's ``hidden`` attribute in the sheet XML) and the
``dutylist.*`` custom properties. The reader knows nothing of duty lists; it yields
neutral :mod:`dutylist.parse.rows` blocks, one table per visible sheet:

- a cell merged across columns is yielded once; a cell merged down repeats its text;
- line breaks inside a cell separate its paragraphs;
- hidden sheets and hidden rows are skipped, with a note saying how many;
- a sheet named after a part (``配合履职事项清单``) starts that part when its rows do not.

The package is checked before it is opened (entry sizes and compression ratios are
bounded) so that a zip bomb is refused instead of filling the memory.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
import zlib
from collections.abc import Iterator, Sequence

import attrs

from dutylist.errors import ReadError
from dutylist.io.files import Source, read_source, source_name
from dutylist.location import Location
from dutylist.messages import _
from dutylist.model import DutyList, Metadata
from dutylist.parse.assemble import assemble
from dutylist.parse.rows import AnyBlock, Paragraph, Row

XLS_HINT = "libreoffice --headless --convert-to xlsx FILE"
"""The command that turns a .xls or .et workbook into a .xlsx."""
MAX_UNPACKED_BYTES = 256 * 1024 * 1024
"""The most a workbook may unpack to."""
MAX_RATIO = 200
"""The highest compression ratio accepted for a large entry (zip bombs go far beyond)."""
_RATIO_FLOOR = 1024 * 1024
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0"
_HIDDEN_ROW = re.compile(rb"<(?:\w+:)?row\b[^>]*?\bhidden=\"(?:1|true)\"[^>]*>")
_ROW_NUMBER = re.compile(rb"\br=\"([0-9]+)\"")
_SHEET = re.compile(rb"<(?:\w+:)?sheet\b[^>]*>")
_ATTRIBUTE = re.compile(rb"([\w:]+)=\"([^\"]*)\"")
_RELATIONSHIP = re.compile(rb"<(?:\w+:)?Relationship\b[^>]*>")
_PROPERTY = re.compile(
    rb"<(?:\w+:)?property\b[^>]*\bname=\"(dutylist\.\w+)\"[^>]*>\s*<(?:\w+:)?lpwstr>([^<]*)<"
)


def _hint(name: str) -> str:
    return XLS_HINT.replace("FILE", name)


@attrs.frozen
class _Sheet:
    name: str
    visible: bool
    hidden_rows: frozenset[int]
    """0-based indices of hidden rows."""


def check_package(data: bytes, name: str) -> zipfile.ZipFile:
    """Return the zip package in ``data`` after checking that unpacking it is safe.

    Raises:
        ReadError: not a zip package, damaged, or it would unpack to too much.
    """
    where = Location(file=name)
    if data.startswith(_OLE2_MAGIC):
        raise ReadError(
            _("旧式二进制 Excel 或 WPS 表格（.xls/.et），不是 .xlsx；请先转换：`{command}`").format(
                command=_hint(name)
            ),
            where,
        )
    if not data.startswith(b"PK"):
        raise ReadError(
            _("不是 .xlsx 工作簿（不是 zip 包）；请先转换：`{command}`").format(
                command=_hint(name)
            ),
            where,
        )
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ReadError(_(".xlsx 工作簿已损坏：无法打开 zip 包"), where) from None
    total = 0
    for info in package.infolist():
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if total > MAX_UNPACKED_BYTES or (info.file_size > _RATIO_FLOOR and ratio > MAX_RATIO):
            package.close()
            raise ReadError(
                _("拒绝解压工作簿：{part} 将展开为 {size} 字节（疑似压缩炸弹）").format(
                    part=info.filename, size=info.file_size
                ),
                where,
            )
    return package


def _read(package: zipfile.ZipFile, part: str, name: str) -> bytes:
    """Return the bytes of ``part`` (empty when the package lacks it).

    Raises:
        ReadError: the part is damaged (bad CRC, corrupt deflate data, unsupported method).
    """
    if part not in package.NameToInfo:
        return b""
    try:
        return package.read(part)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError, RuntimeError):
        raise ReadError(
            _(".xlsx 工作簿已损坏：无法解压 {part}").format(part=part), Location(file=name)
        ) from None


def _attributes(tag: bytes) -> dict[str, str]:
    return {
        key.decode().rpartition(":")[2]: value.decode("utf-8", "replace")
        for key, value in _ATTRIBUTE.findall(tag)
    }


def _sheets(package: zipfile.ZipFile, name: str) -> list[_Sheet]:
    """Return each sheet's name, visibility and hidden rows, in workbook order."""
    targets = {}
    for tag in _RELATIONSHIP.findall(_read(package, "xl/_rels/workbook.xml.rels", name)):
        found = _attributes(tag)
        target = found.get("Target", "")
        targets[found.get("Id")] = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    sheets = []
    for tag in _SHEET.findall(_read(package, "xl/workbook.xml", name)):
        found = _attributes(tag)
        part = _read(package, targets.get(found.get("id"), ""), name)
        hidden = frozenset(
            int(match.group(1)) - 1
            for row in _HIDDEN_ROW.findall(part)
            if (match := _ROW_NUMBER.search(row)) is not None
        )
        visible = found.get("state", "visible") == "visible"
        sheets.append(_Sheet(found.get("name", ""), visible, hidden))
    return sheets


def _metadata(package: zipfile.ZipFile, name: str) -> Metadata:
    values = {
        key.decode(): value.decode("utf-8", "replace")
        for key, value in _PROPERTY.findall(_read(package, "docProps/custom.xml", name))
    }
    published = None
    try:
        published = dt.date.fromisoformat(values.get("dutylist.published", ""))
    except ValueError:
        published = None
    return Metadata(source_file=name, version=values.get("dutylist.version"), published=published)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    return str(value).replace("\r\n", "\n").replace("\r", "\n")


def _cell(text: str) -> tuple[str, ...]:
    return tuple(text.split("\n")) if text else ()


def sheet_rows(
    values: Sequence[Sequence[object]],
    merged: Sequence[tuple[tuple[int, int], tuple[int, int]]],
    hidden: frozenset[int],
    where: Location,
) -> Iterator[Row]:
    """Yield the rows of one sheet, merged cells resolved, hidden rows left out."""
    width = max(
        (index + 1 for row in values for index, value in enumerate(row) if _text(value).strip()),
        default=0,
    )
    covered: dict[tuple[int, int], tuple[int, int] | None] = {}
    for (top, left), (bottom, right) in merged:
        for r in range(top, bottom + 1):
            for c in range(left, right + 1):
                # None: a cell merged into the one on its left (dropped); else the origin.
                covered[r, c] = None if c > left else (top, left)
    for r, row in enumerate(values):
        if r in hidden:
            continue
        cells: list[tuple[str, ...]] = []
        for c in range(width):
            if (r, c) in covered:
                origin = covered[r, c]
                if origin is None:
                    continue
                value = values[origin[0]][origin[1]] if origin[1] < len(values[origin[0]]) else ""
            else:
                value = row[c] if c < len(row) else ""
            cells.append(_cell(_text(value)))
        if any(cell for cell in cells):
            yield Row(cells=tuple(cells), location=attrs.evolve(where, row=r + 1))


def read_xlsx_blocks(source: Source) -> tuple[list[AnyBlock], Metadata, tuple[str, ...]]:
    """Return the neutral blocks of a workbook, its metadata and the reader's notes.

    Raises:
        ReadError: the file is not a readable .xlsx workbook.
    """
    from python_calamine import CalamineWorkbook  # noqa: PLC0415

    from dutylist.parse.vocabulary import part_kind_of_title  # noqa: PLC0415

    name = source_name(source)
    data = read_source(source)
    with check_package(data, name) as package:
        sheets = _sheets(package, name)
        metadata = _metadata(package, name)
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - calamine raises a class per kind of damage
        raise ReadError(
            _(".xlsx 工作簿已损坏：{error}").format(error=exc), Location(file=name)
        ) from None
    blocks: list[AnyBlock] = []
    hidden_sheets, hidden_rows = [], 0
    for index, sheet_name in enumerate(workbook.sheet_names):
        info = (
            sheets[index]
            if index < len(sheets)
            else _Sheet(sheet_name, visible=True, hidden_rows=frozenset())
        )
        if not info.visible:
            hidden_sheets.append(sheet_name)
            continue
        where = Location(file=name, table=index + 1)
        try:
            sheet = workbook.get_sheet_by_index(index)
            values = sheet.to_python(skip_empty_area=False)
            merged = sheet.merged_cell_ranges or []
        except Exception as exc:  # noqa: BLE001 - calamine raises a class per kind of damage
            raise ReadError(
                _(".xlsx 工作簿已损坏：工作表“{sheet}”无法读取（{error}）").format(
                    sheet=sheet_name, error=exc
                ),
                where,
            ) from None
        hidden_rows += sum(1 for r in info.hidden_rows if r < len(values))
        rows = list(sheet_rows(values, merged, info.hidden_rows, where))
        leading = rows[: next((i for i, row in enumerate(rows) if len(row.cells) > 1), len(rows))]
        titled = any(part_kind_of_title(row.texts()[0]) for row in leading)
        if not titled and part_kind_of_title(sheet_name) is not None:
            blocks.append(Paragraph(text=sheet_name, location=where))
        blocks += rows
    notes = []
    if hidden_sheets:
        notes.append(_("未读取隐藏的工作表：{names}").format(names="、".join(hidden_sheets)))
    if hidden_rows:
        notes.append(_("未读取 {count} 个隐藏行").format(count=hidden_rows))
    return blocks, metadata, tuple(notes)


def read_xlsx(source: Source) -> DutyList:
    """Return the duty list in an Excel .xlsx workbook (a path or a binary stream).

    Hidden sheets and rows are not read; the notes say so.

    Raises:
        ReadError: the file is not a readable .xlsx workbook (a .xls or .et file gets the
            command that converts it).
        FormatError: the workbook holds no duty list, or a table cannot be understood.
    """
    blocks, metadata, notes = read_xlsx_blocks(source)
    duty_list = assemble(blocks, metadata=metadata)
    return attrs.evolve(duty_list, notes=(*duty_list.notes, *notes)) if notes else duty_list
