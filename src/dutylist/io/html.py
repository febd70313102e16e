"""Read duty lists from web pages as government sites publish them (saved .html files).

The page is decoded as it declares (a page that says gb2312 or gbk is decoded as
GB18030, the superset browsers use) or, when it declares nothing, as UTF-8 or whatever
charset-normalizer finds. It is parsed with lxml.html; nothing is fetched and no script
runs (scripts, styles and templates are dropped unread).

The list's tables are found among the navigation and footers: a table is part of the
list when one of its first rows is a header row of the list's vocabulary or a part title,
or when a part title comes just before it, or when it continues such a table. The article is the
smallest element holding all of them, with the list title found just before it. Inside
the article, text becomes paragraphs and list tables become rows (``colspan`` cells are
yielded once, ``rowspan`` cells repeat their text, ``<p>`` and ``<br>`` separate a cell's
paragraphs). Any other table (contacts, page layout) is set aside in ``unplaced`` with a
note; page text outside the article (navigation, footers) is not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice
from typing import TYPE_CHECKING, cast

import attrs

from dutylist.errors import FormatError, ReadError
from dutylist.io.files import Source, read_source, source_name
from dutylist.location import Location
from dutylist.messages import _
from dutylist.model import DutyList, Metadata
from dutylist.parse.assemble import assemble
from dutylist.parse.rows import AnyBlock, Aside, Paragraph, Row
from dutylist.parse.vocabulary import is_header_row, part_kind_of_title, squash
from dutylist.patterns import compile_on_use

if TYPE_CHECKING:
    from lxml import html as lxml_html

_CHARSET = compile_on_use(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = compile_on_use(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
_GB = frozenset(["gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936", "gb18030", "euc-cn", "csgb2312"])
_DROPPED = ("script", "style", "noscript", "template", "iframe", "object", "embed", "head")
_BLOCKS = frozenset(
    ["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article",
     "header", "footer", "nav", "center", "blockquote", "pre", "dd", "dt", "dl", "caption",
     "figure", "main", "aside", "form", "address", "hr"]
)  # fmt: skip
_SPACES = compile_on_use(r"[ \t\r\n\f\v]+")
"""White space HTML collapses; a no-break space (``&nbsp;``) is kept, as browsers keep it."""
_HEADER_ROWS_LOOKED_AT = 3
_MAX_TITLE = 60


def decode(data: bytes, name: str) -> str:
    """Return the text of a page: as its BOM or ``<meta charset>`` says, else as detected.

    Raises:
        ReadError: the page is not text in any encoding that can be found.
    """
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(codec, "replace").lstrip("\ufeff")
    head = data[:4096]
    declared = _CHARSET.search(head) or _XML_ENCODING.search(head)
    if declared is not None:
        charset = declared.group(1).decode("ascii", "replace").lower()
        codec = "gb18030" if charset in _GB else charset
        try:
            return data.decode(codec, "replace")
        except LookupError:
            pass  # an unknown charset name: detect instead
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # noqa: PLC0415

    best = from_bytes(data).best()
    if best is None:
        raise ReadError(_("不是网页：无法识别文字编码"), Location(file=name))
    encoding = best.encoding.lower()
    return data.decode("gb18030" if encoding in _GB else encoding, "replace")


def _flat(text: str) -> str:
    return _SPACES.sub(" ", text)


def _lines(element: lxml_html.HtmlElement) -> list[str]:
    """Return the lines of an element's text: ``<br>`` and block elements break lines."""
    simple = _simple_lines(element)
    if simple is not None:
        return simple
    pieces: list[str] = []

    def walk(node: lxml_html.HtmlElement) -> None:
        block = node.tag in _BLOCKS or node.tag in {"td", "th", "tr"}
        if block:
            pieces.append("\n")
        if node.tag == "br":
            pieces.append("\n")
        if node.text:
            pieces.append(_flat(node.text))
        for child in node:
            if isinstance(child.tag, str):
                walk(child)
            if child.tail:
                pieces.append(_flat(child.tail))
        if block:
            pieces.append("\n")

    walk(element)
    lines = "".join(pieces).split("\n")
    return [_text(line) for line in lines if line.strip(" \u3000\u00a0")]


def _simple_lines(element: lxml_html.HtmlElement) -> list[str] | None:
    """Return the lines of the usual cell (text, or ``<p>`` children holding only text) fast.

    None when the element holds anything else; :func:`_lines` walks it then.
    """
    texts = [element.text or ""]
    for child in element:
        if child.tag not in _PARAGRAPH_TAGS or len(child) or (child.tail or "").strip():
            return None
        texts.append(child.text or "")
    return [_text(_flat(text)) for text in texts if text.strip(" \t\r\n\u3000\u00a0")]


