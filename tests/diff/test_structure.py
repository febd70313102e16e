"""Category-level changes: categories are known by their title, not by their place."""

from __future__ import annotations

import attrs

from dutylist.diff import apply, diff_lists
from dutylist.diff.changes import (
    CategoryChange,
    CategoryChangeKind,
    CategoryRef,
    ChangeSet,
    EditOp,
    InlineEdit,
)
from dutylist.diff.content import content
from dutylist.diff.inline import new_text, old_text
from dutylist.model import DutyList, PartKind
from dutylist.reports.changes.markdown import render_markdown
from dutylist.reports.changes.text import render_text
from tests.diff import edits

RECALLED = PartKind.RECALLED


def ref(part: PartKind, index: int, ordinal: int, title: str, count: int) -> CategoryRef:
    from dutylist.numerals import to_chinese_number

    return CategoryRef(
        part=part,
        index=index,
        ordinal=ordinal,
        title=title,
        declared_count=count,
        heading=f"{to_chinese_number(ordinal)}、{title}（{count}项）",
    )


def tracked(*segments: str) -> tuple[InlineEdit, ...]:
    """Return inline edits written as ``"=kept"``, ``"-deleted"``, ``"+inserted"``."""
    ops = {"=": EditOp.EQUAL, "-": EditOp.DELETE, "+": EditOp.INSERT}
    return tuple(InlineEdit(op=ops[segment[0]], text=segment[1:]) for segment in segments)


def headings_tracked(changeset: ChangeSet) -> tuple[CategoryChange, ...]:
    """Check each record's heading edits lead from the old heading to the new; drop them.

    Records of a category kept in place carry edits exactly when its heading (as shown:
    the title for an empty one) is printed otherwise; added, removed, split and merged
    records carry none.
    """
    regrouped = {
        CategoryChangeKind.ADDED,
        CategoryChangeKind.REMOVED,
        CategoryChangeKind.SPLIT,
        CategoryChangeKind.MERGED,
    }
    for change in changeset.categories:
        if change.kind in regrouped or change.old is None or change.new is None:
            assert change.edits == ()
            continue
        before = change.old.heading or change.old.title
        after = change.new.heading or change.new.title
        assert bool(change.edits) == (before != after)
        if change.edits:
            assert (old_text(change.edits), new_text(change.edits)) == (before, after)
    return tuple(attrs.evolve(change, edits=()) for change in changeset.categories)


def test_swapped_categories_are_one_reorder_and_no_item_moves(mingzhu: DutyList) -> None:
    swapped = edits.arrange_categories(mingzhu, RECALLED, [1, 0, 2, 3, 4, 5, 6, 7, 8])
    changeset = diff_lists(mingzhu, swapped)
    assert changeset.changes == ()
    assert changeset.categories == (
        CategoryChange(
            kind=CategoryChangeKind.RENUMBERED,
            old=ref(RECALLED, 1, 2, "经济发展", 5),
            new=ref(RECALLED, 0, 1, "经济发展", 5),
            edits=tracked("-二", "+一", "=、经济发展（5项）"),
        ),
        CategoryChange(
            kind=CategoryChangeKind.REORDERED,
            old=ref(RECALLED, 0, 1, "党的建设", 2),
            new=ref(RECALLED, 1, 2, "党的建设", 2),
            edits=tracked("-一", "+二", "=、党的建设（2项）"),
        ),
    )
    assert [(r.old_number, r.new_number) for r in changeset.renumbered] == [
        (3, 1),
        (4, 2),
        (5, 3),
        (6, 4),
        (7, 5),
        (1, 6),
        (2, 7),
    ]
    text = render_text(changeset)
    assert "0 处事项变更；类别变化 2 处；7 项仅序号变化（不计为变更）。" in text
    assert "上级部门收回事项清单：类别「党的建设」由第1类调至第2类\n" in text
    assert "新增类别" not in text
    assert "取消类别" not in text
    assert "转类" not in text
    markdown = render_markdown(changeset)
    assert "- 上级部门收回事项清单：类别「党的建设」由第1类调至第2类\n" in markdown
    assert content(apply(mingzhu, changeset)) == content(swapped)


