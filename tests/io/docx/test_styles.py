"""Cutting styles.xml and numbering.xml down before parsing never changes the numbering."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from dutylist.io.docx.numbering import Numbering
from dutylist.io.docx.styles import numbering_instances, numbering_styles
from dutylist.io.docx.stylesheet import list_instances
from dutylist.io.docx.wordml import W_NS

_IDS = st.sampled_from(["Normal", "A", "B", "x y"])


def _numbering(styles: bytes) -> tuple[object, ...]:
    numbering = Numbering.parse(None, etree.fromstring(styles))
    return numbering.styles, numbering.default_style


@st.composite
def _styles_parts(draw: st.DrawFn) -> bytes:
    """A styles part: random styles, in the forms Word and other writers use."""
    quote = draw(st.sampled_from(['"', "'"]))
    equals = draw(st.sampled_from(["=", " = "]))

    def attribute(name: str, value: str) -> str:
        return f" w:{name}{equals}{quote}{value}{quote}"

    parts = []
    for _ in range(draw(st.integers(0, 7))):
        kind = draw(st.sampled_from(["paragraph", "paragraph", "paragraph", "character"]))
        head = attribute("type", kind) + attribute("styleId", draw(_IDS))
        if draw(st.booleans()):
            head += attribute("default", draw(st.sampled_from(["1", "0", "true"])))
        children = ""
        if draw(st.booleans()):
            children += f"<w:name{attribute('val', 'n')}/>"
        if draw(st.booleans()):
            children += f"<w:basedOn{attribute('val', draw(_IDS))}/>"
        if draw(st.booleans()):
            num_id = draw(st.sampled_from(["", "1", "2"]))
            ilvl = draw(st.sampled_from(["", "0", "1"]))
            children += (
                "<w:pPr><w:numPr>"
                + (f"<w:ilvl{attribute('val', ilvl)}/>" if ilvl else "")
                + (f"<w:numId{attribute('val', num_id)}/>" if num_id else "")
                + "</w:numPr></w:pPr>"
            )
        if draw(st.booleans()):
            children += "<w:rPr><w:b/></w:rPr>"
        if children or draw(st.booleans()):
            parts.append(f"<w:style{head}>{children}</w:style>")
        else:
            parts.append(f"<w:style{head}/>")
    oddities = ["<!-- <w:style w:styleId='A'> -->", "<?pi x?>", *[""] * 8]
    oddity = draw(st.sampled_from(oddities))
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    root = f'<w:styles xmlns:w="{W_NS}" xmlns:w14="urn:w14">'
    latent = "<w:docDefaults/><w:latentStyles><w:lsdException w:name='Normal'/></w:latentStyles>"
    return (head + root + latent + oddity + "".join(parts) + "</w:styles>").encode()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_styles_parts())
def test_the_cut_part_gives_the_numbering_of_the_whole_part(data: bytes) -> None:
    assert _numbering(numbering_styles(data)) == _numbering(data)


def test_words_template_is_cut_to_the_few_styles_that_number() -> None:
    buffer = io.BytesIO()
    Document().save(buffer)
    with zipfile.ZipFile(buffer) as package:
        data = package.read("word/styles.xml")
    cut = numbering_styles(data)
    assert len(cut) < len(data) / 20
    styles, default = _numbering(cut)
    assert (styles, default) == _numbering(data)
    assert isinstance(styles, dict)
    assert "ListNumber" in styles
    assert default == "Normal"


def test_parts_in_another_form_are_kept_whole() -> None:
    escaped = (
        f'<w:styles xmlns:w="{W_NS}"><w:style w:type="paragraph" w:styleId="A&amp;B">'
        "<w:pPr><w:numPr><w:numId w:val='1'/></w:numPr></w:pPr></w:style>"
        '<w:style w:type="paragraph" w:styleId="C"><w:basedOn w:val="A&#38;B"/></w:style>'
        "</w:styles>"
    ).encode()
    other_prefix = f'<s:styles xmlns:s="{W_NS}"><s:style s:styleId="A"/></s:styles>'.encode()
    for data in (escaped, other_prefix, escaped.decode().encode("utf-16")):
        assert numbering_styles(data) == data


# -- list instances read from the bytes of the numbering part ---------------------------

_NUM_PIECES = st.sampled_from(
    [
        '<w:num w:numId="{n}"><w:abstractNumId w:val="1"/></w:num>',
        (
            '<w:num w:numId="{n}"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0">'
            '<w:startOverride w:val="3"/></w:lvlOverride></w:num>'
        ),
        (
            '<w:num w:numId="{n}" w14:durableId="7">\n <w:abstractNumId w:val="1" />\n'
            ' <w:lvlOverride w:ilvl="1">\n  <w:startOverride w:val="1"/>\n'
            " </w:lvlOverride>\n</w:num>"
        ),
        '<w:num w:numId="{n}" w15:durableId="7"><w:abstractNumId w:val="1"/></w:num>',
        "<w:num w:numId='{n}'><w:abstractNumId w:val='1'/></w:num>",
        '<w:num w:numId="{n}"><w:abstractNumId w:val="&#49;"/></w:num>',
        '<w:num w:numId="{n}\t"><w:abstractNumId w:val="1"/></w:num>',
        '<w:num w:numId="{n}" w:numId="9"><w:abstractNumId w:val="1"/></w:num>',
        (
            '<w:num w:numId="{n}"><w:lvlOverride w:ilvl="0"><w:startOverride w:val="2"/>'
            "</w:lvlOverride></w:num>"
        ),
        (
            '<w:num w:numId="{n}"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0">'
            '<w:lvl w:ilvl="0"><w:start w:val="4"/></w:lvl></w:lvlOverride></w:num>'
        ),
        '<w:num w:numId="{n}"><w:abstractNumId w:val="1"/><w:abstractNumId w:val="2"/></w:num>',
        '<w:num w:numId="{n}"/>',
        '<w:num w:numId="{n}"><w:abstractNumId w:val="1"/>',
        "<!-- <w:num w:numId='{n}'/> -->",
        "<w:numIdMacAtCleanup w:val='{n}'/>",
        "\n",
    ]
)
_ABSTRACT = (
    '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
    '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
)


@st.composite
def _numbering_parts(draw: st.DrawFn) -> bytes:
    """A numbering part: list instances in Word's form and in others, some invalid."""
    pieces = draw(st.lists(_NUM_PIECES, max_size=6))
    numbers = draw(st.lists(st.sampled_from(["1", "2", "3"]), min_size=6, max_size=6))
    nums = "".join(piece.replace("{n}", n) for piece, n in zip(pieces, numbers, strict=False))
    after = draw(st.sampled_from(["", _ABSTRACT, "<w:numIdMacAtCleanup w:val='2'/>"]))
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:numbering xmlns:w="{W_NS}" xmlns:w14="urn:w14">{_ABSTRACT}{nums}{after}'
        "</w:numbering>"
    ).encode()


