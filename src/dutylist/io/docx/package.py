"""The package around a written document's body: styles, fonts, pages, properties.

The writer (:mod:`dutylist.io.docx.write`) builds the body; this module trims
python-docx's template to the styles the list uses, sets the East Asian fonts, lays out
A4 pages with a page-number footer, records the list's version and publication date as
custom document properties, and stores the package with fixed timestamps so that equal
lists give equal bytes.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from dutylist.io.docx.styling import BODY_FONT, FONT_SLOTS, HEADING_FONT, set_fonts
from dutylist.io.docx.wordml import W_NS, w

if TYPE_CHECKING:
    from docx.document import Document
    from lxml import etree

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
"""The ``xml:space`` attribute (``preserve`` keeps a text's outer spaces)."""

_STYLES = f"""<w:styles xmlns:w="{W_NS}">
<w:style w:type="paragraph" w:customStyle="1" w:styleId="DutyListTitle">
 <w:name w:val="Duty List Title"/><w:basedOn w:val="Normal"/><w:qFormat/>
 <w:pPr><w:jc w:val="center"/><w:spacing w:before="240" w:after="360" w:line="240"
  w:lineRule="auto"/><w:outlineLvl w:val="0"/></w:pPr>
 <w:rPr><w:rFonts w:ascii="{HEADING_FONT}" w:hAnsi="{HEADING_FONT}" w:eastAsia="{HEADING_FONT}"/>
  <w:sz w:val="40"/><w:szCs w:val="40"/></w:rPr>
</w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="DutyListPartTitle">
 <w:name w:val="Duty List Part Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>
 <w:qFormat/><w:pPr><w:keepNext/><w:jc w:val="center"/><w:spacing w:before="120" w:after="240"
  w:line="240" w:lineRule="auto"/><w:outlineLvl w:val="1"/></w:pPr>
 <w:rPr><w:rFonts w:ascii="{HEADING_FONT}" w:hAnsi="{HEADING_FONT}" w:eastAsia="{HEADING_FONT}"/>
  <w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr>
</w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="DutyListCell">
 <w:name w:val="Duty List Cell"/><w:basedOn w:val="Normal"/><w:qFormat/>
 <w:pPr><w:spacing w:before="0" w:after="0" w:line="260" w:lineRule="exact"/></w:pPr>
 <w:rPr><w:sz w:val="21"/><w:szCs w:val="21"/></w:rPr>
</w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="DutyListCenteredCell">
 <w:name w:val="Duty List Centered Cell"/><w:basedOn w:val="DutyListCell"/><w:qFormat/>
 <w:pPr><w:jc w:val="center"/></w:pPr>
</w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="DutyListCategoryCell">
 <w:name w:val="Duty List Category Cell"/><w:basedOn w:val="DutyListCell"/><w:qFormat/>
 <w:pPr><w:keepNext/></w:pPr>
 <w:rPr><w:rFonts w:ascii="{HEADING_FONT}" w:hAnsi="{HEADING_FONT}" w:eastAsia="{HEADING_FONT}"/>
 </w:rPr>
</w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="DutyListHeaderCell">
 <w:name w:val="Duty List Header Cell"/><w:basedOn w:val="DutyListCell"/><w:qFormat/>
 <w:pPr><w:jc w:val="center"/></w:pPr>
 <w:rPr><w:rFonts w:ascii="{HEADING_FONT}" w:hAnsi="{HEADING_FONT}" w:eastAsia="{HEADING_FONT}"/>
 </w:rPr>
</w:style>
</w:styles>"""


def element(tag: str, parent: etree._Element | None = None, **values: str) -> etree._Element:
    """Return a new ``w:`` element (a child of ``parent`` if given) with ``w:`` attributes."""
    from lxml import etree  # noqa: PLC0415 - lxml takes long to import

    attributes = {w(name): value for name, value in values.items()}
    if parent is None:
        return etree.Element(w(tag), attributes, nsmap={"w": W_NS})
    return etree.SubElement(parent, w(tag), attributes)


_KEPT_STYLES = frozenset(
    ["Normal", "Header", "HeaderChar", "Footer", "FooterChar", "DefaultParagraphFont",
     "TableNormal", "NoList"]
)  # fmt: skip
"""The template's styles the document uses; the other 150-odd are dropped."""
_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def _trim_template(document: Document) -> None:
    """Drop the template's unused styles and its stylesWithEffects copy (700 KiB of XML)."""
    styles = document.styles.element
    for style in styles.findall(w("style")):
        if style.get(w("styleId")) not in _KEPT_STYLES:
            styles.remove(style)
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype == _STYLES_WITH_EFFECTS:
            document.part.drop_rel(rel_id)
    package_rels = document.part.package.rels
    for rel_id, rel in list(package_rels.items()):
        if rel.reltype.endswith("/thumbnail"):  # a picture of the template's empty page
            package_rels.pop(rel_id)
    properties = document.core_properties
    properties.author = properties.last_modified_by = "dutylist"
    properties.comments = ""


def set_document_fonts(document: Document) -> None:
    """Set 仿宋_GB2312 as the body font and add the list's paragraph styles."""
    _trim_template(document)
    styles = document.styles.element
    for fonts in styles.iter(w("rFonts")):
        for theme in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
            fonts.attrib.pop(w(theme), None)
    defaults = styles.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}/{w('rFonts')}")
    if defaults is not None:
        for slot in FONT_SLOTS[:3]:
            defaults.set(w(slot), BODY_FONT)
    set_fonts(document.styles["Normal"].element.get_or_add_rPr(), BODY_FONT, FONT_SLOTS[:3])
    size = document.styles["Normal"].element.get_or_add_rPr()
    for tag in ("sz", "szCs"):
        element(tag, size, val="24")
    from lxml import etree  # noqa: PLC0415

    for style in etree.fromstring(_STYLES):
        styles.append(style)


