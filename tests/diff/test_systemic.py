"""Systemic changes: one replacement in many items is reported once, with its items."""

from __future__ import annotations

from dutylist.diff import apply, diff_lists
from dutylist.diff.changes import ChangeKind, FieldOp, Systemic
from dutylist.diff.content import content
from dutylist.model import CooperativeItem, DutyList, Item, PartKind, RecalledItem
from dutylist.reports.changes.html import render_html
from dutylist.reports.changes.markdown import render_markdown
from dutylist.reports.changes.text import render_text
from tests.diff import edits


def _naming(duty_list: DutyList, department: str) -> list[str]:
    names = []
    for item in duty_list.items:
        if isinstance(item, CooperativeItem):
            departments = item.departments
        elif isinstance(item, RecalledItem):
            departments = item.receiving_departments
        else:
            continue
        if any(d.name == department for d in departments):
            names.append(item.name)
    return names


def test_a_renamed_department_is_one_systemic_record(mingzhu: DutyList) -> None:
    revised = edits.rename_department(mingzhu, "区执法局", "区综合行政执法局")
    changeset = diff_lists(mingzhu, revised)
    touched = _naming(mingzhu, "区执法局")
    assert len(touched) == 16
    assert [change.kind for change in changeset.changes] == [ChangeKind.MODIFIED] * 16
    assert [change.new[0].name for change in changeset.changes] == touched
    for change in changeset.changes:
        assert [(f.field, f.op) for f in change.fields] == [("departments", FieldOp.CHANGED)]
    assert changeset.systemic == (
        Systemic(
            old="区执法局",
            new="区综合行政执法局",
            fields=("departments",),
            parts=(PartKind.COOPERATIVE, PartKind.RECALLED),
            changes=tuple(range(16)),
        ),
    )
    line = (
        "「区执法局」改为「区综合行政执法局」：16 项"
        "（配合履职事项清单、上级部门收回事项清单；对应上级部门、承接部门）"
    )
    text = render_text(changeset, width=400)
    assert "16 处事项变更：变更 16；系统性变更 1 处。" in text
    first = "1. 配合履职事项清单 · 生态环保 · 第51项 噪音污染整治工作"
    assert f"系统性变更\n  {line}\n    {first}\n" in text
    # shown under the record, not again as sixteen unrelated edits
    assert "[变更]" not in text
    markdown = render_markdown(changeset)
    assert f"## 系统性变更\n\n- {line}\n  - {first}\n" in markdown
    assert "## 事项变更" not in markdown
    assert line in render_html(changeset)
    assert content(apply(mingzhu, changeset)) == content(revised)


def test_a_replacement_in_two_items_is_not_systemic(mingzhu: DutyList) -> None:
    revised = mingzhu
    for index in (0, 1):
        item = edits.item_at(mingzhu, PartKind.BASIC, 0, index)
        revised = edits.edit(revised, PartKind.BASIC, 0, index, name=item.name + "（试行）")
    assert diff_lists(mingzhu, revised).systemic == ()
    item = edits.item_at(mingzhu, PartKind.BASIC, 0, 2)
    revised = edits.edit(revised, PartKind.BASIC, 0, 2, name=item.name + "（试行）")
    (record,) = diff_lists(mingzhu, revised).systemic
    assert (record.old, record.new, record.fields, record.count) == ("", "（试行）", ("name",), 3)


def test_a_change_with_other_edits_stays_in_the_list(mingzhu: DutyList) -> None:
    revised = edits.rename_department(mingzhu, "区执法局", "区综合行政执法局")
    item = edits.item_at(revised, PartKind.COOPERATIVE, 5, 0)
    revised = edits.edit(revised, PartKind.COOPERATIVE, 5, 0, name=item.name + "和监督")
    changeset = diff_lists(mingzhu, revised)
    assert changeset.systemic[0].count == 16
    text = render_text(changeset, width=400)
    assert text.count("[变更]") == 1


def _rename_in(duty_list: DutyList, old: str, new: str, limit: int) -> DutyList:
    """Return the list with department ``old`` called ``new`` in the first ``limit`` items."""
    import attrs

    done = 0

    def renamed(item: Item) -> Item:
        nonlocal done
        if not isinstance(item, CooperativeItem) or done >= limit:
            return item
        if not any(d.name == old for d in item.departments):
            return item
        done += 1
        departments = tuple(
            attrs.evolve(d, name=new, printed=None) if d.name == old else d
            for d in item.departments
        )
        return attrs.evolve(item, departments=departments)

    part = edits.part(duty_list, PartKind.COOPERATIVE)
    categories = tuple(
        attrs.evolve(c, items=tuple(renamed(i) for i in c.items)) for c in part.categories
    )
    return edits.replace_part(duty_list, attrs.evolve(part, categories=categories))


def test_a_rename_the_registry_declares_is_systemic_from_one_item(mingzhu: DutyList) -> None:
    from dutylist.departments.registry import Rename, registry_for

    registry = registry_for(mingzhu)
    revised = _rename_in(mingzhu, "区政数局", "区数据局", 2)
    changeset = diff_lists(mingzhu, revised, registry=registry)
    assert [(c.kind, c.new[0].name) for c in changeset.changes] == [
        (ChangeKind.MODIFIED, name) for name in _naming(mingzhu, "区政数局")[:2]
    ]
    assert changeset.systemic == (
        Systemic(
            old="区政数局",
            new="区数据局",
            fields=("departments",),
            parts=(PartKind.COOPERATIVE,),
            changes=(0, 1),
            reform=Rename(old="政务服务和数据管理局", new="数据局", since=2024),
        ),
    )
    first = changeset.changes[0].new[0]
    line = (
        "「区政数局」改为「区数据局」（机构改革：政务服务和数据管理局更名为数据局，2024年）"
        "：2 项（配合履职事项清单；对应上级部门）"
    )
    text = render_text(changeset, width=400)
    assert "2 处事项变更：变更 2；系统性变更 1 处。" in text
    assert f"系统性变更\n  {line}\n    1. 配合履职事项清单 · {first.category} · " in text
    assert line in render_markdown(changeset)
    assert content(apply(mingzhu, changeset)) == content(revised)
    # without the registry, two items are not a pattern
    assert diff_lists(mingzhu, revised).systemic == ()


def test_a_rename_the_registry_does_not_declare_needs_three_items(mingzhu: DutyList) -> None:
    from dutylist.departments.registry import registry_for

    registry = registry_for(mingzhu)
    revised = _rename_in(mingzhu, "区执法局", "区综合行政执法局", 2)
    assert diff_lists(mingzhu, revised, registry=registry).systemic == ()
    revised = _rename_in(mingzhu, "区执法局", "区综合行政执法局", 3)
    (record,) = diff_lists(mingzhu, revised, registry=registry).systemic
    assert (record.old, record.new, record.count, record.reform) == (
        "区执法局",
        "区综合行政执法局",
        3,
        None,
    )
