"""The Markdown change report: golden file, anchors, marks."""

from __future__ import annotations

from dutylist.diff import diff_lists
from dutylist.diff.changes import ChangeKind
from dutylist.reports.changes.markdown import escape, render_markdown
from tests.reports.revision_pair import EXPECTED, pair


def test_the_report_matches_the_golden_file() -> None:
    _, _, changeset = pair()
    expected = (EXPECTED / "mingzhu-revision.md").read_text(encoding="utf-8")
    assert render_markdown(changeset) == expected


def test_every_change_has_an_anchor_in_reading_order() -> None:
    _, _, changeset = pair()
    text = render_markdown(changeset)
    positions = [
        text.index(f'<a id="change-{n}"></a>') for n in range(1, len(changeset.changes) + 1)
    ]
    assert positions == sorted(positions)


def test_inline_edits_are_struck_and_bold() -> None:
    _, _, changeset = pair()
    text = render_markdown(changeset)
    assert "企业人才**引进**服务工作" in text
    assert "~~区人社局~~**区人力资源和社会保障局**" in text


def test_every_kind_is_in_the_reference_revision() -> None:
    _, _, changeset = pair()
    assert {change.kind for change in changeset.changes} == set(ChangeKind)


def test_no_differences_says_so() -> None:
    old, _, _ = pair()
    text = render_markdown(diff_lists(old, old))
    assert "## 事项变更" not in text
    assert "no differences" in text


def test_markdown_specials_are_escaped() -> None:
    assert escape("a*b_c|d") == r"a\*b\_c\|d"


def test_category_ordinals_shifted_by_an_insertion_are_one_line() -> None:
    import attrs

    from dutylist.model import BasicItem, Category, PartKind
    from tests.diff import edits

    old, _, _ = pair()
    part = edits.part(old, PartKind.BASIC)
    shifted = [attrs.evolve(c, ordinal=(c.ordinal or 0) + 1) for c in part.categories]
    added = Category(
        ordinal=1,
        title="基层治理",
        heading="一、基层治理（1项）",
        declared_count=1,
        items=(BasicItem(number=1, name="组织开展基层治理能力提升行动"),),
    )
    revised = edits.replace_part(old, attrs.evolve(part, categories=(added, *shifted)))
    changeset = diff_lists(old, edits.renumber(revised))
    text = render_markdown(changeset)
    kinds = [change.kind.value for change in changeset.categories]
    assert kinds.count("added") == 1
    assert kinds.count("renumbered") == len(part.categories)
    assert f"{len(part.categories)} 个类别仅序号变化" in text
    assert "序号 1 → 2" not in text
