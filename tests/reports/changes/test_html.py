"""The HTML change report: golden file, self-contained, anchors, side by side."""

from __future__ import annotations

import html.parser
import re

from dutylist.diff import diff_lists
from dutylist.reports.changes.html import render_html
from tests.reports.revision_pair import EXPECTED, pair


class _Collector(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.links: list[str] = []
        self.sources: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.tags.append(tag)
        if found.get("id"):
            self.ids.append(found["id"] or "")
        if tag == "a" and found.get("href"):
            self.links.append(found["href"] or "")
        for name in ("src", "srcset"):
            if found.get(name):
                self.sources.append(found[name] or "")
        if tag == "link":
            self.sources.append(found.get("href") or "")


def _parse(text: str) -> _Collector:
    collector = _Collector()
    collector.feed(text)
    return collector


def test_the_report_matches_the_golden_file() -> None:
    _, _, changeset = pair()
    expected = (EXPECTED / "mingzhu-revision.html").read_text(encoding="utf-8")
    assert render_html(changeset) == expected


def test_the_page_is_self_contained() -> None:
    _, _, changeset = pair()
    page = _parse(render_html(changeset))
    assert page.sources == []
    assert "script" not in page.tags
    assert all(link.startswith("#") for link in page.links)


def test_every_change_has_an_anchor_that_the_contents_link_to() -> None:
    _, _, changeset = pair()
    page = _parse(render_html(changeset))
    anchors = [f"change-{n}" for n in range(1, len(changeset.changes) + 1)]
    assert [i for i in page.ids if i.startswith("change-")] == anchors
    assert {f"#{a}" for a in anchors} <= set(page.links)


def test_edits_are_highlighted_on_both_sides() -> None:
    _, _, changeset = pair()
    text = render_html(changeset)
    assert "<del>区人社局</del>" in text
    assert "<ins>区人力资源和社会保障局</ins>" in text
    assert "企业人才<ins>引进</ins>服务工作" in text


def test_text_is_escaped() -> None:
    old, _, _ = pair()
    text = render_html(diff_lists(old, old))
    assert re.search(r"<title>[^<]*</title>", text)
    assert "两个版本内容相同" in text