def page_number_footer(section: object) -> None:
    """Put a centred PAGE field in the footer of a python-docx section."""
    from docx.section import Section  # noqa: PLC0415

    assert isinstance(section, Section)  # noqa: S101 - python-docx returns sections
    footer = section.footer.paragraphs[0]._p  # noqa: SLF001 - python-docx has no field API
    p_pr = element("pPr")
    element("jc", p_pr, val="center")
    footer.insert(0, p_pr)
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1")):
        run = element("r", footer)
        if kind is not None:
            element("fldChar", run, fldCharType=kind)
        elif text == " PAGE ":
            code = element("instrText", run)
            code.text = text
            code.set(XML_SPACE, "preserve")
        else:
            element("t", run).text = text
    element("fldChar", element("r", footer), fldCharType="end")


VERSION_PROPERTY = "dutylist.version"
"""The custom document property that holds :attr:`Metadata.version <dutylist.Metadata>`."""
PUBLISHED_PROPERTY = "dutylist.published"
"""The custom document property that holds the publication date (``YYYY-MM-DD``)."""
_CUSTOM_PART = "docProps/custom.xml"
_CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CUSTOM_REL = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
)


def _custom_properties(properties: dict[str, str]) -> bytes:
    """Return ``docProps/custom.xml`` holding ``properties`` as text properties."""
    # xml.sax.saxutils imports urllib.request (and with it http, ssl, email): 25 ms.
    from xml.sax.saxutils import escape, quoteattr  # noqa: PLC0415

    entries = "".join(
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" '
        f"pid={quoteattr(str(pid))} name={quoteattr(name)}><vt:lpwstr>{escape(value)}"
        "</vt:lpwstr></property>"
        for pid, (name, value) in enumerate(properties.items(), start=2)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties '
        'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"{entries}</Properties>"
    ).encode()


def finish_package(data: bytes, properties: dict[str, str]) -> bytes:
    """Return the package with fixed member timestamps and the custom ``properties``.

    Fixed timestamps make equal lists give equal bytes.
    """
    import zipfile  # noqa: PLC0415 - zipfile imports bz2, lzma, shutil: only .docx needs it

    extra = {
        "[Content_Types].xml": (
            b"</Types>",
            f'<Override PartName="/{_CUSTOM_PART}" ContentType="{_CUSTOM_TYPE}"/>'.encode(),
        ),
        "_rels/.rels": (
            b"</Relationships>",
            f'<Relationship Id="rIdDutylist" Type="{_CUSTOM_REL}" '
            f'Target="{_CUSTOM_PART}"/>'.encode(),
        ),
    }
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        members = [(info.filename, source.read(info)) for info in source.infolist()]
        if properties:
            members = [
                (name, blob.replace(extra[name][0], extra[name][1] + extra[name][0]))
                if name in extra
                else (name, blob)
                for name, blob in members
            ]
            members.append((_CUSTOM_PART, _custom_properties(properties)))
        for name, blob in members:
            member = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(member, blob)
    return out.getvalue()
