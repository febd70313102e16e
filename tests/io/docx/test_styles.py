"""Cutting styles.xml down before parsing it never changes the numbering read from it."""

from __future__ import annotations

import io
import zipfile

from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from dutylist.io.docx.numbering import Numbering
from dutylist.io.docx.styles import numbering_styles
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
