"""Duty lists laid out the way other offices lay theirs out, as .docx, .xlsx and .html.

An `Office` says how one office words its headers, orders its columns, numbers its
categories, splits departments into 牵头/配合 columns or the recalled cell into 承接部门 |
工作方式, adds 备注/履职依据 columns, prints full-width digits, and whether all parts
share one table. `grid()` turns a `DocSpec` into paragraphs and table rows for that
office; `build_docx_office`, `build_xlsx_office` and `build_html_office` render the grid.
`expected_items()` says what a reader must find, from the spec alone.

Like the other builders these depend on python-docx, openpyxl and the standard library,
never on `dutylist`.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .spec import DocSpec, PartSpec

CategoryStyle = Literal["一、", "（一）", "1.", "1、", "第一类", "none"]
DepartmentStyle = Literal["plain", "labels", "marks", "spaces", "lines", "etc"]
_DEPARTMENT_PREFIX = re.compile(
    r"区(?=财政局|发改局|政数局|应急局|应急居|残联|民政局|住建局|执法局)"
)
_CHINESE = "一二三四五六七八九十"
_FULL = str.maketrans("0123456789", "０１２３４５６７８９")
_REMARKS = ("", "无", "2024年调整")
ITEM_TYPES = ("公共服务", "行政管理")
"""The types of items an office lists in a 类型 column (``Office.item_types``), in turn."""
NOTES = ("说明：", "1.本清单所列事项实行动态调整", "2.上级部门不得将清单外事项交由乡镇（街道）承担")
"""The notes an office adds after each part (``Office.notes``)."""
_KIND_OF_TITLE = {"基本履职事项清单": "basic", "配合履职事项清单": "cooperative",
                  "上级部门收回事项清单": "recalled"}  # fmt: skip


@dataclass(frozen=True)
class Office:
    """How one office lays out its list."""

    headers: dict[str, str] = field(default_factory=dict)
    """Header text by column key (number, name, departments, lead, assisting, superior,
    local, receiving_and_method, receiving, method, remarks, basis, category)."""
    order: tuple[str, ...] = ()
    """Column keys to move to the front, in this order (others keep theirs)."""
    categories: CategoryStyle = "一、"
    counts: bool = True
    """Whether category headings declare their count."""
    category_column: bool = False
    """Categories in a vertically merged first column (类别) instead of merged rows."""
    category_cells: Literal["merged", "number", "name", "split"] = "merged"
    """A category heading in a row merged across the table, or typed into the row's 序号
    or 事项名称 cell with the other cells left empty, or ``split``: its ordinal in the 序号
    cell and the rest in the 事项名称 cell (一 | 党的建设（3项）), the others empty."""
    group_header: str = ""
    """When set, a two-row header in the cooperative part: this group header merged over
    the two duty columns, whose own headers are in the second row, the other headers
    merged down over both rows."""
    totals: bool = False
    """A row closing each table with the count of its items: 合计 | N项 (the other cells
    empty)."""
    item_rows: Literal["", "merged", "blank"] = ""
    """Cooperative items whose superior duties are in department blocks printed over a row
    per department, the other cells merged down or left blank below the first row."""
    column_numbers: bool = False
    """A row under the header numbering the columns (1 | 2 | 3 …), as some forms have."""
    item_types: bool = False
    """A last column 类型 holding each item's type (:data:`ITEM_TYPES`), beside the
    category headings: a header word of categories used for something else."""
    notes: Literal["", "rows", "paragraphs"] = ""
    """Notes after each part (:data:`NOTES`: 说明：, then numbered lines): merged rows
    closing its table, or paragraphs after it."""
    lead_columns: bool = False
    """Cooperative departments split into 牵头部门 and 配合部门 columns."""
    split_recalled: bool = False
    """The recalled part's 承接部门及工作方式 split into 承接部门 | 工作方式."""
    remarks: bool = False
    """A 备注 column in every part."""
    basis: bool = False
    """A 履职依据 column in every part."""
    full_width: bool = False
    """Item numbers, ordinals and counts in full-width digits."""
    one_table: bool = False
    """All parts in one table (part titles as merged rows)."""
    part_titles: Literal["plain", "numbered", "counted", "office"] = "plain"
    """基本履职事项清单, 一、基本履职事项清单, 一、基本履职事项（共5项）, or after the office's
    full name (…巴彦托海镇配合履职事项清单)."""
    title: str = "吉林省长春市南关区明珠街道办事处履行职责事项清单"
    level: str = "区"
    """The prefix of the county's departments (区, 县, 市, 旗): 区财政局 becomes 县财政局."""
    restart_numbering: bool = False
    """Number the items of each category from 1 (else through the part, as the spec does)."""
    number_style: str = "{}"
    """How the 序号 cell prints the number: ``{}``, ``{}.``, ``{}、``, ``（{}）``."""
    recalled_labels: tuple[str, str] = ("承接部门", "工作方式")
    """The labels of a combined 承接部门及工作方式 cell (承接单位 / 履职方式 …)."""
    block_headings: Literal["colon", "brackets", "duties", "ordinal"] = "colon"
    """How a duty cell shared by departments heads each one's block: ``区财政局：``,
    ``【区财政局】``, ``区财政局职责：`` or ``（一）区财政局：``."""
    department_cells: DepartmentStyle = "plain"
    """How a cooperative departments cell names several departments and the lead:
    ``plain`` (区财政局、区应急局牵头), ``labels`` (牵头：…；配合：…), ``marks``
    (区应急局（牵头），区财政局（配合）), ``spaces``, ``lines`` (a paragraph each) or
    ``etc`` (the last one followed by 等相关部门)."""


