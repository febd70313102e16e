"""The libxslt fast path reads tables exactly as the element walk does.

dutylist.io.docx.read reads plain tables with one XSLT stylesheet (dutylist.io.docx.body) and
every other table element by element. Both must yield the same blocks: these tests read
every fixture layout and generated WordprocessingML bodies both ways and compare.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

import dutylist.io.docx.read as docx_module
import dutylist.io.docx.walk as walk_module
from dutylist.io.docx.body import can_transform
from dutylist.io.docx.numbering import W_NS, Numbering
from dutylist.io.docx.walk import BodyReader
from dutylist.parse.rows import Block, Row
from tests.builders import LAYOUT_VARIANTS, build_docx, sample_spec

SPEC = sample_spec()
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


def _both_ways(body: etree._Element) -> tuple[list[Block], list[Block]]:
    """Return the blocks read with the fast path and with the element walk only."""
    fast = BodyReader("list.docx", Numbering(), plain=True)
    slow = BodyReader("list.docx", Numbering(), plain=False)
    fast_blocks, slow_blocks = list(fast.blocks(body)), list(slow.blocks(body))
    assert (fast.tables, fast.tracked) == (slow.tables, slow.tracked)
    return fast_blocks, slow_blocks


def _plain_tables(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the tables the fast path reads."""
    calls: list[int] = []
    original = walk_module.plain_table_rows

    def counted(tbl: etree._Element, name: str, index: int) -> object:
        calls.append(index)
        return original(tbl, name, index)

    monkeypatch.setattr(walk_module, "plain_table_rows", counted)
    return calls


@pytest.mark.parametrize("name", sorted(LAYOUT_VARIANTS))
def test_every_layout_reads_the_same_both_ways(tmp_path: Path, name: str) -> None:
    path = build_docx(SPEC, tmp_path / f"{name}.docx", LAYOUT_VARIANTS[name])
    with zipfile.ZipFile(path) as package:
        document = package.read("word/document.xml")
    assert can_transform(document)
    body = etree.fromstring(document, _PARSER).find(f"{{{W_NS}}}body")
    assert body is not None
    fast, slow = _both_ways(body)
    assert fast == slow
    assert any(isinstance(block, Row) for block in fast)


def test_the_reader_takes_the_fast_path_for_plain_tables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _plain_tables(monkeypatch)
    path = build_docx(SPEC, tmp_path / "plain.docx", LAYOUT_VARIANTS["default"])
    docx_module.read_docx(path)
    assert calls


@pytest.mark.parametrize(
    "document",
    [
        b'<?xml version="1.0"?><a><!--c--></a>',
        b'<?xml version="1.0"?><a><?pi x?></a>',
        b'<?xml version="1.0" encoding="GBK"?><a/>',
        "<a>\ue001</a>".encode(),
        b"<a>&#xE001;</a>",
        b"<a>&#57345;</a>",
    ],
)
def test_documents_the_stylesheet_could_misread_take_the_element_walk(document: bytes) -> None:
    assert not can_transform(document)


# -- generated bodies -------------------------------------------------------------------

_Node = tuple[str, tuple["_Node", ...], dict[str, str | None], str | None]


def _node(
    tag: str,
    children: tuple[_Node, ...] | list[_Node] = (),
    attributes: dict[str, str | None] | None = None,
    text: str | None = None,
) -> _Node:
    return (tag, tuple(children), attributes or {}, text)


_TEXTS = st.text(alphabet=st.sampled_from(list("ab 1、。\n\t区局\u3000")), max_size=6)
_VALUES = st.sampled_from([None, "", "2", "3", " 2", "x", "0", "-1", "restart", "continue"])
_RUN_CHILDREN = st.one_of(
    _TEXTS.map(lambda text: _node("t", text=text)),
    st.sampled_from(
        ["br", "cr", "tab", "noBreakHyphen", "rPr", "drawing", "delText", "instrText", "sym"]
    ).map(_node),
)
_RUNS = st.lists(_RUN_CHILDREN, max_size=3).map(lambda children: _node("r", children))


def _inline(exotic: bool) -> st.SearchStrategy[_Node]:
    if not exotic:
        return _RUNS
    wrapped = st.lists(_RUNS, max_size=2)
    return st.one_of(
        _RUNS,
        *(wrapped.map(lambda runs, tag=tag: _node(tag, runs)) for tag in ("hyperlink", "ins")),
        wrapped.map(lambda runs: _node("del", runs)),
    )


def _paragraphs(exotic: bool) -> st.SearchStrategy[_Node]:
    others = st.sampled_from(["pPr", "bookmarkStart", "proofErr"]).map(_node)
    children = st.lists(st.one_of(_inline(exotic), others), max_size=4)
    return children.map(lambda found: _node("p", found))


_CELL_PROPERTIES = st.lists(
    st.one_of(
        _VALUES.map(lambda value: _node("gridSpan", attributes={"val": value})),
        _VALUES.map(lambda value: _node("vMerge", attributes={"val": value})),
        st.just(_node("tcW")),
    ),
    max_size=3,
).map(lambda found: _node("tcPr", found))


def _tables(exotic: bool) -> st.SearchStrategy[_Node]:
    cell = st.tuples(
        st.lists(_CELL_PROPERTIES, max_size=2), st.lists(_paragraphs(exotic), max_size=3)
    ).map(lambda parts: _node("tc", parts[0] + parts[1]))
    row_property = st.one_of(
        st.just(_node("cantSplit")),
        _VALUES.map(lambda value: _node("gridBefore", attributes={"val": value}))
        if exotic
        else st.just(_node("tblHeader")),
        st.just(_node("del")) if exotic else st.just(_node("jc")),
    )
    row_properties = st.lists(row_property, max_size=2).map(lambda found: _node("trPr", found))
    row = st.tuples(st.lists(row_properties, max_size=1), st.lists(cell, max_size=4)).map(
        lambda parts: _node("tr", parts[0] + parts[1])
    )
    return st.lists(row, max_size=5).map(lambda rows: _node("tbl", [_node("tblPr"), *rows]))


_BODIES = st.lists(
    st.one_of(_tables(exotic=False), _tables(exotic=True), _paragraphs(exotic=False)),
    max_size=4,
).map(lambda children: _node("body", children))


def _build(node: _Node, parent: etree._Element | None = None) -> etree._Element:
    tag, children, attributes, text = node
    name = f"{{{W_NS}}}{tag}"
    element = (
        etree.Element(name, nsmap={"w": W_NS}) if parent is None else etree.SubElement(parent, name)
    )
    for key, value in attributes.items():
        if value is not None:
            element.set(f"{{{W_NS}}}{key}", value)
    element.text = text
    for child in children:
        _build(child, element)
    return element


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_BODIES)
def test_generated_bodies_read_the_same_both_ways(tree: _Node) -> None:
    document = etree.tostring(_build(tree), encoding="utf-8", xml_declaration=True)
    assert can_transform(document)
    fast, slow = _both_ways(etree.fromstring(document, _PARSER))
    assert fast == slow
