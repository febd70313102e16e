"""Raw WordprocessingML that python-docx has no API for.

Repeated header rows (`w:tblHeader`), tracked changes (`w:ins`, `w:del`, `w:delText`,
row-level revisions), text boxes (`w:txbxContent` in a `w:drawing` with a VML
`w:pict` fallback, as Word writes them), PAGE fields and A4 page setup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsmap, qn
from docx.shared import Mm

if TYPE_CHECKING:
    from docx.section import Section
    from docx.table import _Row
    from docx.text.paragraph import Paragraph
    from lxml.etree import _Element

__all__ = [
    "Revisions",
    "add_page_field",
    "add_text_box",
    "mark_header_row",
    "set_a4",
    "w_element",
]

_NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office"'
)

_TEXT_BOX_CONTENT = "<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"

_VML_PICT = (
    '<w:pict><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" '
    'path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/>'
    '<v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
    '<v:shape id="文本框 {n}" o:spid="_x0000_s10{n:02d}" type="#_x0000_t202" '
    'style="position:absolute;margin-left:560pt;margin-top:0;width:80pt;height:30pt;'
    'z-index:25165{n:04d}"><v:textbox>{content}</v:textbox></v:shape></w:pict>'
)

_DRAWING = (
    '<w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" '
    'relativeHeight="25165{n:04d}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
    '<wp:simplePos x="0" y="0"/>'
    '<wp:positionH relativeFrom="margin"><wp:align>right</wp:align></wp:positionH>'
    '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
    '<wp:extent cx="1016000" cy="381000"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
    '<wp:wrapNone/><wp:docPr id="{n}" name="文本框 {n}"/><wp:cNvGraphicFramePr/>'
    "<a:graphic><a:graphicData "
    'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
    '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr>'
    '<a:xfrm><a:off x="0" y="0"/><a:ext cx="1016000" cy="381000"/></a:xfrm>'
    '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>'
    "<wps:txbx>{content}</wps:txbx>"
    '<wps:bodyPr rot="0" vert="horz" wrap="square" anchor="t"><a:noAutofit/></wps:bodyPr>'
    "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
)


def w_element(tag: str, **attributes: str) -> _Element:
    """Return a new `w:` element with `w:`-qualified attributes."""
    element = OxmlElement(tag, nsdecls={"w": nsmap["w"]})
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def mark_header_row(row: _Row) -> None:
    """Mark `row` as a header row that Word repeats on every page (`w:tblHeader`)."""
    row._tr.get_or_add_trPr().append(w_element("w:tblHeader"))


def add_text_box(paragraph: Paragraph, text: str, *, vml_only: bool = False) -> None:
    """Anchor a text box holding `text` in `paragraph` (text a reader must ignore).

    By default the box is a `w:drawing` (wps shape) inside `mc:AlternateContent` with
    a VML `w:pict` fallback, so its text occurs twice in the XML; with `vml_only` it is
    a bare `w:pict`, as older Word and WPS write it.
    """
    # Number boxes per document (shape and docPr ids must be unique within it).
    n = 1 + sum(1 for _ in paragraph._p.getroottree().iter(qn("w:txbxContent")))
    content = _TEXT_BOX_CONTENT.format(text=text)
    pict = _VML_PICT.format(n=n, content=content)
    if vml_only:
        inner = pict
    else:
        drawing = _DRAWING.format(n=n, content=content)
        inner = (
            f'<mc:AlternateContent><mc:Choice Requires="wps">{drawing}</mc:Choice>'
            f"<mc:Fallback>{pict}</mc:Fallback></mc:AlternateContent>"
        )
    paragraph._p.append(parse_xml(f"<w:r {_NAMESPACES}>{inner}</w:r>"))


def add_page_field(paragraph: Paragraph) -> None:
    """Append "第 {PAGE} 页" to `paragraph`, the page number as a complex field."""
    paragraph.add_run("第 ")
    paragraph.add_run()._r.append(w_element("w:fldChar", fldCharType="begin"))
    code = w_element("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = " PAGE "
    paragraph.add_run()._r.append(code)
    paragraph.add_run()._r.append(w_element("w:fldChar", fldCharType="separate"))
    paragraph.add_run("1")
    paragraph.add_run()._r.append(w_element("w:fldChar", fldCharType="end"))
    paragraph.add_run(" 页")


def set_a4(section: Section, *, landscape: bool) -> None:
    """Set `section` to A4, landscape or portrait, with government-style margins."""
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    long_side, short_side = Mm(297), Mm(210)
    section.page_width = long_side if landscape else short_side
    section.page_height = short_side if landscape else long_side
    section.top_margin = section.bottom_margin = Mm(25)
    section.left_margin = section.right_margin = Mm(20)


class Revisions:
    """Write tracked changes with unique `w:id`s, one author and one date."""

    def __init__(self, author: str = "南关区编办", date: str = "2024-10-15T09:30:00Z") -> None:
        """Remember the author and date stamped on every revision."""
        self._author = author
        self._date = date
        self._next_id = 1

    def _revision(self, tag: Literal["w:ins", "w:del"]) -> _Element:
        """Return an empty `w:ins`/`w:del` with id, author and date."""
        element = w_element(tag, id=str(self._next_id), author=self._author, date=self._date)
        self._next_id += 1
        return element

    def insert(self, paragraph: Paragraph, text: str) -> None:
        """Append `text` to `paragraph` as a tracked insertion (kept on accept)."""
        run = paragraph.add_run(text)
        inserted = self._revision("w:ins")
        run._r.addprevious(inserted)
        inserted.append(run._r)

    def delete(self, paragraph: Paragraph, text: str) -> None:
        """Append `text` to `paragraph` as a tracked deletion (dropped on accept)."""
        run = paragraph.add_run()
        deleted_text = w_element("w:delText")
        deleted_text.set(qn("xml:space"), "preserve")
        deleted_text.text = text
        run._r.append(deleted_text)
        deleted = self._revision("w:del")
        run._r.addprevious(deleted)
        deleted.append(run._r)

    def mark_row(self, row: _Row, kind: Literal["ins", "del"]) -> None:
        """Mark a whole table row as inserted or deleted, its runs included.

        For a deleted row every `w:t` becomes `w:delText`: accepting all changes
        removes the row and its text.
        """
        tr = row._tr
        tr.get_or_add_trPr().append(self._revision("w:ins" if kind == "ins" else "w:del"))
        for run in list(tr.iter(qn("w:r"))):
            parent = run.getparent()
            if parent is None or parent.tag in (qn("w:ins"), qn("w:del")):
                continue
            if kind == "del":
                for text in run.findall(qn("w:t")):
                    text.tag = qn("w:delText")
            wrapper = self._revision("w:ins" if kind == "ins" else "w:del")
            run.addprevious(wrapper)
            wrapper.append(run)