@dataclass(frozen=True)
class ExpectedItem:
    """What a reader must find for one item (from the spec, not from dutylist)."""

    part: str
    number: int
    name: str
    category: tuple[int | None, str, int | None]
    departments: tuple[tuple[str, bool], ...] = ()
    superior: tuple[str, ...] = ()
    local: tuple[str, ...] = ()
    receiving: tuple[str, ...] = ()
    method: tuple[str, ...] = ()
    remarks: str = ""
    basis: str = ""


Cell = tuple[str, ...]


@dataclass(frozen=True)
class GridRow:
    """One table row: ``merged`` rows span the table; ``category`` names a merged 类别 cell.

    ``spans`` gives the number of columns each cell spans (one each when empty);
    ``continued`` marks the cells merged with the cell above (their text is not printed).
    """

    cells: tuple[Cell, ...]
    merged: bool = False
    category: str = ""
    spans: tuple[int, ...] = ()
    continued: tuple[bool, ...] = ()

    def columns(self) -> list[int]:
        """Return the grid column where each cell starts."""
        spans = self.spans or (1,) * len(self.cells)
        return [sum(spans[:index]) for index in range(len(self.cells))]

    def span(self, index: int) -> int:
        """Return the number of columns the cell at ``index`` spans."""
        return self.spans[index] if self.spans else 1

    def is_continued(self, index: int) -> bool:
        """Return True when the cell at ``index`` is merged with the cell above."""
        return bool(self.continued) and self.continued[index]


@dataclass
class Grid:
    """Paragraphs and tables in document order."""

    blocks: list[str | list[GridRow]] = field(default_factory=list)


def _digits(text: str, office: Office) -> str:
    return text.translate(_FULL) if office.full_width else text


def _chinese(number: int) -> str:
    """Return 1–99 as a Chinese numeral (一 … 十 … 十二 … 二十三)."""
    tens, units = divmod(number, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _CHINESE[tens - 1] + "十")
    return head + (_CHINESE[units - 1] if units else "") if tens else _CHINESE[units - 1]


def heading(title: str, ordinal: int, count: int, office: Office) -> str:
    """Return a category heading in the office's style."""
    chinese = _chinese(ordinal)
    prefix = {
        "一、": f"{chinese}、",
        "（一）": f"（{chinese}）",
        "1.": f"{ordinal}.",
        "1、": f"{ordinal}、",
        "第一类": f"第{chinese}类 ",
        "none": "",
    }[office.categories]
    counted = f"（{count}项）" if office.counts else ""
    return _digits(prefix + title + counted, office)