def test_a_category_moved_far_is_the_one_reordered(mingzhu: DutyList) -> None:
    order = [0, 2, 3, 4, 5, 6, 7, 1, 8]  # 经济发展 (5 items) goes to the end
    moved = edits.arrange_categories(mingzhu, RECALLED, order)
    changeset = diff_lists(mingzhu, moved)
    reordered = [c for c in changeset.categories if c.kind is CategoryChangeKind.REORDERED]
    assert [(c.old.index, c.new.index) for c in reordered if c.old and c.new] == [(1, 7)]
    assert changeset.changes == ()
    assert content(apply(mingzhu, changeset)) == content(moved)


def test_a_renamed_category_is_matched_by_its_items(mingzhu: DutyList) -> None:
    renamed = edits.rename_category(mingzhu, PartKind.COOPERATIVE, 2, "社会事务")
    changeset = diff_lists(mingzhu, renamed)
    assert changeset.changes == ()
    old = mingzhu.parts[1].categories[2]
    assert headings_tracked(changeset) == (
        CategoryChange(
            kind=CategoryChangeKind.RENAMED,
            old=CategoryRef(
                part=PartKind.COOPERATIVE,
                index=2,
                ordinal=3,
                title="民生服务",
                declared_count=len(old.items),
                heading=old.heading,
            ),
            new=CategoryRef(
                part=PartKind.COOPERATIVE,
                index=2,
                ordinal=3,
                title="社会事务",
                declared_count=len(old.items),
                heading=old.heading.replace("民生服务", "社会事务"),
            ),
        ),
    )
    assert "配合履职事项清单：类别「民生服务」更名为「社会事务」\n" in render_text(changeset)


def test_a_renamed_and_moved_category_is_one_category(mingzhu: DutyList) -> None:
    revised = edits.rename_category(mingzhu, RECALLED, 3, "城乡建设管理")
    revised = edits.arrange_categories(revised, RECALLED, [3, 0, 1, 2, 4, 5, 6, 7, 8])
    changeset = diff_lists(mingzhu, revised)
    kinds = sorted(c.kind.value for c in changeset.categories)
    assert "added" not in kinds
    assert "removed" not in kinds
    assert "renamed" in kinds
    assert changeset.changes == ()
    assert content(apply(mingzhu, changeset)) == content(revised)


def _qualified_split(duty_list: DutyList, category: int, index: int) -> DutyList:
    """Split an item into 「…（宣传）」 and 「…（排查）」, both keeping all its clauses."""
    import attrs

    item = edits.item_at(duty_list, PartKind.COOPERATIVE, category, index)
    revised = edits.remove(duty_list, PartKind.COOPERATIVE, category, index)
    for suffix in ("排查", "宣传"):
        part = attrs.evolve(item, name=f"{item.name}（{suffix}）")
        revised = edits.insert(revised, PartKind.COOPERATIVE, category, index, part)
    return edits.renumber(revised)


def test_a_split_into_qualified_names_keeping_the_clauses(mingzhu: DutyList) -> None:
    from dutylist.diff.changes import Change, ChangeKind, ItemRef

    revised = _qualified_split(mingzhu, 1, 7)
    changeset = diff_lists(mingzhu, revised)
    item = edits.item_at(mingzhu, PartKind.COOPERATIVE, 1, 7)
    parts = edits.part(revised, PartKind.COOPERATIVE).categories[1].items[7:9]

    def at(name: str, number: int) -> ItemRef:
        return ItemRef(
            part=PartKind.COOPERATIVE,
            category="经济发展",
            category_index=1,
            number=number,
            name=name,
            position=number - 1,
        )

    assert changeset.changes == (
        Change(
            kind=ChangeKind.SPLIT,
            old=(at("经济普查和农业普查工作", 13),),
            new=(
                at("经济普查和农业普查工作（宣传）", 13),
                at("经济普查和农业普查工作（排查）", 14),
            ),
            old_items=(item,),
            new_items=parts,
        ),
    )
    assert changeset.categories == ()
    size = sum(len(c.items) for c in edits.part(mingzhu, PartKind.COOPERATIVE).categories)
    assert len(changeset.renumbered) == size - 13  # every later cooperative item
    text = render_text(changeset, width=400)
    assert f"1 处事项变更：分设 1；{size - 13} 项仅序号变化（不计为变更）。" in text
    assert "1. [分设] 经济普查和农业普查工作（宣传）\n" in text
    assert "   原第13项：经济普查和农业普查工作\n" in text
    assert "   新第13项：经济普查和农业普查工作（宣传）\n" in text
    assert "   新第14项：经济普查和农业普查工作（排查）\n" in text
    mirrored = diff_lists(revised, mingzhu)
    assert [change.kind for change in mirrored.changes] == [ChangeKind.MERGED]
    assert content(apply(mingzhu, changeset)) == content(revised)


