"""Layout options, and the plan of blocks (paragraphs, tables, sections) they produce.

Planning is pure: it decides which rows go into which table, which headings are
rewritten and where stray paragraphs fall. `docx_layouts` then renders the plan
with python-docx.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal, get_args

from .spec import Cell, DocSpec, PartSpec

__all__ = ["Block", "Layout", "PlanParagraph", "PlanRow", "PlanSection", "PlanTable", "plan"]

TablesMode = Literal["per_part", "split", "single"]
PartTitleMode = Literal["heading", "paragraph", "in_table"]
CategoryMode = Literal["merged_row", "vmerge_column"]
BracketMode = Literal["full", "half", "spaced"]
ClauseMode = Literal["paragraphs", "line_breaks", "one_paragraph", "autonumber", "autonumber_style"]
Role = Literal["category", "number", "name", "duty", "extra"]

CATEGORY_COLUMN = "类别"
DELETED_ITEM = ("99", "【已删除】原第九十九项事项", "【已删除】原职责表述")
"""The texts of the tracked-deleted row: a reader that accepts all changes drops them."""


@dataclass(frozen=True)
class Layout:
    """How an office laid out a duty list in Word; all options combine.

    With `tables="single"` part titles are always full-width rows inside the table.
    """

    tables: TablesMode = "per_part"
    """One table per part, parts split every `split_every` rows, or one single table."""
    split_every: int = 3
    """Body rows (category and item rows) per table when `tables="split"`."""
    part_titles: PartTitleMode = "paragraph"
    """Heading-style paragraph, bold centred paragraph, or merged first table row."""
    categories: CategoryMode = "merged_row"
    """Full-width merged category rows, or a vertically merged 类别 first column."""
    brackets: BracketMode = "full"
    """Rewrite category headings: （25项）, (25项), or with stray (full-width) spaces."""
    column_order: tuple[str, ...] = ()
    """Column names in a new relative order; in each part the named columns trade
    places among the slots they occupy, other columns stay put."""
    extra_columns: tuple[str, ...] = ()
    """Extra columns appended to every part (e.g. "备注"), with generated text."""
    clauses: ClauseMode = "paragraphs"
    """How the paragraphs of a cell are written (see `build_docx`)."""
    empty_paragraphs: bool = False
    """Put an empty paragraph at the start of every other duty cell."""
    tracked_changes: bool = False
    """Add tracked insertions and deletions (runs and whole rows)."""
    front_matter: bool = False
    """Title, a 目  录 table of contents, and 第 N 页 paragraphs between tables."""
    decorations: bool = False
    """Header, footer with a PAGE field, and 草稿 text boxes."""

    def __post_init__(self) -> None:
        """Reject values outside the closed sets (Literal is not checked at runtime)."""
        for name, kind in (
            ("tables", TablesMode),
            ("part_titles", PartTitleMode),
            ("categories", CategoryMode),
            ("brackets", BracketMode),
            ("clauses", ClauseMode),
        ):
            if getattr(self, name) not in get_args(kind):
                raise ValueError(f"unknown {name}: {getattr(self, name)!r}")
        if self.split_every < 1:
            raise ValueError("split_every must be at least 1")


@dataclass(frozen=True)
class PlanRow:
    """A table row to render."""

    kind: Literal["title", "header", "category", "item"]
    cells: tuple[Cell, ...]
    roles: tuple[Role, ...] = ()
    """The role of each cell of an item row."""
    group: str = ""
    """Item rows with the same group share a vertically merged 类别 cell."""
    revision: Literal["", "ins", "del"] = ""
    """A tracked row insertion or deletion."""


@dataclass(frozen=True)
class PlanTable:
    """A table: its rows and its grid width."""

    rows: tuple[PlanRow, ...]
    width: int


@dataclass(frozen=True)
class PlanParagraph:
    """A paragraph outside tables."""

    text: str
    role: Literal["title", "toc_heading", "toc", "part_title", "page", "empty", "text_box"]


@dataclass(frozen=True)
class PlanSection:
    """The start of a section (the first one, or a new-page section break)."""

    landscape: bool
    first: bool = False


Block = PlanParagraph | PlanTable | PlanSection

_HEADING = re.compile(
    r"^\s*(?P<ord>[一二三四五六七八九十百零]+)\s*、\s*(?P<title>.*?)\s*"
    r"[（(]\s*(?P<count>\d+)\s*项\s*[）)]\s*$"
)


def rewrite_heading(heading: str, brackets: BracketMode, index: int = 0) -> str:
    """Return `heading` ("一、党的建设（25项）") with its brackets written as `brackets`.

    The "spaced" form alternates between two real-world variants (by `index`), so both
    half-width and full-width (U+3000) stray spaces occur.
    """
    match = _HEADING.match(heading)
    if match is None:
        return heading
    ordinal, title, count = match.group("ord", "title", "count")
    if brackets == "half":
        return f"{ordinal}、{title}({count}项)"
    if brackets == "spaced":
        if index % 2 == 0:
            return f" {ordinal}、 {title} （ {count}项 ）"
        return f"{ordinal}、\u3000{title}\u3000（{count} 项）"
    return f"{ordinal}、{title}（{count}项）"


def _permutation(columns: tuple[str, ...], order: tuple[str, ...]) -> tuple[int, ...]:
    """Return source indices that put the columns named in `order` in that order."""
    slots = [i for i, name in enumerate(columns) if name in order]
    ranked = sorted(slots, key=lambda i: order.index(columns[i]))
    result = list(range(len(columns)))
    for slot, source in zip(slots, ranked, strict=True):
        result[slot] = source
    return tuple(result)


def _role(name: str, extra: bool) -> Role:
    """Return the role of a column from its header text."""
    if extra:
        return "extra"
    if name == "序号":
        return "number"
    if name == "事项名称":
        return "name"
    return "duty"


def _extra_text(index: int) -> str:
    """Return generated text for an extra column ("备注") of the `index`-th row."""
    return ("", "无", "2024年动态调整保留")[index % 3]


@dataclass
class _PartRows:
    """The header row and body rows of one part."""

    header: PlanRow
    body: list[PlanRow] = field(default_factory=list)


def _part_rows(part: PartSpec, layout: Layout) -> _PartRows:
    """Return the header and body rows of `part`, columns arranged per `layout`."""
    names = part.columns + layout.extra_columns
    order = _permutation(names, layout.column_order)
    roles = tuple(_role(names[i], i >= len(part.columns)) for i in order)
    header = tuple((names[i],) for i in order)
    vmerge = layout.categories == "vmerge_column"
    if vmerge:
        header = ((CATEGORY_COLUMN,), *header)
        roles = ("category", *roles)
    rows = _PartRows(PlanRow("header", header))
    n = 0
    for c, category in enumerate(part.categories):
        heading = rewrite_heading(category.heading, layout.brackets, c)
        if not vmerge:
            rows.body.append(PlanRow("category", ((heading,),)))
        for r, row in enumerate(category.rows):
            if len(row) != len(part.columns):
                raise ValueError(f"{part.title}: row {row!r} does not match {part.columns!r}")
            cells = row + tuple((_extra_text(n + k),) for k in range(len(layout.extra_columns)))
            ordered = tuple(cells[i] for i in order)
            if vmerge:
                category_cell: Cell = (heading,) if r == 0 else ()
                ordered = (category_cell, *ordered)
            rows.body.append(PlanRow("item", ordered, roles, group=f"{part.title}/{c}"))
            n += 1
            if layout.tracked_changes and n == 1:
                deleted: tuple[Cell, ...] = tuple((DELETED_ITEM[min(i, 2)],) for i in order)
                if vmerge:
                    deleted = ((), *deleted)
                rows.body.append(PlanRow("item", deleted, roles, f"{part.title}/{c}", "del"))
    if layout.tracked_changes and n > 1:
        last = rows.body[-1]
        rows.body[-1] = PlanRow("item", last.cells, last.roles, last.group, "ins")
    return rows


def _landscape(width: int) -> bool:
    """Return whether a table `width` columns wide is printed landscape."""
    return width >= 5


def plan(spec: DocSpec, layout: Layout) -> list[Block]:
    """Return the blocks that render `spec` laid out as `layout`."""
    parts = [_part_rows(part, layout) for part in spec.parts]
    widths = [len(rows.header.cells) for rows in parts]
    blocks: list[Block] = []
    page = 1

    def page_break() -> None:
        nonlocal page
        page += 1
        blocks.append(PlanParagraph(f"第 {page - 1} 页", "page"))

    single = layout.tables == "single"
    first_width = max(widths) if single else widths[0]
    blocks.append(PlanSection(_landscape(first_width), first=True))
    if layout.decorations:
        blocks.append(PlanParagraph("草稿", "text_box"))
    if layout.front_matter:
        blocks.append(PlanParagraph(spec.title, "title"))
        blocks.append(PlanParagraph("目  录", "toc_heading"))
        blocks.append(PlanParagraph("", "empty"))
        for i, part in enumerate(spec.parts, start=1):
            dots = "…" * (36 - 2 * len(part.title))
            blocks.append(PlanParagraph(f"{i}. {part.title}{dots}{1 + 10 * (i - 1)}", "toc"))
        page_break()
    if single:
        rows: list[PlanRow] = []
        for part, part_rows in zip(spec.parts, parts, strict=True):
            rows += [PlanRow("title", ((part.title,),)), part_rows.header, *part_rows.body]
        blocks.append(PlanTable(tuple(rows), max(widths)))
        return blocks
    for i, (part, part_rows) in enumerate(zip(spec.parts, parts, strict=True)):
        width = widths[i]
        if i > 0:
            if layout.front_matter:
                page_break()
            blocks.append(PlanSection(_landscape(width)))
        title_rows: tuple[PlanRow, ...] = ()
        if layout.part_titles == "in_table":
            title_rows = (PlanRow("title", ((part.title,),)),)
        else:
            blocks.append(PlanParagraph(part.title, "part_title"))
        step = layout.split_every if layout.tables == "split" else len(part_rows.body) or 1
        for start in range(0, max(len(part_rows.body), 1), step):
            if start > 0:
                if (start // step) % 2:
                    page_break()
                else:
                    blocks.append(PlanParagraph("", "empty"))
            chunk = tuple(part_rows.body[start : start + step])
            head = title_rows if start == 0 else ()
            blocks.append(PlanTable((*head, part_rows.header, *chunk), width))
    return blocks