def _part_title(part: PartSpec, index: int, office: Office) -> str:
    if office.part_titles == "numbered":
        return f"{_CHINESE[index]}、{part.title}"
    if office.part_titles == "office":
        return office.title.split("履行职责事项清单")[0] + part.title
    if office.part_titles == "counted":
        return f"{_CHINESE[index]}、{part.title.removesuffix('清单')}（共{len(part.rows)}项）"
    return part.title


def _split_departments(text: str) -> tuple[tuple[str, bool], ...]:
    names = [name for name in text.replace("，", "、").split("、") if name]
    return tuple((name.removesuffix("牵头"), name.endswith("牵头")) for name in names)


def _clause_texts(paragraphs: Cell) -> tuple[str, ...]:
    texts = []
    for paragraph in paragraphs:
        if paragraph.endswith("：") or not paragraph:
            continue
        head, dot, rest = paragraph.partition(".")
        texts.append(rest if dot and head.isdigit() else paragraph)
    return tuple(texts)


def _recalled(cell: Cell) -> tuple[str, Cell]:
    """Split a combined 承接部门及工作方式 cell into receiving text and method paragraphs."""
    receiving = cell[0].removeprefix("承接部门：")
    method = (cell[1].removeprefix("工作方式："), *cell[2:])
    return receiving, tuple(line for line in method if line)


def _columns(part: PartSpec, office: Office) -> list[str]:
    kind = _KIND_OF_TITLE[part.title]
    keys = ["number", "name"]
    if kind == "cooperative":
        keys += ["lead", "assisting"] if office.lead_columns else ["departments"]
        keys += ["superior", "local"]
    elif kind == "recalled":
        keys += ["receiving", "method"] if office.split_recalled else ["receiving_and_method"]
    keys += ["remarks"] * office.remarks + ["basis"] * office.basis + ["type"] * office.item_types
    front = [key for key in office.order if key in keys]
    keys = front + [key for key in keys if key not in front]
    return ["category", *keys] if office.category_column else keys


_DEFAULT_HEADERS = {
    "number": "序号", "name": "事项名称", "departments": "对应上级部门", "lead": "牵头部门",
    "assisting": "配合部门", "superior": "上级部门职责", "local": "街道配合职责",
    "receiving_and_method": "承接部门及工作方式", "receiving": "承接部门",
    "method": "工作方式", "remarks": "备注", "basis": "履职依据", "category": "类别",
    "type": "类型",
}  # fmt: skip


def _department_cell(names: tuple[tuple[str, bool], ...], style: DepartmentStyle) -> Cell:
    """Return the departments cell naming ``names`` (name, lead) in ``style``."""
    leads = [name for name, lead in names if lead]
    others = [name for name, lead in names if not lead]
    marked = [name + ("牵头" if lead else "") for name, lead in names]
    if style == "labels" and leads:
        return ("牵头：" + "、".join(leads) + ("；配合：" + "、".join(others) if others else ""),)
    if style == "marks" and leads:
        return ("，".join(f"{name}（{'牵头' if lead else '配合'}）" for name, lead in names),)
    if style == "spaces":
        return (" ".join(marked),)
    if style == "lines":
        return tuple(marked)
    if style == "etc" and len(names) > 1:
        return ("、".join(marked) + "等相关部门",)
    return ("、".join(marked),)


def _block_headings(cell: Cell, office: Office) -> Cell:
    """Return a duty cell with its department block headings (区财政局：) in the office's style."""
    headings = [text for text in cell if text.endswith("：") and len(text) <= 12]
    result = []
    for text in cell:
        if text not in headings:
            result.append(text)
            continue
        name = text.removesuffix("：")
        ordinal = "一二三四五六七八九十"[headings.index(text)]
        result.append(
            {
                "colon": text,
                "brackets": f"【{name}】",
                "duties": f"{name}职责：",
                "ordinal": f"（{ordinal}）{name}：",
            }[office.block_headings]
        )
    return tuple(result)


def relocated(text: str, office: Office) -> str:
    """Return ``text`` with the spec's district departments (区财政局) in the office's level."""
    return _DEPARTMENT_PREFIX.sub(office.level, text)


