"""Revision pairs built from the reference list with known edits: each must be found exactly."""

from __future__ import annotations

import time

import attrs
import pytest

from dutylist.departments.registry import registry_for
from dutylist.diff import diff_lists
from dutylist.diff.align import MATCH_THRESHOLD, align
from dutylist.diff.changes import ChangeClass, ChangeKind, FieldOp
from dutylist.diff.entries import entries, similarity
from dutylist.model import BasicItem, CooperativeItem, Department, DutyList, PartKind
from tests.diff import edits

B, C, R = PartKind.BASIC, PartKind.COOPERATIVE, PartKind.RECALLED


def kinds(duty_list: DutyList, revised: DutyList) -> list[str]:
    return sorted(change.kind.value for change in diff_lists(duty_list, revised).changes)


def test_an_inserted_item_only_renumbers_the_items_after_it(mingzhu: DutyList) -> None:
    item = BasicItem(number=1, name="组织开展辖区楼宇经济调查统计工作")
    revised = edits.renumber(edits.insert(mingzhu, B, 0, 0, item))
    changeset = diff_lists(mingzhu, revised)
    assert [change.kind for change in changeset.changes] == [ChangeKind.ADDED]
    assert changeset.changes[0].new[0].number == 1
    assert len(changeset.renumbered) == 93
    assert {(r.old_number, r.new_number) for r in changeset.renumbered} == {
        (n, n + 1) for n in range(1, 94)
    }
    assert changeset.count(ChangeKind.MODIFIED) == 0


def test_an_edited_name_is_one_modified_item_with_the_name_change(mingzhu: DutyList) -> None:
    old_name = edits.item_at(mingzhu, C, 1, 1).name
    assert old_name == "企业人才服务工作"
    revised = edits.edit(mingzhu, C, 1, 1, name="企业人才引进服务工作")
    changeset = diff_lists(mingzhu, revised)
    assert len(changeset.changes) == 1
    change = changeset.changes[0]
    assert change.kind is ChangeKind.MODIFIED
    assert (change.old[0].name, change.new[0].name) == (old_name, "企业人才引进服务工作")
    assert [(f.field, f.op) for f in change.fields] == [("name", FieldOp.CHANGED)]
    assert change.classification is ChangeClass.SUBSTANTIVE
    assert changeset.renumbered == ()


def test_a_renamed_item_with_the_same_duties_is_still_matched(mingzhu: DutyList) -> None:
    revised = edits.edit(mingzhu, C, 2, 1, name="居家和社区养老服务管理")
    changeset = diff_lists(mingzhu, revised)
    assert kinds(mingzhu, revised) == ["modified"]
    assert changeset.changes[0].fields[0].field == "name"


def test_a_cooperative_item_taken_back_is_one_move_to_the_recalled_list(
    mingzhu: DutyList,
) -> None:
    moved = edits.item_at(mingzhu, C, 2, 2)
    revised = edits.renumber(edits.move(mingzhu, (C, 2, 2), (R, 2, 0)))
    changeset = diff_lists(mingzhu, revised)
    assert [change.kind for change in changeset.changes] == [ChangeKind.MOVED]
    change = changeset.changes[0]
    assert (change.old[0].part, change.new[0].part) == (C, R)
    assert change.old[0].name == change.new[0].name == moved.name
    assert {f.field for f in change.fields} >= {"working_method", "superior_duties"}
    # the items after it in both parts were renumbered, not reported as edits
    assert {r.part for r in changeset.renumbered} == {C, R}


def test_a_move_between_categories_is_one_move(mingzhu: DutyList) -> None:
    revised = edits.renumber(edits.move(mingzhu, (B, 1, 0), (B, 9, 0)))
    changeset = diff_lists(mingzhu, revised)
    assert [change.kind for change in changeset.changes] == [ChangeKind.MOVED]
    change = changeset.changes[0]
    assert (change.old[0].category, change.new[0].category) == ("经济发展", "综合政务")
    assert change.fields == ()


def test_unrelated_items_are_not_matched(mingzhu: DutyList) -> None:
    added = BasicItem(number=5, name="组织开展辖区冬季冰雪旅游节庆活动")
    revised = edits.insert(edits.remove(mingzhu, B, 0, 4), B, 0, 4, added)
    assert kinds(mingzhu, revised) == ["added", "removed"]


def test_every_unrelated_pair_scores_below_the_threshold(mingzhu: DutyList) -> None:
    items = entries(mingzhu)
    basic = [entry for entry in items if entry.part is B][:30]
    scores = [similarity(a, b) for a in basic for b in basic if a is not b]
    assert max(scores) < MATCH_THRESHOLD


