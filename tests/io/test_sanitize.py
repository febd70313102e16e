from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from dutylist.io.sanitize import formula_safe, has_xml_illegal, xml_text


@given(st.text())
def test_any_text_made_xml_safe_parses_back(text: str) -> None:
    safe = xml_text(text)
    element = etree.Element("t")
    element.text = safe  # lxml refuses text XML cannot carry
    assert etree.fromstring(etree.tostring(element)).text in {safe, None}
    assert not has_xml_illegal(safe)


def test_control_characters_become_their_pictures() -> None:
    assert xml_text("版\x1b[31m") == "版\u241b[31m"
    assert xml_text("a\x00b\ud800") == "a\u2400b\ufffd"
    assert xml_text("行1\n行2\t") == "行1\n行2\t"


def test_formula_like_cells_are_neutralised() -> None:
    for dangerous in ("=1+1", "+86 123", "-x", "@SUM(A1)", "\t=1", "\r=1"):
        assert formula_safe(dangerous) == "'" + dangerous
    for harmless in ("1+1", "区财政局", "", "'=quoted"):
        assert formula_safe(harmless) == harmless