def test_a_qualified_split_across_categories(mingzhu: DutyList) -> None:
    from dutylist.diff.changes import ChangeKind

    revised = _qualified_split(mingzhu, 0, 1)
    revised = edits.move(revised, (PartKind.COOPERATIVE, 0, 1), (PartKind.COOPERATIVE, 3, 0))
    revised = edits.renumber(revised)
    changeset = diff_lists(mingzhu, revised)
    (change,) = changeset.changes
    assert change.kind is ChangeKind.SPLIT
    assert sorted((ref.category, ref.name) for ref in change.new) == [
        ("党的建设", "新时代志愿服务体系建设（排查）"),
        ("平安法治", "新时代志愿服务体系建设（宣传）"),
    ]


def test_a_category_split_in_two_is_a_split_record(mingzhu: DutyList) -> None:
    import attrs

    part = edits.part(mingzhu, PartKind.COOPERATIVE)
    categories = list(part.categories)
    whole = categories[6]
    assert (whole.title, len(whole.items)) == ("城乡建设", 30)
    kept = attrs.evolve(whole, items=whole.items[:15], declared_count=15)
    kept = attrs.evolve(kept, heading=whole.heading.replace("30", "15"))
    new = attrs.evolve(
        whole,
        title="物业管理",
        heading="七、物业管理（15项）",
        items=whole.items[15:],
        declared_count=15,
    )
    categories[6:7] = [kept, new]
    revised = edits.renumber(
        edits.replace_part(mingzhu, attrs.evolve(part, categories=tuple(categories)))
    )
    changeset = diff_lists(mingzhu, revised)
    assert [
        (c.kind, c.old and c.old.title, c.new and c.new.title) for c in changeset.categories
    ] == [
        (CategoryChangeKind.COUNT_CHANGED, "城乡建设", "城乡建设"),
        (CategoryChangeKind.ADDED, None, "物业管理"),
        (CategoryChangeKind.SPLIT, "城乡建设", "物业管理"),
    ]
    assert changeset.changes == ()  # the 15 items went with the split: none is moved
    start = sum(len(category.items) for category in categories[:6]) + 15
    assert changeset.categories[-1].items == tuple((p, p) for p in range(start, start + 15))
    text = render_text(changeset)
    assert "配合履职事项清单：类别「城乡建设」分设出「物业管理」（15 项随之划入）\n" in text
    assert "转类" not in text
    back = diff_lists(revised, mingzhu)
    merged = [c for c in back.categories if c.kind is CategoryChangeKind.MERGED]
    assert [(c.old.title, c.new.title) for c in merged if c.old and c.new] == [
        ("物业管理", "城乡建设")
    ]
    assert content(apply(mingzhu, changeset)) == content(revised)


def _split_category(duty_list: DutyList, stray: int | None = None) -> DutyList:
    """Split 城乡建设 (30 items) into 城乡建设（规划） and 城乡建设（物业）, 15 items each.

    With ``stray``, that item of the second half goes to 党的建设 instead.
    """
    import attrs

    part = edits.part(duty_list, PartKind.COOPERATIVE)
    categories = list(part.categories)
    whole = categories[6]
    first, second = list(whole.items[:15]), list(whole.items[15:])
    if stray is not None:
        item = second.pop(stray)
        categories[0] = attrs.evolve(categories[0], items=(*categories[0].items, item))
    planning = attrs.evolve(
        whole, title="城乡建设（规划）", heading="七、城乡建设（规划）（15项）", items=tuple(first)
    )
    planning = attrs.evolve(planning, declared_count=15)
    property_ = attrs.evolve(
        whole,
        ordinal=8,
        title="城乡建设（物业）",
        heading="八、城乡建设（物业）（15项）",
        items=tuple(second),
        declared_count=15,
    )
    categories[6:7] = [planning, property_]
    return edits.renumber(
        edits.replace_part(duty_list, attrs.evolve(part, categories=tuple(categories)))
    )


COOPERATIVE = PartKind.COOPERATIVE


