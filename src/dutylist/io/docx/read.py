"""Read duty lists from Word .docx documents.

The reader opens the zip package itself and walks ``word/document.xml`` with lxml: it
yields the body's paragraphs and table rows, in order, as neutral
:mod:`dutylist.parse.rows` blocks and lets :func:`dutylist.parse.assemble.assemble` make the list.
It knows nothing of duty lists, only of WordprocessingML:

- a cell merged across columns (``w:gridSpan``) is yielded once; a cell merged down
  (``w:vMerge``) repeats the text of the cell that starts the merge;
- ``w:br`` inside a paragraph breaks it in two; empty paragraphs are kept;
- numbers of automatic numbering (``w:numPr``) are rebuilt and put before the text;
- tracked changes are read as if all were accepted;
- text boxes, headers and footers are not read; nested tables, content controls,
  hyperlinks and smart tags are read through.

The body is read by one XSLT stylesheet (:mod:`dutylist.io.docx.body`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import TYPE_CHECKING

import attrs

from dutylist.errors import FormatError, ReadError
from dutylist.io.archive import Package, open_package
from dutylist.io.docx.body import Body, read_body
from dutylist.io.docx.numbering import Numbering
from dutylist.io.docx.styles import numbering_instances, numbering_styles
from dutylist.io.docx.wordml import w
from dutylist.io.files import Source, read_source, source_name
from dutylist.location import Location
from dutylist.messages import N_, _, ngettext
from dutylist.model import DutyList, Metadata
from dutylist.parse.assemble import assemble
from dutylist.parse.rows import Block
from dutylist.patterns import compile_on_use

if TYPE_CHECKING:
    from lxml import etree

CONVERT_HINT = "libreoffice --headless --convert-to docx FILE"
"""The command that turns a .doc, .wps or .rtf file into a .docx."""
OLE2_MAGIC = b"\xd0\xcf\x11\xe0"
TRACKED_CHANGES_WARNING = N_("已接受修订：保留插入的文字，舍弃删除的文字")

_BODY = w("body")
_DOCUMENT_PART = "word/document.xml"
MAX_ELEMENTS = 2_000_000
"""The most XML tags a part may hold (a 30,000-row table has about 600,000)."""


def _convert_hint(name: str) -> str:
    return CONVERT_HINT.replace("FILE", name)


_OFFICE_DOCUMENT = compile_on_use(
    rb'<Relationship\b[^>]*?Type="[^"]*/officeDocument"[^>]*?Target="/?([^"]+)"'
    rb'|<Relationship\b[^>]*?Target="/?([^"]+)"[^>]*?Type="[^"]*/officeDocument"'
)


def _main_part(package: Package) -> str:
    """Return the name of the main document part (``word/document.xml`` almost always)."""
    with contextlib.suppress(ReadError):
        match = _OFFICE_DOCUMENT.search(package.read("_rels/.rels") or b"")
        if match is not None:
            target = (match.group(1) or match.group(2)).decode("utf-8", "replace")
            if target in package:
                return target
    return _DOCUMENT_PART


def _open_package(data: bytes, name: str) -> Package:
    where = Location(file=name)
    if data.startswith(OLE2_MAGIC):
        raise ReadError(
            _(
                "这是旧的二进制 Word 或 WPS 文档（.doc/.wps），不是 .docx；请用 `{command}` 转换"
            ).format(command=_convert_hint(name)),
            where,
        )
    if not data.startswith(b"PK"):
        raise ReadError(
            _(
                "不是 .docx 文档（不是 zip 包）；如果是以其他格式保存的 Word 文件，"
                "请用 `{command}` 转换"
            ).format(command=_convert_hint(name)),
            where,
        )
    package = open_package(data, name, ".docx")
    if _main_part(package) not in package:
        package.archive.close()
        raise ReadError(
            _("不是 Word 文档：zip 包中没有 {part}；请用 `{command}` 转换").format(
                part=_DOCUMENT_PART, command=_convert_hint(name)
            ),
            where,
        )
    return package


def _read_part(package: Package, part: str, name: str) -> bytes | None:  # noqa: ARG001
    """Return the bytes of ``part``, or None when the package lacks it."""
    return package.read(part)


def _check_size(data: bytes, part: str, name: str) -> None:
    """Refuse a part of more than :data:`MAX_ELEMENTS` elements, before any work on it."""
    if data.count(b"<") > MAX_ELEMENTS:  # each element costs lxml about 120 bytes
        raise ReadError(
            _("{part} 中的 XML 元素超过 {count} 个，拒绝读取").format(
                part=part, count=MAX_ELEMENTS
            ),
            Location(file=name),
        )


def _parse_part(data: bytes | None, part: str, name: str) -> etree._Element | None:
    """Return the root element of a part read by :func:`_read_part`."""
    from lxml import etree  # noqa: PLC0415 - lxml takes long to import

    if data is None:
        return None
    _check_size(data, part, name)
    where = Location(file=name)
    # No entities, no network, and huge_tree off: libxml2 then refuses elements nested
    # more than 256 deep, which also bounds the recursion of the body's stylesheet.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise FormatError(
            _(".docx 文档已损坏：{part} 中的 XML 无效（{error}）").format(part=part, error=exc),
            where,
        ) from None


_CUSTOM_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"


def _metadata(custom: etree._Element | None, name: str) -> Metadata:
    """Return the list's metadata: the file name and the ``dutylist.*`` custom properties."""
    values = {}
    for prop in () if custom is None else custom.iter(f"{_CUSTOM_NS}property"):
        values[prop.get("name")] = prop[0].text or "" if len(prop) else ""
    published = None
    with contextlib.suppress(ValueError):
        published = dt.date.fromisoformat(values.get("dutylist.published", ""))
    return Metadata(
        source_file=_base_name(name), version=values.get("dutylist.version"), published=published
    )


