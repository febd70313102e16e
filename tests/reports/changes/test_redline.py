"""The --redline .docx: Accept all gives the new list, Reject all the old one."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from dutylist.reports.changes.redline import render_redline
from dutylist.reports.changes.revisions import AUTHOR
from tests.diff.revisions import revisions
from tests.reports.revision_pair import pair
from tests.strategies import duty_lists

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


@pytest.fixture(scope="module")
def body() -> etree._Element:
    _, new, changeset = pair()
    data = render_redline(changeset, new, when=dt.datetime(2025, 3, 1, tzinfo=dt.UTC))
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return etree.fromstring(package.read("word/document.xml"))


def _resolve(root: etree._Element, *, accept: bool) -> etree._Element:
    """Return a copy of ``root`` with every tracked change accepted (or rejected)."""
    root = etree.fromstring(etree.tostring(root))
    drop, keep = ("del", "ins") if accept else ("ins", "del")
    for row in root.iter(q("tr")):
        properties = row.find(q("trPr"))
        if properties is not None and properties.find(q(drop)) is not None:
            row.getparent().remove(row)
    for paragraph in list(root.iter(q("p"))):
        mark = paragraph.find(f"{q('pPr')}/{q('rPr')}/{q(drop)}")
        if mark is not None:
            paragraph.getparent().remove(paragraph)
    for element in list(root.iter(q(drop))):
        parent = element.getparent()
        if parent is not None and parent.tag in {q("p"), q("tc")}:
            parent.remove(element)
    for element in list(root.iter(q(keep))):
        parent = element.getparent()
        if parent is not None and parent.tag == q("p"):
            for child in list(element):
                element.addprevious(child)
            parent.remove(element)
    for text in root.iter(q("delText")):
        text.tag = q("t")
    return root


def _item_names(root: etree._Element) -> list[str]:
    names = []
    for table in root.iter(q("tbl")):
        for row in list(table.iter(q("tr")))[1:]:
            cells = row.findall(q("tc"))
            if len(cells) > 1:
                names.append("".join(cells[1].itertext()))
    return names


def test_accepting_every_change_gives_the_new_list(body: etree._Element) -> None:
    _, new, _ = pair()
    assert _item_names(_resolve(body, accept=True)) == [item.name for item in new.items]


def test_rejecting_every_change_gives_the_old_list(body: etree._Element) -> None:
    old, _, _ = pair()
    assert _item_names(_resolve(body, accept=False)) == [item.name for item in old.items]


def test_numbers_follow_the_choice(body: etree._Element) -> None:
    old, new, _ = pair()

    def numbers(root: etree._Element) -> list[str]:
        result = []
        for table in root.iter(q("tbl")):
            for row in list(table.iter(q("tr")))[1:]:
                cells = row.findall(q("tc"))
                if len(cells) > 1:
                    result.append("".join(cells[0].itertext()))
        return result

    assert numbers(_resolve(body, accept=True)) == [str(item.number) for item in new.items]
    assert numbers(_resolve(body, accept=False)) == [str(item.number) for item in old.items]


def test_revisions_are_real_tracked_changes(body: etree._Element) -> None:
    insertions = list(body.iter(q("ins")))
    deletions = list(body.iter(q("del")))
    assert insertions
    assert deletions
    ids = [element.get(q("id")) for element in insertions + deletions]
    assert len(ids) == len(set(ids))
    assert {element.get(q("author")) for element in insertions + deletions} == {AUTHOR}
    assert any(e.getparent().tag == q("trPr") for e in deletions)


def _rows(root: etree._Element) -> list[list[str]]:
    return [
        [
            "\n".join("".join(p.itertext()) for p in cell.iter(q("p")))
            for cell in row.findall(q("tc"))
        ]
        for table in root.iter(q("tbl"))
        for row in table.iter(q("tr"))
    ]


def _plain(duty_list) -> etree._Element:
    from dutylist.diff import diff_lists

    data = render_redline(diff_lists(duty_list, duty_list), duty_list)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return etree.fromstring(package.read("word/document.xml"))


def test_every_cell_reads_as_the_chosen_version(body: etree._Element) -> None:
    old, new, _ = pair()
    plain_new, plain_old = _plain(new), _plain(old)
    assert not list(plain_new.iter(q("ins")))
    assert _rows(_resolve(body, accept=True)) == _rows(plain_new)
    old_rows = [row for row in _rows(_resolve(body, accept=False)) if len(row) > 1]
    assert old_rows == [row for row in _rows(plain_old) if len(row) > 1]


def _document(data: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return etree.fromstring(package.read("word/document.xml"))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(duty_lists(max_categories=2).flatmap(lambda a: st.tuples(st.just(a), revisions(a))))
def test_accept_and_reject_give_either_version_of_generated_pairs(pair_: tuple) -> None:
    from dutylist.diff import diff_lists

    old, new = pair_
    redline = _document(render_redline(diff_lists(old, new), new))
    items = lambda rows: [row for row in rows if len(row) > 1]  # noqa: E731
    assert items(_rows(_resolve(redline, accept=True))) == items(_rows(_plain(new)))
    assert items(_rows(_resolve(redline, accept=False))) == items(_rows(_plain(old)))
