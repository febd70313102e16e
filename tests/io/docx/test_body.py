"""The body of a .docx read into neutral blocks by the one stylesheet of dutylist.io.docx.body.

Each test writes a small WordprocessingML body by hand and states what Word shows (or what
accepting all tracked changes leaves); the expected blocks are written out, not computed
by the reader.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from dutylist.errors import ReadError
from dutylist.io.docx.body import Body, read_body
from dutylist.io.docx.numbering import Numbering
from dutylist.io.docx.wordml import W_NS
from dutylist.location import Location
from dutylist.parse.rows import Paragraph, Row

_NS = f'xmlns:w="{W_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


def _document(body: str, prolog: str = "") -> bytes:
    return f"{prolog}<w:document {_NS}><w:body>{body}<w:sectPr/></w:body></w:document>".encode()


def _read(body: str, numbering: Numbering | None = None, prolog: str = "") -> Body:
    data = _document(body, prolog)
    return read_body(etree.fromstring(data, _PARSER), data, "list.docx", numbering or Numbering())


def _p(*runs: str, properties: str = "") -> str:
    return f"<w:p>{properties}{''.join(runs)}</w:p>"


def _r(text: str) -> str:
    return f"<w:r><w:t xml:space='preserve'>{text}</w:t></w:r>"


def _tc(*content: str, properties: str = "") -> str:
    return (
        f"<w:tc>{f'<w:tcPr>{properties}</w:tcPr>' if properties else ''}{''.join(content)}</w:tc>"
    )


def _tr(*cells: str, properties: str = "") -> str:
    return f"<w:tr>{f'<w:trPr>{properties}</w:trPr>' if properties else ''}{''.join(cells)}</w:tr>"


def _tbl(*rows: str) -> str:
    return f"<w:tbl><w:tblPr/><w:tblGrid/>{''.join(rows)}</w:tbl>"


def _rows(body: Body) -> list[tuple[tuple[str, ...], ...]]:
    return [block.cells for block in body.blocks if isinstance(block, Row)]


def _texts(body: Body) -> list[str]:
    return [block.text for block in body.blocks if isinstance(block, Paragraph)]


def test_runs_give_their_text_line_breaks_tabs_and_hyphens_only() -> None:
    run = (
        "<w:r><w:rPr><w:b/></w:rPr><w:t>甲</w:t><w:br/><w:t>乙</w:t><w:tab/><w:t>丙</w:t>"
        "<w:noBreakHyphen/><w:t>丁</w:t><w:cr/><w:instrText> PAGE </w:instrText>"
        "<w:drawing><w:txbxContent><w:p><w:r><w:t>草稿</w:t></w:r></w:p></w:txbxContent>"
        "</w:drawing><w:t>戊</w:t></w:r>"
    )
    body = _read(_p(run) + _p() + _tbl(_tr(_tc(_p(run), _p()))))
    assert _texts(body) == ["甲", "乙\t丙-丁", "戊", ""]
    assert _rows(body) == [(("甲", "乙\t丙-丁", "戊", ""),)]
    assert (body.tables, body.tracked) == (1, False)


def test_hyperlinks_fields_controls_and_alternate_content_are_read_through() -> None:
    paragraph = _p(
        f"<w:hyperlink>{_r('一')}</w:hyperlink><w:smartTag>{_r('二')}</w:smartTag>",
        f"<w:fldSimple>{_r('三')}</w:fldSimple><w:dir><w:bdo>{_r('四')}</w:bdo></w:dir>",
        f"<w:customXml>{_r('五')}</w:customXml>",
        f"<w:sdt><w:sdtPr/><w:sdtContent>{_r('六')}</w:sdtContent></w:sdt>",
        f"<mc:AlternateContent><mc:Choice Requires='w14'>{_r('新')}</mc:Choice>"
        f"<mc:Fallback>{_r('七')}</mc:Fallback></mc:AlternateContent>",
    )
    assert _texts(_read(paragraph)) == ["一二三四五六七"]


def test_tracked_changes_are_read_as_accepted() -> None:
    body = _read(
        _tbl(
            _tr(_tc(_p(_r("甲"), f"<w:ins>{_r('乙')}</w:ins>", f"<w:del>{_r('删')}</w:del>"))),
            _tr(_tc(_p(_r("删除的行"))), properties="<w:del/>"),
            _tr(_tc(_p(f"<w:moveFrom>{_r('移走')}</w:moveFrom><w:moveTo>{_r('移来')}</w:moveTo>"))),
            _tr(_tc(_p(_r("插入的行"))), properties="<w:ins/>"),
        )
    )
    assert _rows(body) == [(("甲乙",),), (("移来",),), (("插入的行",),)]
    # The deleted row still counts: rows keep the numbers Word shows with changes marked.
    assert [block.location.row for block in body.blocks] == [1, 3, 4]
    assert body.tracked


def test_merged_cells_and_rows_starting_past_the_first_column() -> None:
    body = _read(
        _tbl(
            _tr(_tc(_p(_r("类别")), properties="<w:vMerge w:val='restart'/>"), _tc(_p(_r("a")))),
            _tr(_tc(_p(), properties="<w:vMerge/>"), _tc(_p(_r("b")))),
            _tr(_tc(_p(_r("跨两列")), properties="<w:gridSpan w:val='2'/>")),
            _tr(_tc(_p(_r("c"))), properties="<w:gridBefore w:val='1'/>"),
            _tr(_tc(_p(_r("新")), properties="<w:vMerge w:val='restart'/>"), _tc(_p(_r("d")))),
            _tr(_tc(_p(_r("e"))), _tc(_p(_r("f")))),
            _tr(_tc(_p(_r("x")), properties="<w:gridSpan w:val='zwei'/>"), _tc(_p(_r("y")))),
        )
    )
    assert _rows(body) == [
        (("类别",), ("a",)),
        (("类别",), ("b",)),
        (("跨两列",),),
        (("c",),),
        (("新",), ("d",)),
        (("e",), ("f",)),
        (("x",), ("y",)),
    ]
    assert body.blocks[0].location == Location(file="list.docx", table=1, row=1)


def test_content_controls_custom_xml_and_nested_tables_at_every_level() -> None:
    nested = _tbl(_tr(_tc(_p(_r("内一"))), _tc(_p(_r("内二")))), _tr(_tc(_p(_r("内三")))))
    cell = f"<w:customXml>{_tc(_p(_r('丙')), nested, _p(_r('丁')))}</w:customXml>"
    controlled = f"<w:sdt><w:sdtContent>{_tc(_p(_r('乙')))}</w:sdtContent></w:sdt>"
    table = _tbl(
        f"<w:sdt><w:sdtContent>{_tr(_tc(_p(_r('甲'))), cell)}</w:sdtContent></w:sdt>",
        f"<w:customXml>{_tr(controlled)}</w:customXml>",
    )
    body = _read(
        f"<w:sdt><w:sdtContent>{_p(_r('标题'))}{table}</w:sdtContent>"
        f"<w:sdtContent>{_p(_r('第二个内容不读'))}</w:sdtContent></w:sdt>"
        f"<w:customXml>{_p(_r('尾'))}</w:customXml>"
    )
    assert body.blocks == [
        Paragraph(text="标题", location=Location(file="list.docx")),
        Row(
            cells=(("甲",), ("丙", "内一", "内二", "内三", "丁")),
            location=Location(file="list.docx", table=1, row=1),
        ),
        Row(cells=(("乙",),), location=Location(file="list.docx", table=1, row=2)),
        Paragraph(text="尾", location=Location(file="list.docx")),
    ]
    assert body.tables == 1


def test_comments_and_entities_the_parser_keeps_do_not_break_the_text() -> None:
    prolog = '<!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
    body = _read(_p(_r("甲<!-- 注释 -->乙"), _r("&secret;丙")), prolog=prolog)
    # As lxml's .text: the text before the comment; an unexpanded entity reads as nothing.
    assert _texts(body) == ["甲丙"]


_PRIVATE = st.characters(min_codepoint=0xE000, max_codepoint=0xE0FF)
_TEXT = st.text(st.one_of(_PRIVATE, st.sampled_from("甲乙 1、\t")), min_size=1, max_size=8)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT, _TEXT, st.booleans())
def test_private_use_characters_read_back_exactly(
    first: str, second: str, as_reference: bool
) -> None:
    # The separators the stylesheet writes are private use characters the document
    # does not hold; whatever the text holds, it reads back unchanged.
    def escape(text: str) -> str:
        return "".join(f"&#x{ord(char):X};" if as_reference else char for char in text)

    body = _read(_p(_r(escape(first))) + _tbl(_tr(_tc(_p(_r(escape(second)))))))
    assert body.blocks[0] == Paragraph(text=first, location=Location(file="list.docx"))
    assert _rows(body) == [((second,),)]


def test_a_document_using_every_private_use_block_still_reads_exactly() -> None:
    every = "".join(chr(0xE000 + 64 * block + offset) for block in range(64) for offset in (0, 7))
    body = _read(_p(_r(every)) + _tbl(_tr(_tc(_p(_r(every))), _tc(_p(_r("x"))))))
    assert _texts(body) == [every]
    assert _rows(body) == [((every,), ("x",))]


def test_a_body_nested_too_deep_for_the_stylesheet_is_a_read_error() -> None:
    # The parser refuses more than 256 levels; a tree built otherwise meets libxslt's
    # template depth limit, which must be an error, not a crash.
    w = f"{{{W_NS}}}"
    root = etree.Element(f"{w}document", nsmap={"w": W_NS})
    element = etree.SubElement(root, f"{w}body")
    for _ in range(5000):
        element = etree.SubElement(element, f"{w}customXml")
    etree.SubElement(etree.SubElement(element, f"{w}p"), f"{w}r")
    with pytest.raises(ReadError) as raised:
        read_body(root, b"", "deep.docx", Numbering())
    assert raised.value.location == Location(file="deep.docx")


# -- automatic numbering -----------------------------------------------------------------

_NUMBERING = f"""<w:numbering {_NS}>
<w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/>
    <w:lvlText w:val="%2"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/>
  <w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride></w:num>