def _header_rows(keys: list[str], headers: dict[str, str], office: Office) -> list[GridRow]:
    """Return the header row, or the two rows of a group header over the duty columns."""
    if not office.group_header or "superior" not in keys:
        return [GridRow(tuple((headers[key],) for key in keys))]
    grouped = {"superior", "local"}
    top = [(headers[key],) for key in keys if key not in grouped]
    spans = [1] * len(top)
    first = min(keys.index(key) for key in grouped)
    top.insert(first, (office.group_header,))
    spans.insert(first, 2)
    second = tuple((headers[key],) for key in keys)
    continued = tuple(key not in grouped for key in keys)
    return [
        GridRow(tuple(top), spans=tuple(spans)),
        GridRow(second, continued=continued),
    ]


def _category_row(printed: str, keys: list[str], office: Office) -> GridRow:
    """Return the row of a category heading in the office's style (not a 类别 column)."""
    if office.category_cells == "merged":
        return GridRow(((printed,),), merged=True)
    if office.category_cells == "split":
        ordinal, title = _split_heading(printed)
        cells = {"number": (ordinal,), "name": (title,)}
        return GridRow(tuple(cells.get(key, ()) for key in keys))
    cell = "number" if office.category_cells == "number" else "name"
    return GridRow(tuple((printed,) if key == cell else () for key in keys))


def _split_heading(printed: str) -> tuple[str, str]:
    """Return a heading's ordinal (一, （一）, 第一类) and the rest."""
    found = re.match(rf"^(第[{_CHINESE}]+类|[（(][{_CHINESE}]+[)）]|[{_CHINESE}]+)[、. ]?", printed)
    if found is None:
        raise ValueError(printed)
    return found.group(1), printed[found.end() :].strip()


def _item_rows(
    line: tuple[Cell, ...], keys: list[str], cells: dict[str, Cell], office: Office, category: str
) -> list[GridRow]:
    """Return an item's row, or a row per department when the office prints it so.

    With ``Office.item_rows`` an item whose superior duties are in department blocks
    (区财政局：…) gets a row per block: that department and its duties, the 序号 and 事项名称
    (and the office's duties) merged down, or left blank below the first row.
    """
    superior = cells.get("plain_superior", ())
    headings = [text for text in superior if text.endswith("：") and len(text) <= 12]
    names = [name for name, _ in _split_departments(cells.get("plain_departments", ("",))[0])]
    split = office.item_rows and not office.lead_columns
    if not split or not names or [text.removesuffix("：") for text in headings] != names:
        return [GridRow(line, category=category)]
    blocks: list[list[str]] = []
    for text in superior:
        if text in headings:
            blocks.append([])
        else:
            blocks[-1].append(text)
    result = []
    for index, (name, block) in enumerate(zip(names, blocks, strict=True)):
        own = {"departments": (name,), "lead": (name,), "superior": tuple(block)}
        below = index > 0 and office.item_rows == "merged"
        row = tuple(
            own[key] if key in own else () if index and not below else line[position]
            for position, key in enumerate(keys)
        )
        continued = tuple(below and key not in own for key in keys)
        result.append(GridRow(row, category=category, continued=continued if below else ()))
    return result


def _number(row: tuple[Cell, ...], position: int, office: Office) -> int:
    """Return the item's number: the spec's, or its place in its category (from 1)."""
    return position + 1 if office.restart_numbering else int(row[0][0])


