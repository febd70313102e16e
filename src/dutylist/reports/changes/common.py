"""What every change report says the same way: labels, counts, renumbering ranges.

The renderers (text, Markdown, HTML, .docx) differ only in markup; the words come from here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from dutylist.diff.changes import (
    CategoryChange,
    CategoryChangeKind,
    Change,
    ChangeKind,
    ChangeSet,
    FieldChange,
    FieldOp,
    ItemRef,
    ListRef,
    Systemic,
)
from dutylist.diff.inline import normalize
from dutylist.diff.systemic import explained
from dutylist.fields import field_label
from dutylist.messages import N_, _, ngettext
from dutylist.model import (
    Department,
    PartKind,
)
from dutylist.wording import part_title

KIND_LABELS = {
    ChangeKind.ADDED: N_("新增"),
    ChangeKind.REMOVED: N_("取消"),
    ChangeKind.MODIFIED: N_("变更"),
    ChangeKind.MOVED: N_("转类"),
    ChangeKind.SPLIT: N_("分设"),
    ChangeKind.MERGED: N_("合并"),
}
"""The adjustment types (调整类型) of a revision request, by change kind (untranslated)."""

OP_LABELS = {
    FieldOp.CHANGED: N_("修改"),
    FieldOp.ADDED: N_("增加"),
    FieldOp.REMOVED: N_("删除"),
    FieldOp.REORDERED: N_("调整顺序"),
}
"""What happened to a field or clause."""

CATEGORY_LABELS = {
    CategoryChangeKind.ADDED: N_("新增类别"),
    CategoryChangeKind.REMOVED: N_("取消类别"),
    CategoryChangeKind.RENAMED: N_("类别更名"),
    CategoryChangeKind.COUNT_CHANGED: N_("事项数变化"),
    CategoryChangeKind.RENUMBERED: N_("类别序号变化"),
    CategoryChangeKind.REORDERED: N_("类别调序"),
    CategoryChangeKind.SPLIT: N_("类别分设"),
    CategoryChangeKind.MERGED: N_("类别合并"),
}
"""What happened to a category heading."""


def op_label(op: FieldOp) -> str:
    """Return what happened to a field (修改, 增加 …) in the language in use."""
    return _(OP_LABELS[op])


TALLY_COLUMNS = (
    ("added", N_("新增")),
    ("removed", N_("取消")),
    ("modified", N_("变更")),
    ("moved_in", N_("转入")),
    ("moved_out", N_("转出")),
    ("split", N_("分设")),
    ("merged", N_("合并")),
    ("renumbered", N_("仅序号变化")),
)
"""The columns of the per-part summary table (labels translated where shown)."""


def version_line(ref: ListRef) -> str:
    """Return one version as a report header names it: label, then title, date and file.

    E.g. ``2024版 · 明珠街道履行职责事项清单 · 2024-05-01 · examples/mingzhu.json``; the
    label is ``--label`` or the list's ``metadata.version`` and is left out when neither
    gives one.
    """
    pieces = [ref.version, ref.title]
    if ref.published is not None:
        pieces.append(ref.published.isoformat())
    pieces.append(ref.source_file)
    return " · ".join(piece for piece in pieces if piece)


def version_lines(changeset: ChangeSet) -> list[tuple[str, str]]:
    """Return ``(原版本, line)`` and ``(新版本, line)`` for a report's header."""
    return [(_("原版本"), version_line(changeset.old)), (_("新版本"), version_line(changeset.new))]


def report_title(changeset: ChangeSet) -> str:
    """Return the report's title, naming the versions: ``清单变更对照：2024版 → 2025版``."""
    old, new = changeset.old.version, changeset.new.version
    if old is None and new is None:
        return _("清单变更对照")
    return _("清单变更对照：{old} → {new}").format(old=old or _("原版本"), new=new or _("新版本"))


def kind_label(change: Change) -> str:
    """Return the adjustment type of a change; a move inside one category is 调序."""
    if (
        change.kind is ChangeKind.MOVED
        and change.old[0].part is change.new[0].part
        and (
            change.old[0].category_index == change.new[0].category_index
            or normalize(change.old[0].category) == normalize(change.new[0].category)
        )
    ):
        return _("调序")
    return _(KIND_LABELS[change.kind])


