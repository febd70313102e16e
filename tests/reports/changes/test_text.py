"""The terminal change report: golden file, word-diff marks without colour, ANSI with colour."""

from __future__ import annotations

from dutylist.reports.changes.text import render_text
from tests.reports.revision_pair import EXPECTED, pair


def test_the_report_matches_the_golden_file() -> None:
    _, _, changeset = pair()
    expected = (EXPECTED / "mingzhu-revision.txt").read_text(encoding="utf-8")
    assert render_text(changeset) == expected


def test_without_colour_edits_are_marked_like_a_word_diff() -> None:
    _, _, changeset = pair()
    text = render_text(changeset)
    assert "企业人才{+引进+}服务工作" in text
    assert "[-区人社局-]{+区人力资源和社会保障局+}" in text


def test_with_colour_edits_are_styled_not_marked() -> None:
    _, _, changeset = pair()
    text = render_text(changeset, color=True)
    assert "\x1b[" in text
    assert "{+引进+}" not in text


def test_renumbering_is_summarised_as_runs() -> None:
    _, _, changeset = pair()
    text = render_text(changeset)
    assert f"仅序号变化（{len(changeset.renumbered)} 项" in text
    assert text.count("→") < len(changeset.renumbered)