def _cells(part: PartSpec, row: tuple[Cell, ...], n: int, office: Office) -> dict[str, Cell]:
    source = {
        column: tuple(relocated(text, office) for text in cell)
        for column, cell in zip(part.columns, row, strict=True)
    }
    cells: dict[str, Cell] = {
        "number": (_digits(office.number_style.format(source["序号"][0]), office),),
        "name": source["事项名称"],
        "remarks": (_REMARKS[n % 3],) if _REMARKS[n % 3] else (),
        "basis": (f"《某条例》第{n + 1}条",),
        "type": (ITEM_TYPES[n % 2],),
    }
    if "对应上级部门" in source:
        text = source["对应上级部门"][0]
        names = _split_departments(text)
        cells["departments"] = _department_cell(names, office.department_cells)
        cells["plain_departments"] = (text,)
        cells["lead"] = (names[0][0],)
        cells["assisting"] = ("、".join(name for name, _ in names[1:]),) if names[1:] else ()
        cells["superior"] = _block_headings(source["上级部门职责"], office)
        cells["plain_superior"] = source["上级部门职责"]
        cells["local"] = source["街道配合职责"]
    if "承接部门及工作方式" in source:
        combined = source["承接部门及工作方式"]
        receiving_label, method_label = office.recalled_labels
        cells["receiving_and_method"] = tuple(
            text.replace("承接部门：", f"{receiving_label}：", 1).replace(
                "工作方式：", f"{method_label}：", 1
            )
            for text in combined
        )
        receiving, method = _recalled(combined)
        cells["receiving"] = (receiving,)
        cells["method"] = method
    return cells


def grid(spec: DocSpec, office: Office) -> Grid:
    """Return the paragraphs and table rows of ``spec`` laid out as ``office`` does."""
    result = Grid([office.title])
    shared: list[GridRow] = []
    for index, part in enumerate(spec.parts):
        keys = _columns(part, office)
        headers = {**_DEFAULT_HEADERS, **office.headers}
        rows = _header_rows(keys, headers, office)
        if office.column_numbers:
            rows.append(GridRow(tuple((str(index),) for index in range(1, len(keys) + 1))))
        n = 0
        for ordinal, category in enumerate(part.categories, start=1):
            title = category.heading.split("、", 1)[1].split("（")[0]
            printed = heading(title, ordinal, len(category.rows), office)
            if not office.category_column:
                rows.append(_category_row(printed, keys, office))
            for position, row in enumerate(category.rows):
                cells = _cells(part, row, n, office)
                number = office.number_style.format(_number(row, position, office))
                cells["number"] = (_digits(number, office),)
                n += 1
                line = tuple(
                    (printed,) if key == "category" else cells.get(key, ()) for key in keys
                )
                in_column = printed if office.category_column else ""
                rows += _item_rows(line, keys, cells, office, in_column)
        if office.totals:
            total = {"number": ("合计",), "name": (f"{len(part.rows)}项",)}
            rows.append(GridRow(tuple(total.get(key, ()) for key in keys)))
        if office.notes == "rows":
            rows += [GridRow(((note,),), merged=True) for note in NOTES]
        title = _part_title(part, index, office)
        if office.one_table:
            shared += [GridRow(((title,),), merged=True), *rows]
        else:
            result.blocks += [title, rows]
            if office.notes == "paragraphs":
                result.blocks += NOTES
    if office.one_table:
        result.blocks.append(shared)
    return result


def expected_items(spec: DocSpec, office: Office) -> list[ExpectedItem]:
    """Return what a reader must find in ``spec`` laid out as ``office``: from the spec only."""
    result = []
    for part in spec.parts:
        kind = _KIND_OF_TITLE[part.title]
        n = 0
        for ordinal, category in enumerate(part.categories, start=1):
            title = category.heading.split("、", 1)[1].split("（")[0]
            expected_category = (
                ordinal if office.categories != "none" else None,
                title,
                len(category.rows) if office.counts else None,
            )
            for position, row in enumerate(category.rows):
                cells = _cells(part, row, n, office)
                common = {
                    "part": kind,
                    "number": _number(row, position, office),
                    "name": row[1][0],
                    "category": expected_category,
                    "remarks": cells["remarks"][0] if office.remarks and cells["remarks"] else "",
                    "basis": cells["basis"][0] if office.basis else "",
                }
                n += 1
                if kind == "cooperative":
                    names = _split_departments(cells["plain_departments"][0])
                    if office.lead_columns:
                        names = ((names[0][0], True), *((name, False) for name, _ in names[1:]))
                    result.append(
                        ExpectedItem(
                            **common,
                            departments=names,
                            superior=_clause_texts(cells["plain_superior"]),
                            local=_clause_texts(cells["local"]),
                        )
                    )
                elif kind == "recalled":
                    result.append(
                        ExpectedItem(
                            **common,
                            receiving=tuple(cells["receiving"][0].split("、")),
                            method=_clause_texts(cells["method"]),
                        )
                    )
                else:
                    result.append(ExpectedItem(**common))
    return result