def test_a_category_split_under_derived_titles_moves_no_item(mingzhu: DutyList) -> None:
    revised = _split_category(mingzhu)
    changeset = diff_lists(mingzhu, revised)
    start = sum(len(c.items) for c in edits.part(mingzhu, COOPERATIVE).categories[:6])
    old = ref(COOPERATIVE, 6, 7, "城乡建设", 30)
    planning = ref(COOPERATIVE, 6, 7, "城乡建设（规划）", 15)
    property_ = ref(COOPERATIVE, 7, 8, "城乡建设（物业）", 15)
    assert changeset.changes == ()
    assert changeset.renumbered == ()
    assert headings_tracked(changeset) == (
        CategoryChange(kind=CategoryChangeKind.RENAMED, old=old, new=planning),
        CategoryChange(kind=CategoryChangeKind.COUNT_CHANGED, old=old, new=planning),
        CategoryChange(kind=CategoryChangeKind.ADDED, old=None, new=property_),
        CategoryChange(
            kind=CategoryChangeKind.SPLIT,
            old=old,
            new=property_,
            items=tuple((p, p) for p in range(start + 15, start + 30)),
        ),
    )
    text = render_text(changeset)
    assert "0 处事项变更；类别变化 4 处。" in text
    assert (
        "类别变化\n"
        "  配合履职事项清单：类别「城乡建设」更名为「城乡建设（规划）」\n"
        "  配合履职事项清单：类别「城乡建设（规划）」标注事项数 30项 → 15项\n"
        "  配合履职事项清单：新增类别「八、城乡建设（物业）（15项）」\n"
        "  配合履职事项清单：类别「城乡建设」分设出「城乡建设（物业）」（15 项随之划入）\n"
    ) in text
    assert "转类" not in text
    assert content(apply(mingzhu, changeset)) == content(revised)


def test_a_category_merge_moves_no_item(mingzhu: DutyList) -> None:
    split = _split_category(mingzhu)
    changeset = diff_lists(split, mingzhu)
    start = sum(len(c.items) for c in edits.part(mingzhu, COOPERATIVE).categories[:6])
    old = ref(COOPERATIVE, 6, 7, "城乡建设", 30)
    planning = ref(COOPERATIVE, 6, 7, "城乡建设（规划）", 15)
    property_ = ref(COOPERATIVE, 7, 8, "城乡建设（物业）", 15)
    assert changeset.changes == ()
    assert changeset.renumbered == ()
    assert headings_tracked(changeset) == (
        CategoryChange(kind=CategoryChangeKind.RENAMED, old=planning, new=old),
        CategoryChange(kind=CategoryChangeKind.COUNT_CHANGED, old=planning, new=old),
        CategoryChange(
            kind=CategoryChangeKind.MERGED,
            old=property_,
            new=old,
            items=tuple((p, p) for p in range(start + 15, start + 30)),
        ),
        CategoryChange(kind=CategoryChangeKind.REMOVED, old=property_, new=None),
    )
    assert (
        "类别变化\n"
        "  配合履职事项清单：类别「城乡建设（规划）」更名为「城乡建设」\n"
        "  配合履职事项清单：类别「城乡建设」标注事项数 15项 → 30项\n"
        "  配合履职事项清单：类别「城乡建设（物业）」并入「城乡建设」（15 项随之并入）\n"
        "  配合履职事项清单：取消类别「八、城乡建设（物业）（15项）」\n"
    ) in render_text(changeset)
    assert content(apply(split, changeset)) == content(mingzhu)


def test_an_item_leaving_a_split_category_for_another_is_moved(mingzhu: DutyList) -> None:
    from dutylist.diff.changes import ChangeKind

    stray = edits.part(mingzhu, COOPERATIVE).categories[6].items[20]
    revised = _split_category(mingzhu, stray=5)
    changeset = diff_lists(mingzhu, revised)
    assert [
        (c.kind, c.old[0].category, c.new[0].category, c.new[0].name) for c in changeset.changes
    ] == [(ChangeKind.MOVED, "城乡建设", "党的建设", stray.name)]
    split = [c for c in changeset.categories if c.kind is CategoryChangeKind.SPLIT]
    assert [(c.old.title, c.new.title, len(c.items)) for c in split if c.old and c.new] == [
        ("城乡建设", "城乡建设（物业）", 14)
    ]
    text = render_text(changeset)
    assert "1 处事项变更：转类 1" in text
    assert "配合履职事项清单：类别「城乡建设」分设出「城乡建设（物业）」（14 项随之划入）\n" in text
    assert content(apply(mingzhu, changeset)) == content(revised)
