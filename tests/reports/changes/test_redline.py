"""The redline .docx: Accept all gives the new list, Reject all the old one.

It renders from the change set alone (the new list it carries); a change set without it
(read from JSON, filtered) is a usage error.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from dutylist.diff import diff_lists
from dutylist.diff.changes import CategoryChangeKind, ChangeSet
from dutylist.diff.filters import filter_changes
from dutylist.diff.serialize import dumps, loads
from dutylist.errors import UsageError
from dutylist.model import DutyList
from dutylist.reports.changes import render_changes
from dutylist.reports.changes.redline import render_redline
from dutylist.reports.changes.revisions import AUTHOR
from tests.diff.revisions import revisions
from tests.reports.revision_pair import pair
from tests.strategies import duty_lists

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WHEN = dt.datetime(2025, 3, 1, tzinfo=dt.UTC)


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


@pytest.fixture(scope="module")
def body() -> etree._Element:
    _, _, changeset = pair()
    return _document(render_redline(changeset, when=WHEN))


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


def _plain(duty_list: DutyList) -> etree._Element:
    return _document(render_redline(diff_lists(duty_list, duty_list)))


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
    old, new = pair_
    redline = _document(render_redline(diff_lists(old, new)))
    items = lambda rows: [row for row in rows if len(row) > 1]  # noqa: E731
    assert items(_rows(_resolve(redline, accept=True))) == items(_rows(_plain(new)))
    assert items(_rows(_resolve(redline, accept=False))) == items(_rows(_plain(old)))


def _document_xml(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read("word/document.xml")


def test_the_change_set_alone_gives_the_document_the_new_list_gave() -> None:
    _, new, changeset = pair()
    with pytest.warns(DeprecationWarning, match="render_redline"):
        given = render_redline(changeset, new, when=WHEN)
    assert _document_xml(render_redline(changeset, when=WHEN)) == _document_xml(given)
    assert render_changes(changeset, "redline")[:4] == b"PK\x03\x04"


def test_the_deprecated_list_still_renders_a_change_set_read_from_json() -> None:
    _, new, changeset = pair()
    read = loads(dumps(changeset))
    with pytest.warns(DeprecationWarning, match="render_redline"):
        given = render_redline(read, new, when=WHEN)
    assert _document_xml(given) == _document_xml(render_redline(changeset, when=WHEN))


def test_a_renamed_heading_is_tracked_after_the_json_round_trip() -> None:
    _, new, changeset = pair()
    (renamed,) = [c for c in changeset.categories if c.kind is CategoryChangeKind.RENAMED]
    assert renamed.old is not None
    assert renamed.new is not None
    read = loads(dumps(changeset))
    assert read.categories == changeset.categories  # the heading's edits came back
    with pytest.warns(DeprecationWarning, match="render_redline"):
        root = _document(render_redline(read, new, when=WHEN))

    def headings(chosen: etree._Element) -> list[str]:
        return [row[0] for row in _rows(chosen) if len(row) == 1]

    assert renamed.new.heading in headings(_resolve(root, accept=True))
    assert renamed.old.heading in headings(_resolve(root, accept=False))
    inserted = ["".join(e.itertext()) for e in root.iter(q("ins")) if e.getparent().tag == q("p")]
    assert "全面" in inserted  # 五、乡村振兴 → 五、乡村全面振兴: two characters, not the heading


@pytest.mark.parametrize(
    "narrow",
    [
        pytest.param(lambda changeset: loads(dumps(changeset)), id="read-from-json"),
        pytest.param(
            lambda changeset: filter_changes(changeset, substantive_only=True), id="filtered"
        ),
    ],
)
def test_a_change_set_without_the_new_list_is_a_usage_error(
    narrow: Callable[[ChangeSet], ChangeSet],
) -> None:
    _, _, changeset = pair()
    narrowed = narrow(changeset)
    assert narrowed.new_list is None
    with pytest.raises(UsageError, match="新清单"):
        render_redline(narrowed)
    with pytest.raises(UsageError):
        render_changes(narrowed, "redline")


def test_the_json_holds_the_changes_only() -> None:
    _, new, changeset = pair()
    assert changeset.new_list is new
    assert "new_list" not in json.loads(dumps(changeset))
    assert loads(dumps(changeset)).new_list is None