# -- renderers -------------------------------------------------------------------------------


def _runs(rows: list[GridRow]) -> dict[int, int]:
    """Return, for each row of a merged 类别 cell, the index of the row that starts it."""
    starts: dict[int, int] = {}
    for index, row in enumerate(rows):
        previous = rows[index - 1] if index else None
        if row.category and previous is not None and previous.category == row.category:
            starts[index] = starts[index - 1]
        elif row.category:
            starts[index] = index
    return starts


def _width(rows: list[GridRow]) -> int:
    return max(len(row.cells) for row in rows if not row.merged)


def build_docx_office(spec: DocSpec, office: Office, path: Path) -> Path:
    """Write ``spec`` as ``office`` lays it out to a .docx file (python-docx)."""
    from docx import Document

    document = Document()
    for block in grid(spec, office).blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        width = _width(block)
        table = document.add_table(rows=len(block), cols=width)
        table.style = "Table Grid"  # ruled, as published (and printed to PDF)
        starts = _runs(block)
        for r, row in enumerate(block):
            cells = table.rows[r].cells
            if row.merged:
                merged = cells[0].merge(cells[width - 1])
                merged.paragraphs[0].text = row.cells[0][0]
                continue
            for c, (column, paragraphs) in enumerate(zip(row.columns(), row.cells, strict=True)):
                if row.category and c == 0:
                    first = starts[r]
                    if first != r:
                        table.cell(first, 0).merge(cells[0])
                        continue
                if row.is_continued(c):
                    table.cell(r - 1, column).merge(cells[column])
                    continue
                cell = cells[column]
                if row.span(c) > 1:
                    cell = cell.merge(cells[column + row.span(c) - 1])
                for p, text in enumerate(paragraphs or ("",)):
                    (cell.paragraphs[0] if p == 0 else cell.add_paragraph()).text = text
    document.save(str(path))
    return path


COVER_NOTES = ("说明", "1.本清单依据有关法律法规编制。", "2.清单实行动态调整。")
"""The lines of a workbook's cover sheet (``build_xlsx_office(cover=True)``)."""