def _read(source: Source) -> tuple[str, Body, Numbering, Metadata]:
    """Return the name, body, numbering and metadata of a .docx document."""
    name = source_name(source)
    package = _open_package(read_source(source), name)
    with package:
        custom = _read_part(package, "docProps/custom.xml", name)
        metadata = _metadata(_parse_part(custom, "docProps/custom.xml", name), name)
        main = _main_part(package)
        document_data = _read_part(package, main, name)
        styles_data = _read_part(package, "word/styles.xml", name)
        numbering = Numbering()
        # Most lists are typed by hand: skip the list definitions unless something is numbered.
        if b"numPr" in (document_data or b"") or b"numPr" in (styles_data or b""):
            # Only the styles that bear on numbering are parsed (styles.xml can be large).
            styles = numbering_styles(styles_data) if styles_data is not None else None
            numbering = Numbering.parse(None, _parse_part(styles, "word/styles.xml", name))
            if _may_number(numbering, document_data or b""):
                _read_definitions(numbering, _read_part(package, "word/numbering.xml", name), name)
            else:
                numbering = Numbering()
        document = _parse_part(document_data, main, name)
    if document is None or document.find(_BODY) is None:  # e.g. "Strict Open XML"
        raise FormatError(
            _(
                "dutylist 无法读取该 Word 文档：{part} 中没有 w:body；请用 `{command}` 重新保存"
            ).format(part=main, command=_convert_hint(name)),
            Location(file=name),
        )
    return name, read_body(document, document_data or b"", name, numbering), numbering, metadata


def _read_definitions(numbering: Numbering, data: bytes | None, name: str) -> None:
    """Read the list definitions of the numbering part ``data`` into ``numbering``."""
    if data is None:
        return
    part = "word/numbering.xml"
    _check_size(data, part, name)
    # Its list instances read from the bytes when written as Word writes them.
    cut = numbering_instances(data)
    root = _parse_part(data if cut is None else cut[0], part, name)
    if root is not None:
        numbering.read_definitions(root, None if cut is None else cut[1])


_XML_SPECIAL = compile_on_use(rb"[<>&\"']")


def _may_number(numbering: Numbering, document: bytes) -> bool:
    """Return True when a paragraph of ``document`` may carry an automatic number.

    A paragraph is numbered by its own ``w:numPr`` or through its paragraph style; Word's
    default styles.xml defines numbered list styles, which a list seldom uses.
    """
    if not numbering.enabled:
        return False
    if b"numPr" in document or numbering.default_style in numbering.styles:
        return True
    for style_id in numbering.styles:
        name = style_id.encode("utf-8")
        if name in document or _XML_SPECIAL.search(name):
            return True  # the style may be used (escaped names are not looked for)
    return False


def read_docx_blocks(source: Source) -> list[Block]:
    """Return the neutral blocks of a .docx document, before the assembler sees them.

    Useful to see what the reader made of an unusual layout.

    Raises:
        ReadError: as :func:`read_docx_report`.
        FormatError: the document's XML is invalid.
    """
    return _read(source)[1].blocks


_NO_TABLES = N_("没有找到表格：dutylist 读取以表格排版的清单")


def read_docx_report(source: Source) -> tuple[DutyList, tuple[str, ...]]:
    """Return the duty list in a .docx document and warnings about how it was read.

    Warnings (one line each) say that tracked changes were accepted or that automatic
    numbering could not be rebuilt; the CLI prints them to stderr.

    Raises:
        ReadError: the file is missing, is an old binary Word/WPS document, is not a zip
            package, is damaged, or holds no Word document.
        FormatError: the document's XML is invalid, or it holds no duty list.
    """
    name, body, numbering, metadata = _read(source)
    where = Location(file=name)
    try:
        duty_list = assemble(body.blocks, metadata=metadata)
    except FormatError as exc:
        raise FormatError(
            _(_NO_TABLES) if body.tables == 0 else exc.message, exc.location or where
        ) from None
    if body.tables == 0:
        raise FormatError(_(_NO_TABLES), where)
    if not duty_list.items:
        raise FormatError(_("文档的表格中没有找到清单事项"), where)
    warnings: list[str] = []
    if body.tracked:
        warnings.append(_(TRACKED_CHANGES_WARNING))
    if numbering.unresolved:
        warnings.append(
            ngettext(
                "有 {count} 个段落的自动编号无法还原，这些条目保留为无编号",
                "有 {count} 个段落的自动编号无法还原，这些条目保留为无编号",
                numbering.unresolved,
            ).format(count=numbering.unresolved)
        )
    return duty_list, tuple(warnings)


def read_docx(source: Source) -> DutyList:
    """Return the duty list in a .docx document (a path or a binary stream).

    The warnings of :func:`read_docx_report` (tracked changes accepted, numbering not
    rebuilt) are kept in :attr:`~dutylist.model.DutyList.notes`, which the CLI prints.
    See :func:`read_docx_report` for the errors it raises.
    """
    duty_list, warnings = read_docx_report(source)
    return attrs.evolve(duty_list, notes=(*duty_list.notes, *warnings)) if warnings else duty_list


def _base_name(name: str) -> str:
    return name.replace("\\", "/").rsplit("/", 1)[-1]