</w:numbering>"""


def _numbering(*, default_numbered: bool = False) -> Numbering:
    default = '<w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr>' if default_numbered else ""
    styles = f"""<w:styles {_NS}>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal">{default}</w:style>
<w:style w:type="paragraph" w:styleId="Clause"><w:basedOn w:val="Normal"/>
  <w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Sub"><w:basedOn w:val="Clause"/>
  <w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>
</w:styles>"""
    return Numbering.parse(etree.fromstring(_NUMBERING), etree.fromstring(styles))


def _styled(style: str, text: str) -> str:
    return _p(_r(text), properties=f"<w:pPr><w:pStyle w:val='{style}'/></w:pPr>")


def test_numbers_come_from_styles_and_count_through_merged_cells() -> None:
    body = _read(
        _styled("Clause", "甲")
        + _tbl(
            _tr(_tc(_styled("Clause", "乙"), _styled("Sub", "子"), properties="<w:vMerge/>")),
            _tr(_tc(_styled("Clause", "丙"), _styled("Clause", " "), _styled("Sub", "丑"))),
            _tr(_tc(_styled("Clause", "删")), properties="<w:del/>"),
            _tr(_tc(_styled("Normal", "无编号"), _styled("Clause", "丁"))),
        ),
        _numbering(),
    )
    assert _texts(body) == ["1.甲"]
    # A cell continuing a merge (with no merge open: empty) still counts its paragraphs;
    # a blank numbered paragraph takes a number without showing it; deleted rows do not count.
    assert _rows(body) == [((),), (("3.丙", " ", "①丑"),), (("无编号", "5.丁"),)]


def test_paragraphs_without_properties_take_the_default_styles_number() -> None:
    body = _read(
        _p(_r("甲")) + _p(_r("乙")) + _styled("Clause", "丙"), _numbering(default_numbered=True)
    )
    assert _texts(body) == ["7.甲", "8.乙", "1.丙"]


def test_numbering_is_not_applied_to_a_document_without_it() -> None:
    assert _texts(_read(_styled("Clause", "甲"))) == ["甲"]
