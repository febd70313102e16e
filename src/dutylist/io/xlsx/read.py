"""Read duty lists from Excel .xlsx workbooks.

Cells are read with python-calamine (Rust; several times faster than openpyxl, see
docs/performance.md). What calamine does not report is read from the package itself:
which rows are hidden (a row's ``hidden`` attribute in the sheet XML) and the
``dutylist.*`` custom properties. The reader knows nothing of duty lists; it yields
neutral :mod:`dutylist.parse.rows` blocks, one table per visible sheet:

- a cell merged across columns is yielded once; a cell merged down repeats its text;
- line breaks inside a cell separate its paragraphs;
- hidden sheets and hidden rows are skipped, with a note saying how many;
- a sheet named after a part (``配合履职事项清单``) starts that part when its rows do not,
  after the rows above its table (the list's title).

The package is opened with :func:`dutylist.io.archive.open_package`, the one bounded zip
opener of every reader: the parts the reader uses are inflated within its limits
(encryption, method, declared against real size, compression ratio, the input limit) and
calamine reads a copy holding only those parts, so a zip bomb is refused instead of
filling the memory.
"""

from __future__ import annotations

import datetime as dt
import io
import posixpath
from collections.abc import Iterator, Sequence

import attrs

from dutylist.errors import ReadError
from dutylist.io.archive import Package, open_package
from dutylist.io.files import Source, read_source, source_name
from dutylist.location import Location
from dutylist.messages import _
from dutylist.model import DutyList, Metadata
from dutylist.parse.assemble import assemble
from dutylist.parse.rows import AnyBlock, Paragraph, Row
from dutylist.patterns import compile_on_use

XLS_HINT = "libreoffice --headless --convert-to xlsx FILE"
"""The command that turns a .xls or .et workbook into a .xlsx."""
_WORKBOOK_FOLDER = "xl"
_WORKBOOK = "xl/workbook.xml"
_WORKBOOK_RELS = "xl/_rels/workbook.xml.rels"
_CUSTOM_PROPERTIES = "docProps/custom.xml"
_FIXED_PARTS = ("[Content_Types].xml", "_rels/.rels", _WORKBOOK, _WORKBOOK_RELS)
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0"
_HIDDEN_ROW = compile_on_use(rb"<(?:\w+:)?row\b[^>]*?\bhidden=\"(?:1|true)\"[^>]*>")
_ROW_NUMBER = compile_on_use(rb"\br=\"([0-9]+)\"")
_SHEET = compile_on_use(rb"<(?:\w+:)?sheet\b[^>]*>")
_ATTRIBUTE = compile_on_use(rb"([\w:]+)=\"([^\"]*)\"")
_RELATIONSHIP = compile_on_use(rb"<(?:\w+:)?Relationship\b[^>]*>")
_PROPERTY = compile_on_use(
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


def open_workbook(data: bytes, name: str) -> Package:
    """Return the zip package of the workbook in ``data``, opened by :func:`open_package`.

    Raises:
        ReadError: an old binary workbook, not a zip package, or a damaged one.
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
    return open_package(data, name, ".xlsx")


def _part_name(target: str) -> str:
    """Return the package member a workbook relationship's target names."""
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(_WORKBOOK_FOLDER, target))


def _read_parts(package: Package) -> dict[str, bytes]:
    """Return every part the reader and calamine use, each inflated once within the limits.

    That is the package's directories, the workbook, and every part the workbook refers to
    (sheets, shared strings, styles, theme); pictures and other members are never inflated.

    Raises:
        ReadError: a part is encrypted, too large, too highly compressed or damaged.
    """
    parts: dict[str, bytes] = {}
    for part in _FIXED_PARTS:
        data = package.read(part)
        if data is not None:
            parts[part] = data
    for tag in _RELATIONSHIP.findall(parts.get(_WORKBOOK_RELS, b"")):
        found = _attributes(tag)
        if found.get("TargetMode") == "External":
            continue
        part = _part_name(found.get("Target", ""))
        if part not in parts and (data := package.read(part)) is not None:
            parts[part] = data
    return parts


def _repack(parts: dict[str, bytes]) -> bytes:
    """Return a zip of ``parts`` stored uncompressed, for calamine to read.

    Calamine inflates whatever a package holds; it gets only parts already inflated
    within the limits, in a package whose headers tell the truth.
    """
    import zipfile  # noqa: PLC0415 - slow to import, needed only for workbooks

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as package:
        for part, data in parts.items():
            package.writestr(zipfile.ZipInfo(part, date_time=_ZIP_EPOCH), data)
    return out.getvalue()


def _attributes(tag: bytes) -> dict[str, str]:
    return {
        key.decode().rpartition(":")[2]: value.decode("utf-8", "replace")
        for key, value in _ATTRIBUTE.findall(tag)
    }


def _sheets(parts: dict[str, bytes]) -> list[_Sheet]:
    """Return each sheet's name, visibility and hidden rows, in workbook order."""
    targets = {}
    for tag in _RELATIONSHIP.findall(parts.get(_WORKBOOK_RELS, b"")):
        found = _attributes(tag)
        targets[found.get("Id")] = _part_name(found.get("Target", ""))
    sheets = []
    for tag in _SHEET.findall(parts.get(_WORKBOOK, b"")):
        found = _attributes(tag)
        part = parts.get(targets.get(found.get("id"), ""), b"")
        hidden = frozenset(
            int(match.group(1)) - 1
            for row in _HIDDEN_ROW.findall(part)
            if (match := _ROW_NUMBER.search(row)) is not None
        )
        visible = found.get("state", "visible") == "visible"
        sheets.append(_Sheet(found.get("name", ""), visible, hidden))
    return sheets


def _metadata(custom: bytes | None, name: str) -> Metadata:
    values = {
        key.decode(): value.decode("utf-8", "replace")
        for key, value in _PROPERTY.findall(custom or b"")
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

    from dutylist.parse.vocabulary import (  # noqa: PLC0415
        parse_category_heading,
        part_kind_of_title,
    )

    name = source_name(source)
    data = read_source(source)
    with open_workbook(data, name) as package:
        parts = _read_parts(package)
        metadata = _metadata(package.read(_CUSTOM_PROPERTIES), name)
    sheets = _sheets(parts)
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(_repack(parts)))
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
            # after the rows above the table (the list's title), before a category heading
            front = next(
                (i for i, row in enumerate(leading) if parse_category_heading(row.texts()[0])),
                len(leading),
            )
            blocks += rows[:front]
            blocks.append(Paragraph(text=sheet_name, location=where))
            rows = rows[front:]
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