def test_a_split_links_the_old_item_to_both_new_items(mingzhu: DutyList) -> None:
    whole = edits.item_at(mingzhu, C, 2, 3)
    assert isinstance(whole, CooperativeItem)
    first = attrs.evolve(
        whole,
        name="生活无着流浪乞讨人员救助工作",
        superior_duties=whole.superior_duties[:1],
        local_duties=whole.local_duties[:1],
    )
    second = attrs.evolve(
        whole,
        name="精神障碍社区康复服务工作",
        superior_duties=whole.superior_duties[1:],
        local_duties=whole.local_duties[1:],
    )
    revised = edits.edit(mingzhu, C, 2, 3, **attrs.asdict(first, recurse=False))
    revised = edits.renumber(edits.insert(revised, C, 2, 4, second))
    changeset = diff_lists(mingzhu, revised)
    assert [change.kind for change in changeset.changes] == [ChangeKind.SPLIT]
    change = changeset.changes[0]
    assert [ref.name for ref in change.old] == [whole.name]
    assert [ref.name for ref in change.new] == [first.name, second.name]


def test_a_merge_links_both_old_items_to_the_new_item(mingzhu: DutyList) -> None:
    one, two = edits.item_at(mingzhu, C, 1, 0), edits.item_at(mingzhu, C, 1, 1)
    assert isinstance(one, CooperativeItem)
    assert isinstance(two, CooperativeItem)
    merged = attrs.evolve(
        one,
        name="现代服务业集聚区专项资金发放及企业人才服务工作",
        superior_duties=one.superior_duties + two.superior_duties,
        local_duties=one.local_duties + two.local_duties,
    )
    revised = edits.remove(
        edits.edit(mingzhu, C, 1, 0, **attrs.asdict(merged, recurse=False)), C, 1, 1
    )
    changeset = diff_lists(mingzhu, edits.renumber(revised))
    assert [change.kind for change in changeset.changes] == [ChangeKind.MERGED]
    assert [ref.name for ref in changeset.changes[0].old] == [one.name, two.name]


def test_clause_edits_are_reported_clause_by_clause(mingzhu: DutyList) -> None:
    item = edits.item_at(mingzhu, C, 2, 0)
    assert isinstance(item, CooperativeItem)
    local = list(item.local_duties)
    local[0] = attrs.evolve(local[0], text=local[0].text.replace("组织", "定期组织"))
    local.append(edits.clause("建立儿童关爱服务台账。", 4))
    revised = edits.edit(mingzhu, C, 2, 0, local_duties=tuple(local))
    (change,) = diff_lists(mingzhu, revised).changes
    assert [(f.field, f.op, f.old_clause, f.new_clause) for f in change.fields] == [
        ("local_duties", FieldOp.CHANGED, 1, 1),
        ("local_duties", FieldOp.ADDED, None, 4),
    ]
    inserted = [edit.text for edit in change.fields[0].edits if edit.op.value == "insert"]
    assert inserted == ["定期"]


def test_punctuation_only_edits_are_cosmetic(mingzhu: DutyList) -> None:
    item = edits.item_at(mingzhu, C, 2, 0)
    assert isinstance(item, CooperativeItem)
    clause = item.local_duties[0]
    local = (attrs.evolve(clause, text=clause.text.replace("。", "；")), *item.local_duties[1:])
    revised = edits.edit(mingzhu, C, 2, 0, local_duties=local)
    (change,) = diff_lists(mingzhu, revised).changes
    assert change.classification is ChangeClass.COSMETIC


def test_a_respelled_department_is_cosmetic_with_a_registry(mingzhu: DutyList) -> None:
    revised = edits.edit(mingzhu, C, 2, 0, departments=(Department(name="南关区民政局"),))
    (plain,) = diff_lists(mingzhu, revised).changes
    (registered,) = diff_lists(mingzhu, revised, registry=registry_for(mingzhu)).changes
    assert plain.classification is ChangeClass.SUBSTANTIVE
    assert registered.classification is ChangeClass.COSMETIC
    assert registered.fields[0].field == "departments"


def test_category_renames_and_counts_are_category_changes(mingzhu: DutyList) -> None:
    part = edits.part(mingzhu, B)
    categories = list(part.categories)
    categories[4] = attrs.evolve(categories[4], title="乡村全面振兴", declared_count=3)
    revised = edits.replace_part(mingzhu, attrs.evolve(part, categories=tuple(categories)))
    changeset = diff_lists(mingzhu, revised)
    assert changeset.changes == ()
    assert [
        (c.kind.value, c.old and c.old.title, c.new and c.new.title) for c in changeset.categories
    ] == [
        ("renamed", "乡村振兴", "乡村全面振兴"),
        ("count-changed", "乡村振兴", "乡村全面振兴"),
    ]