def build_xlsx_office(  # noqa: PLR0913 - keyword-only workbook options
    spec: DocSpec,
    office: Office,
    path: Path,
    *,
    hidden: bool = False,
    named_sheets: bool = False,
    cover: bool = False,
) -> Path:
    """Write ``spec`` as ``office`` lays it out to a .xlsx file (openpyxl), a sheet per table.

    With ``hidden`` a hidden row of junk and a hidden sheet are added (a reader must skip them).
    With ``named_sheets`` each sheet is named after its part and the part titles are not
    printed in the sheets; with ``cover`` a first sheet holds notes (:data:`COVER_NOTES`).
    """
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    if cover:
        sheet.title = "封面"
        for number, text in enumerate(COVER_NOTES, start=1):
            sheet.cell(row=number, column=1, value=text)
        sheet = workbook.create_sheet("表1")
    row_number = 0
    pending_titles: list[str] = []
    first = True
    part_titles = iter(_part_title(part, index, office) for index, part in enumerate(spec.parts))
    for block in grid(spec, office).blocks:
        if isinstance(block, str):
            if named_sheets and block != office.title:
                continue
            pending_titles.append(block)
            continue
        if not first:
            sheet = workbook.create_sheet(f"表{len(workbook.sheetnames) + 1}")
            row_number = 0
        first = False
        if named_sheets:
            sheet.title = next(part_titles)
        width = _width(block)
        for text in pending_titles:
            row_number += 1
            sheet.cell(row=row_number, column=1, value=text)
            sheet.merge_cells(
                start_row=row_number, start_column=1, end_row=row_number, end_column=width
            )
        pending_titles = []
        starts = _runs(block)
        sheet_row_of: dict[int, int] = {}
        for r, row in enumerate(block):
            if hidden and row_number == 4:
                row_number += 1
                sheet.cell(row=row_number, column=1, value="999")
                sheet.cell(row=row_number, column=2, value="隐藏的草稿行")
                sheet.row_dimensions[row_number].hidden = True
            row_number += 1
            sheet_row_of[r] = row_number
            if row.merged:
                sheet.cell(row=row_number, column=1, value=row.cells[0][0])
                sheet.merge_cells(
                    start_row=row_number, start_column=1, end_row=row_number, end_column=width
                )
                continue
            for index, (column, paragraphs) in enumerate(
                zip(row.columns(), row.cells, strict=True)
            ):
                c = column + 1
                if row.category and c == 1:
                    start = sheet_row_of[starts[r]]
                    if start != row_number:
                        sheet.merge_cells(
                            start_row=start, start_column=1, end_row=row_number, end_column=1
                        )
                        continue
                if row.is_continued(index):
                    sheet.merge_cells(
                        start_row=row_number - 1, start_column=c, end_row=row_number, end_column=c
                    )
                    continue
                value: str | int = "\n".join(paragraphs)
                if c == 1 + office.category_column and value.isascii() and value.isdigit():
                    value = int(value)  # sequence numbers typed as numbers
                sheet.cell(row=row_number, column=c, value=value or None)
                if row.span(index) > 1:
                    sheet.merge_cells(
                        start_row=row_number,
                        start_column=c,
                        end_row=row_number,
                        end_column=c + row.span(index) - 1,
                    )
    for text in pending_titles:  # paragraphs after the last table
        row_number += 1
        sheet.cell(row=row_number, column=1, value=text)
    if hidden:
        secret = workbook.create_sheet("草稿")
        secret.cell(row=1, column=1, value="不应读取的隐藏工作表")
        secret.sheet_state = "hidden"
    workbook.properties.created = FIXED_TIME
    workbook.save(str(path))
    return fix_package_dates(path)


FIXED_TIME = dt.datetime(2024, 1, 1, 0, 0, 0)  # noqa: DTZ001 - openpyxl writes it as UTC
"""The creation and modification time written into built workbooks (not the clock's)."""
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_MODIFIED = re.compile(rb"(<dcterms:modified\b[^>]*>)[^<]*(</dcterms:modified>)")


def fix_package_dates(path: Path) -> Path:
    """Rewrite the zip package at ``path`` with no trace of when it was built.

    openpyxl stamps the time of saving into ``docProps/core.xml`` (``dcterms:modified``,
    whatever the workbook's properties say) and into every member's zip header, so two
    builds a second apart differ. Both become fixed: the same input builds the same bytes.
    """
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(path) as package:
        members = [(info, package.read(info)) for info in package.infolist()]
    with zipfile.ZipFile(path, "w") as package:
        for info, data in members:
            fixed = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            fixed.compress_type = info.compress_type
            fixed.external_attr = info.external_attr
            if info.filename == "docProps/core.xml":
                package.writestr(fixed, _MODIFIED.sub(rb"\g<1>" + stamp + rb"\g<2>", data))
            else:
                package.writestr(fixed, data)
    return path


def _html_cell(paragraphs: Cell, tag: str, style: Literal["p", "br"], attributes: str = "") -> str:
    if style == "p" and len(paragraphs) > 1:
        inner = "".join(f"<p>{html.escape(text)}</p>" for text in paragraphs)
    else:
        inner = "<br/>".join(html.escape(text) for text in paragraphs)
    return f"<{tag}{attributes}>{inner}</{tag}>"