def clause_place(change: FieldChange, label: str) -> str:
    """Return the field ``label`` with where a clause change is in it.

    ``街道配合职责第2条``, ``街道配合职责第2条→第3条``, or the label alone for plain fields.
    """
    old, new = change.old_clause, change.new_clause
    if old is not None and new is not None and old != new:
        return _("{field}第{old}条→第{new}条").format(field=label, old=old, new=new)
    number = new if new is not None else old
    if number is None:
        return label
    return _("{field}第{number}条").format(field=label, number=number)


def lead_names(departments: Iterable[Department]) -> str:
    """Return department names joined by 、, the lead ones marked 牵头."""
    return _("、").join(
        _("{name}牵头").format(name=d.name) if d.lead else d.name for d in departments
    )


def number_text(number: int | None) -> str:
    """Return an item number for display (``—`` when there is none)."""
    return "—" if number is None else str(number)


def ref_text(ref: ItemRef) -> str:
    """Return ``基本履职事项清单 · 党的建设 · 第3项`` for an item reference."""
    return _("{part} · {category} · 第{number}项").format(
        part=part_title(ref.part), category=ref.category, number=number_text(ref.number)
    )


def anchor(index: int) -> str:
    """Return the HTML/Markdown anchor of the change at ``index`` (1-based)."""
    return f"change-{index}"


def headline(changeset: ChangeSet) -> str:
    """Return one line: how many changes of each kind, and how many items renumbered."""
    if changeset.is_empty:
        return _("两个版本内容相同（no differences）。")
    counts = _("，").join(
        _("{kind} {count}").format(kind=_(KIND_LABELS[kind]), count=changeset.count(kind))
        for kind in ChangeKind
        if changeset.count(kind)
    )
    changes = len(changeset.changes)
    pieces = [
        ngettext("{count} 处事项变更：{counts}", "{count} 处事项变更：{counts}", changes).format(
            count=changes, counts=counts
        )
        if counts
        else ngettext("{count} 处事项变更", "{count} 处事项变更", changes).format(count=changes)
    ]
    if changeset.systemic:
        pieces.append(_("系统性变更 {count} 处").format(count=len(changeset.systemic)))
    if changeset.categories:
        pieces.append(
            ngettext(
                "类别变化 {count} 处", "类别变化 {count} 处", len(changeset.categories)
            ).format(count=len(changeset.categories))
        )
    if changeset.renumbered:
        pieces.append(
            ngettext(
                "{count} 项仅序号变化（不计为变更）",
                "{count} 项仅序号变化（不计为变更）",
                len(changeset.renumbered),
            ).format(count=len(changeset.renumbered))
        )
    return _("{pieces}。").format(pieces=_("；").join(pieces))


def category_text(change: CategoryChange) -> str:
    """Return a category change as one line of text."""
    old, new = change.old, change.new
    if change.kind is CategoryChangeKind.ADDED and new is not None:
        return _("{part}：新增类别「{heading}」").format(
            part=part_title(new.part), heading=new.heading or new.title
        )
    if change.kind is CategoryChangeKind.REMOVED and old is not None:
        return _("{part}：取消类别「{heading}」").format(
            part=part_title(old.part), heading=old.heading or old.title
        )
    assert old is not None  # noqa: S101 - the other kinds have both sides
    assert new is not None  # noqa: S101
    part = part_title(new.part)
    if change.kind is CategoryChangeKind.RENAMED:
        return _("{part}：类别「{old}」更名为「{new}」").format(
            part=part, old=old.title, new=new.title
        )
    if change.kind is CategoryChangeKind.COUNT_CHANGED:
        return _("{part}：类别「{title}」标注事项数 {before} → {after}").format(
            part=part,
            title=new.title,
            before=_declared(old.declared_count),
            after=_declared(new.declared_count),
        )
    regrouped = _REGROUPED.get((change.kind, bool(change.items)))
    if regrouped is not None:
        return _(regrouped).format(part=part, old=old.title, new=new.title, count=len(change.items))
    if change.kind is CategoryChangeKind.REORDERED:
        return _("{part}：类别「{title}」由第{old}类调至第{new}类").format(
            part=part, title=new.title, old=old.index + 1, new=new.index + 1
        )
    return _("{part}：类别「{title}」序号 {old} → {new}").format(
        part=part, title=new.title, old=old.ordinal, new=new.ordinal
    )