_PARAGRAPH_TAGS = frozenset(["p", "div"])


def _text(line: str) -> str:
    """Return a line without the collapsed spaces at its ends, no-break spaces as spaces."""
    return line.strip(" ").replace("\u00a0", " ")


def _leaf_tables(root: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """Return the tables that hold no other table, in document order."""
    return [
        table for table in root.iter("table") if next(table.iterdescendants("table"), None) is None
    ]


def _span(cell: lxml_html.HtmlElement, attribute: str) -> int:
    if attribute not in cell.attrib:
        return 1
    try:
        return max(1, min(int(cell.get(attribute, "1")), 1000))
    except ValueError:
        return 1


def table_rows(table: lxml_html.HtmlElement, where: Location) -> Iterator[Row]:
    """Yield a table's rows: colspan cells once, rowspan cells repeated on each row."""
    below: dict[int, tuple[int, tuple[str, ...]]] = {}  # column -> (rows left, cell)
    rows = [tr for tr in table.iter("tr") if tr.getparent() is not None]
    for index, tr in enumerate(rows, start=1):
        cells: list[tuple[str, ...]] = []
        column = 0
        for td in (child for child in tr if child.tag in {"td", "th"}):
            while column in below:
                left, text = below[column]
                cells.append(text)
                below[column] = (left - 1, text)
                column += 1
            text = tuple(_lines(td))
            cells.append(text)
            rowspan, colspan = _span(td, "rowspan"), _span(td, "colspan")
            if rowspan > 1:
                below[column] = (rowspan - 1, text)
            column += colspan
        for spanned in sorted(c for c in below if c >= column):
            cells.append(below[spanned][1])
            below[spanned] = (below[spanned][0] - 1, below[spanned][1])
        below = {c: value for c, value in below.items() if value[0] > 0}
        if any(cells):
            yield Row(cells=tuple(cells), location=attrs.evolve(where, row=index))


_TITLE_TAGS = frozenset(
    ["h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "span", "strong", "b", "font", "center", "td"]
)


def _titles_a_part(row: Row) -> bool:
    """Return True for a row holding only a part title (all parts in one table)."""
    filled = {text.strip() for text in row.texts() if text.strip()}
    return len(filled) == 1 and part_kind_of_title(filled.pop()) is not None


@attrs.define
class _Page:
    name: str
    root: lxml_html.HtmlElement
    tables: list[lxml_html.HtmlElement] = attrs.Factory(list)
    listed: set[lxml_html.HtmlElement] = attrs.Factory(set)
    title: lxml_html.HtmlElement | None = None

    def find_list_tables(self) -> None:
        """Mark the tables that belong to the list, and the title printed before them."""
        previous_listed = False
        text_since: list[str] = []
        position = set(self.tables)
        for element in _outside_tables(self.root, position):
            if element in position:
                rows = list(islice(table_rows(element, Location()), _HEADER_ROWS_LOOKED_AT))
                header = any(is_header_row(row.texts()) for row in rows)
                titled = any(part_kind_of_title(line) for line in text_since[-3:]) or any(
                    _titles_a_part(row) for row in rows
                )
                numbered = any(
                    row.texts()[0].strip().isdigit() for row in rows if len(row.cells) > 1
                )
                listed = header or titled or (previous_listed and numbered and not text_since)
                if listed:
                    self.listed.add(element)
                previous_listed = listed
                text_since = []
                continue
            if not isinstance(element.tag, str):
                continue
            text_since += [line for line in _lines_of_own_text(element) if line]
            if not self.listed and self._is_title(element):
                self.title = element

    def _is_title(self, element: lxml_html.HtmlElement) -> bool:
        if element.tag not in _TITLE_TAGS or next(element.iterancestors("a"), None) is not None:
            return False
        if next(element.iterdescendants("a", "table", *_BLOCKS), None) is not None:
            return False
        flat = squash("".join(_lines(element)))
        return flat.endswith("清单") and len(flat) <= _MAX_TITLE and not part_kind_of_title(flat)

    def article(self) -> lxml_html.HtmlElement:
        """Return the smallest element holding every list table and the title."""
        members = [*self.listed, *([self.title] if self.title is not None else [])]
        chains = [[*list(member.iterancestors())[::-1], member] for member in members]
        common = self.root
        for depth in range(min(len(chain) for chain in chains)):
            if len({id(chain[depth]) for chain in chains}) != 1:
                break
            common = chains[0][depth]
        if len(members) == 1:  # one table, no title: take in what wraps it
            while common.getparent() is not None and len(common.getparent()) == 1:
                common = common.getparent()
            common = common.getparent() if common.getparent() is not None else common
        return common


def _outside_tables(
    root: lxml_html.HtmlElement, tables: set[lxml_html.HtmlElement]
) -> Iterator[lxml_html.HtmlElement]:
    """Yield the elements in document order, a table of ``tables`` but not its insides."""
    stack = [root]
    while stack:
        element = stack.pop()
        yield element
        if element not in tables:
            stack.extend(reversed(element))


def _lines_of_own_text(element: lxml_html.HtmlElement) -> list[str]:
    return [_flat(text).strip() for text in (element.text, element.tail) if text and text.strip()]


def _blocks(page: _Page, article: lxml_html.HtmlElement) -> Iterator[AnyBlock]:
    numbers = {table: index for index, table in enumerate(page.tables, start=1)}
    here = Location(file=page.name)

    def walk(node: lxml_html.HtmlElement) -> Iterator[AnyBlock]:
        if node.tag == "table" and node in numbers:
            where = Location(file=page.name, table=numbers[node])
            if node in page.listed:
                yield from table_rows(node, where)
            else:
                text = "\n".join(" | ".join(row.texts()) for row in table_rows(node, where))
                if text.strip():
                    yield Aside(text=text, reason=_("网页中不属于清单的表格"), location=where)
            return
        if next(node.iterdescendants("table"), None) is None:
            for line in _lines(node):
                yield Paragraph(text=line, location=here)
            return
        if node.text and node.text.strip():
            yield Paragraph(text=_text(_flat(node.text)), location=here)
        for child in node:
            if isinstance(child.tag, str):
                yield from walk(child)
            if child.tail and child.tail.strip():
                yield Paragraph(text=_text(_flat(child.tail)), location=here)

    yield from walk(article)
    for table in page.tables:  # tables outside the article: never silently dropped
        if table not in page.listed and not any(
            ancestor is article for ancestor in table.iterancestors()
        ):
            where = Location(file=page.name, table=numbers[table])
            text = "\n".join(" | ".join(row.texts()) for row in table_rows(table, where))
            if text.strip():
                yield Aside(text=text, reason=_("网页中不属于清单的表格"), location=where)


def read_html_blocks(source: Source) -> tuple[list[AnyBlock], tuple[str, ...]]:
    """Return the neutral blocks of a saved web page and the reader's notes.

    Raises:
        ReadError: the file cannot be read or decoded.
        FormatError: the page has no table that belongs to a duty list.
    """
    name = source_name(source)
    data = read_source(source)
    if not data.strip():
        raise FormatError(_("文件为空"), Location(file=name))
    text = decode(data, name)
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    try:
        from lxml import html as lxml_html  # noqa: PLC0415 - heavy, only when reading HTML

        root = cast("lxml_html.HtmlElement", lxml_html.document_fromstring(text))
    except Exception as exc:  # noqa: BLE001 - lxml raises several kinds for unusable input
        raise ReadError(_("无法解析网页：{error}").format(error=exc), Location(file=name)) from None
    for element in list(root.iter(*_DROPPED)):
        cast("lxml_html.HtmlElement", element).drop_tree()
    page = _Page(name, root, _leaf_tables(root))
    page.find_list_tables()
    if not page.listed:
        raise FormatError(_("网页中没有履职事项清单的表格"), Location(file=name))
    article = page.article()
    blocks = list(_blocks(page, article))
    body = root.body
    outside = article is not body and squash(body.text_content()) != squash(article.text_content())
    notes = (_("网页中清单正文以外的文字（导航、页脚）未读取"),) if outside else ()
    return blocks, notes


def read_html(source: Source) -> DutyList:
    """Return the duty list published on a web page saved as .html (a path or a stream).

    Raises:
        ReadError: the file cannot be read or decoded.
        FormatError: the page holds no duty list, or a table cannot be understood.
    """
    blocks, notes = read_html_blocks(source)
    duty_list = assemble(blocks, metadata=Metadata(source_file=source_name(source)))
    return attrs.evolve(duty_list, notes=(*duty_list.notes, *notes)) if notes else duty_list