def html_page(
    spec: DocSpec,
    office: Office,
    *,
    cells: Literal["p", "br"] = "p",
    charset: str | None = "utf-8",
) -> str:
    """Return a government-style page: navigation, the article with the list, a footer
    with a contacts table."""
    body: list[str] = []
    for block in grid(spec, office).blocks:
        if isinstance(block, str):
            tag = "h1" if block == office.title else "p"
            body.append(f"<{tag}>{html.escape(block)}</{tag}>")
            continue
        width = _width(block)
        lines = ['<table border="1" cellspacing="0">']
        starts = _runs(block)
        spans: dict[int, int] = {}
        for start in starts.values():
            spans[start] = spans.get(start, 0) + 1
        for r, row in enumerate(block):
            header = r == 0 or (r == 1 and bool(row.continued))
            tag = "th" if header and not row.merged else "td"
            if row.merged:
                lines.append(f'<tr><td colspan="{width}">{html.escape(row.cells[0][0])}</td></tr>')
                continue
            below = block[r + 1] if r + 1 < len(block) else None
            out = []
            for c, paragraphs in enumerate(row.cells):
                if row.category and c == 0:
                    if starts[r] != r:
                        continue
                    out.append(_html_cell(paragraphs, tag, cells, f' rowspan="{spans[r]}"'))
                    continue
                if row.is_continued(c):
                    continue
                attributes = f' colspan="{row.span(c)}"' if row.span(c) > 1 else ""
                column = row.columns()[c]
                if (
                    below is not None
                    and column in below.columns()
                    and below.is_continued(below.columns().index(column))
                ):
                    attributes += ' rowspan="2"'
                out.append(_html_cell(paragraphs, tag, cells, attributes))
            lines.append("<tr>" + "".join(out) + "</tr>")
        lines.append("</table>")
        body.append("\n".join(lines))
    meta = f'<meta charset="{charset}">' if charset else ""
    return f"""<!DOCTYPE html>
<html><head>{meta}<title>{html.escape(office.title)}_政务公开</title>
<script>document.write("不应执行的脚本");</script><style>td {{ padding: 2px }}</style></head>
<body>
<div class="header"><ul class="nav"><li><a href="/">首页</a></li>
<li><a href="/zwgk">政务公开</a></li><li><a href="/qd">权责清单</a></li></ul></div>
<div class="main"><div class="position">当前位置：首页 &gt; 政务公开</div>
<div class="article">
{body[0]}
<div class="info">发布时间：2025-03-01 来源：区委编办</div>
<div class="content">
{chr(10).join(body[1:])}
</div></div></div>
<div class="footer"><table><tr><td>主办单位</td><td>某某街道办事处</td></tr>
<tr><td>联系电话</td><td>0431-88888888</td></tr></table>
<p>版权所有 © 某某街道办事处</p></div>
</body></html>
"""


def build_html_office(  # noqa: PLR0913 - keyword-only page options
    spec: DocSpec,
    office: Office,
    path: Path,
    *,
    cells: Literal["p", "br"] = "p",
    encoding: str = "utf-8",
    declare: bool = True,
) -> Path:
    """Write the page of ``spec`` laid out as ``office`` in ``encoding`` (declared or not)."""
    page = html_page(spec, office, cells=cells, charset=encoding if declare else None)
    path.write_bytes(page.encode("gb18030" if encoding in {"gbk", "gb2312"} else encoding))
    return path


def text_capture_office(spec: DocSpec, office: Office, *, tabs: bool = False) -> str:
    """Return ``spec`` laid out as ``office`` and copied from a web page as text.

    Every cell paragraph is a line followed by a blank line (a merged 类别 cell only on its
    first row), as browsers copy tables; with ``tabs`` a row is one line of tab-separated
    cells (a cell's paragraphs joined by spaces, a merged cell's continuation empty), as
    text copied from Word or Excel.
    """
    lines: list[str] = []
    for block in grid(spec, office).blocks:
        if isinstance(block, str):
            lines.append(block)
            continue
        starts = _runs(block)
        for r, row in enumerate(block):
            continued = [
                bool(row.category) and c == 0 and starts[r] != r for c in range(len(row.cells))
            ]
            if tabs:  # Word and Excel copy a merged cell's continuation as an empty cell
                cells = [
                    () if gone else cell for cell, gone in zip(row.cells, continued, strict=True)
                ]
            else:  # a browser copies a rowspan cell once
                cells = [cell for cell, gone in zip(row.cells, continued, strict=True) if not gone]
            if tabs:
                lines.append("\t".join(" ".join(cell) for cell in cells))
            else:
                lines += [paragraph for cell in cells for paragraph in (cell or ("",))]
    return "".join(f"{line} \n\n" for line in lines)