def _definitions(data: bytes) -> object:
    """What numbering reads from a parsed numbering part: definitions and instances."""
    root = etree.fromstring(data)
    abstracts = [etree.tostring(a, with_tail=False) for a in root.iter(f"{{{W_NS}}}abstractNum")]
    return abstracts, list_instances(root)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_numbering_parts())
def test_instances_read_from_the_bytes_are_the_ones_the_parsed_part_holds(data: bytes) -> None:
    read = numbering_instances(data)
    try:
        whole = _definitions(data)
    except etree.XMLSyntaxError:
        # An invalid part is refused as before: parsed whole, or cut and still invalid.
        if read is not None:
            with pytest.raises(etree.XMLSyntaxError):
                etree.fromstring(read[0])
        return
    if read is not None:
        cut, nums = read
        abstracts, _instances = _definitions(cut)
        assert (abstracts, nums) == whole


def test_words_list_instances_are_read_from_the_bytes() -> None:
    nums = "".join(
        f'<w:num w:numId="{n}" w14:durableId="{n}"><w:abstractNumId w:val="1"/>'
        f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{n}"/></w:lvlOverride></w:num>'
        for n in range(1, 300)
    )
    data = f'<w:numbering xmlns:w="{W_NS}" xmlns:w14="urn:w14">{_ABSTRACT}{nums}</w:numbering>'
    read = numbering_instances(data.encode())
    assert read is not None
    assert len(read[0]) < 400
    assert read[1]["7"] == [["1", "0", "7"]]
    assert len(read[1]) == 299
