"""The terminal change report: golden file, word-diff marks without colour, ANSI with colour."""

from __future__ import annotations

import attrs

from dutylist.diff import diff_lists
from dutylist.model import DutyList, PartKind
from dutylist.reports.changes.markdown import render_markdown
from dutylist.reports.changes.text import render_text
from tests.diff import edits
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


def test_a_clause_moved_without_rewording_is_shown_once_at_its_new_place(
    mingzhu: DutyList,
) -> None:
    kind, category, index = PartKind.COOPERATIVE, 0, 1
    item = edits.item_at(mingzhu, kind, category, index)
    first, second, *rest = item.local_duties
    swapped = (
        attrs.evolve(second, number=first.number),
        attrs.evolve(first, number=second.number),
        *rest,
    )
    revised = edits.edit(mingzhu, kind, category, index, local_duties=swapped)
    changeset = diff_lists(mingzhu, revised)
    moved = f"第2条→第1条（调整顺序，格式）：{second.text}"
    assert f"{moved}\n" in render_text(changeset)
    assert f"{moved} → " not in render_text(changeset)
    assert f"- 街道配合职责{moved}\n" in render_markdown(changeset)