_REGROUPED = {
    (CategoryChangeKind.SPLIT, True): N_(
        "{part}：类别「{old}」分设出「{new}」（{count} 项随之划入）"
    ),
    (CategoryChangeKind.SPLIT, False): N_("{part}：类别「{old}」分设出「{new}」"),
    (CategoryChangeKind.MERGED, True): N_(
        "{part}：类别「{old}」并入「{new}」（{count} 项随之并入）"
    ),
    (CategoryChangeKind.MERGED, False): N_("{part}：类别「{old}」并入「{new}」"),
}
"""A split or merge, with the items that went along (True) or without."""


def _declared(count: int | None) -> str:
    return _("未标注") if count is None else _("{count}项").format(count=count)


def changes_by_part(
    changeset: ChangeSet, *, grouped: bool = True
) -> Iterator[tuple[PartKind, list[tuple[int, Change]]]]:
    """Yield each part with its changes (numbered from 1 through the whole set).

    With ``grouped``, a change made only of systemic replacements is left out: it is
    shown under its systemic record (:func:`systemic_groups`).
    """
    hidden = _grouped_changes(changeset) if grouped else set()
    numbered = [
        (index, change)
        for index, change in enumerate(changeset.changes, start=1)
        if index - 1 not in hidden
    ]
    for kind in PartKind:
        found = [
            (index, change)
            for index, change in numbered
            if (change.new[0] if change.new else change.old[0]).part is kind
        ]
        if found:
            yield kind, found


def primary_part(change: Change) -> PartKind:
    """Return the part a change is listed under (where the reader finds it in the new list)."""
    return (change.new[0] if change.new else change.old[0]).part


def renumbered_text(count: int) -> str:
    """Return the sentence introducing the items that were only renumbered."""
    return ngettext(
        "{count} 项事项因前面的增删而重新编号，内容未变：",
        "{count} 项事项因前面的增删而重新编号，内容未变：",
        count,
    ).format(count=count)


def version_text(title: str, source: str | None) -> str:
    """Return a version as ``title（file）``, or the title alone."""
    return _("{title}（{source}）").format(title=title, source=source) if source else title


def category_lines(changeset: ChangeSet) -> list[str]:
    """Return the category changes as lines; ordinal-only changes are summarised in one line."""
    lines = [
        category_text(change)
        for change in changeset.categories
        if change.kind is not CategoryChangeKind.RENUMBERED
    ]
    renumbered = sum(
        1 for change in changeset.categories if change.kind is CategoryChangeKind.RENUMBERED
    )
    if renumbered:
        lines.append(
            ngettext(
                "{count} 个类别仅序号变化（因前面的类别增减）",
                "{count} 个类别仅序号变化（因前面的类别增减）",
                renumbered,
            ).format(count=renumbered)
        )
    return lines


def _grouped_changes(changeset: ChangeSet) -> set[int]:
    """Return the 0-based places of the changes shown under a systemic record instead."""
    if not changeset.systemic:
        return set()
    touched = {index for record in changeset.systemic for index in record.changes}
    return {index for index in touched if explained(changeset.changes[index], changeset.systemic)}


def systemic_text(record: Systemic) -> str:
    """Return a systemic change as one line: what was replaced by what, where, how often."""
    if record.old and record.new:
        what = _("「{old}」改为「{new}」").format(old=record.old, new=record.new)
    elif record.new:
        what = _("增加「{new}」").format(new=record.new)
    else:
        what = _("删除「{old}」").format(old=record.old)
    if record.reform is not None and record.reform.since is not None:
        what += _("（机构改革：{old}更名为{new}，{year}年）").format(
            old=record.reform.old, new=record.reform.new, year=record.reform.since
        )
    elif record.reform is not None:
        what += _("（机构改革：{old}更名为{new}）").format(
            old=record.reform.old, new=record.reform.new
        )
    where = _("、").join(
        dict.fromkeys(field_label(field, part) for part in record.parts for field in record.fields)
    )
    parts = _("、").join(part_title(part) for part in record.parts)
    return _("{what}：{count} 项（{parts}；{where}）").format(
        what=what, count=record.count, parts=parts, where=where
    )


def systemic_groups(changeset: ChangeSet) -> list[tuple[str, list[tuple[int, str]]]]:
    """Return each systemic record's line with its items: (1-based change number, text)."""
    groups = []
    for record in changeset.systemic:
        items = []
        for index in record.changes:
            change = changeset.changes[index]
            ref = change.new[0] if change.new else change.old[0]
            items.append((index + 1, f"{ref_text(ref)} {ref.name}"))
        groups.append((systemic_text(record), items))
    return groups