def test_the_summary_counts_changes_per_part_and_department(mingzhu: DutyList) -> None:
    revised = edits.renumber(edits.move(mingzhu, (C, 2, 2), (R, 2, 0)))
    summary = diff_lists(mingzhu, revised).summary
    by_part = {entry.part: entry.tally for entry in summary.parts}
    assert by_part[C].moved_out == 1
    assert by_part[R].moved_in == 1
    assert by_part[R].renumbered > 0


def test_alignment_is_quick_on_the_reference_list(mingzhu: DutyList) -> None:
    revised = edits.renumber(edits.move(mingzhu, (C, 2, 2), (R, 2, 0)))
    diff_lists(mingzhu, revised)
    started = time.perf_counter()
    align(mingzhu, revised)
    diff_lists(mingzhu, revised)
    assert time.perf_counter() - started < 0.5


@pytest.mark.parametrize("removed", [0, 5, 20])
def test_removing_items_reports_exactly_those(mingzhu: DutyList, removed: int) -> None:
    revised = edits.renumber(edits.remove(mingzhu, C, 6, removed))
    assert kinds(mingzhu, revised) == ["removed"]


def test_a_merge_that_keeps_one_name_is_still_a_merge(mingzhu: DutyList) -> None:
    one, two = edits.item_at(mingzhu, C, 6, 19), edits.item_at(mingzhu, C, 6, 20)
    assert isinstance(one, CooperativeItem)
    assert isinstance(two, CooperativeItem)
    merged = attrs.evolve(
        one,
        superior_duties=one.superior_duties + two.superior_duties,
        local_duties=one.local_duties + two.local_duties,
    )
    revised = edits.edit(mingzhu, C, 6, 19, **attrs.asdict(merged, recurse=False))
    changeset = diff_lists(mingzhu, edits.renumber(edits.remove(revised, C, 6, 20)))
    assert [change.kind for change in changeset.changes] == [ChangeKind.MERGED]
    assert [ref.name for ref in changeset.changes[0].old] == [one.name, two.name]
    assert [ref.name for ref in changeset.changes[0].new] == [one.name]


def test_a_split_that_keeps_the_old_name_is_still_a_split(mingzhu: DutyList) -> None:
    whole = edits.item_at(mingzhu, C, 2, 1)
    assert isinstance(whole, CooperativeItem)
    assert whole.name == "养老服务工作"
    superior, local = list(whole.superior_duties), list(whole.local_duties)
    taken = (superior.pop(1), local.pop(1))
    kept = attrs.evolve(whole, superior_duties=tuple(superior), local_duties=tuple(local))
    part = attrs.evolve(
        whole, name="老年人巡访关爱服务工作", superior_duties=taken[:1], local_duties=taken[1:]
    )
    revised = edits.edit(mingzhu, C, 2, 1, **attrs.asdict(kept, recurse=False))
    revised = edits.renumber(edits.insert(revised, C, 2, 2, part))
    changeset = diff_lists(mingzhu, revised)
    assert [change.kind for change in changeset.changes] == [ChangeKind.SPLIT]
    assert [ref.name for ref in changeset.changes[0].new] == [whole.name, part.name]


def test_a_cooperative_item_taken_back_and_renamed_is_one_move(mingzhu: DutyList) -> None:
    revised = edits.move(mingzhu, (C, 2, 2), (R, 2, 0))
    revised = edits.renumber(edits.edit(revised, R, 2, 0, name="慈善助学资助工作"))
    changeset = diff_lists(mingzhu, revised)
    assert [change.kind for change in changeset.changes] == [ChangeKind.MOVED]
    assert changeset.changes[0].fields[0].field == "name"


def test_a_generated_3000_item_pair_is_aligned_without_comparing_all_pairs(
    mingzhu: DutyList,
) -> None:
    from tests.diff.generated import generated_list, generated_revision

    old = generated_list(mingzhu, 3000)
    new = generated_revision(old, seed=3)
    started = time.perf_counter()
    changeset = diff_lists(old, new)
    elapsed = time.perf_counter() - started
    # all-pairs similarity would be about 9 million comparisons: many seconds
    assert elapsed < 5
    assert changeset.count(ChangeKind.MODIFIED) > 0
    assert len(changeset.renumbered) > 1000
