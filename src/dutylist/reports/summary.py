"""The summary that ``dutylist show`` prints: parts, categories, declared vs actual counts."""

from __future__ import annotations

import attrs

from dutylist.messages import _, ngettext
from dutylist.model import DutyList, PartKind
from dutylist.wording import part_short


@attrs.frozen(kw_only=True)
class CategoryCount:
    """One category's counts."""

    part: PartKind
    """The part the category belongs to."""
    heading: str
    """The category heading as printed."""
    declared: int | None
    """The count the heading declares, or None."""
    actual: int
    """The number of items the category holds."""

    @property
    def matches(self) -> bool:
        """Return True when the declared count is absent or equals the actual count."""
        return self.declared is None or self.declared == self.actual


def category_counts(duty_list: DutyList) -> list[CategoryCount]:
    """Return the declared and actual item count of every category, in printed order."""
    return [
        CategoryCount(
            part=part.kind,
            heading=category.heading or _("（无类别）"),
            declared=category.declared_count,
            actual=len(category.items),
        )
        for part in duty_list.parts
        for category in part.categories
    ]


def print_summary(duty_list: DutyList) -> None:
    """Print a readable summary of ``duty_list`` to the terminal with rich."""
    from rich.console import Console  # noqa: PLC0415
    from rich.markup import escape  # noqa: PLC0415
    from rich.table import Table  # noqa: PLC0415

    console = Console()
    title = escape(duty_list.title) or escape(_("（无标题的清单）"))
    console.print(f"[bold]{title}[/bold]")
    if duty_list.office is not None:
        office = duty_list.office
        pieces = [office.province, office.city, office.district, office.name]
        console.print(escape(" / ".join(piece for piece in pieces if piece)))
    counts = category_counts(duty_list)
    for part in duty_list.parts:
        table = Table(title=escape(part.title or part.kind.chinese))
        table.add_column(_("类别"))
        table.add_column(_("标注"), justify="right")
        table.add_column(_("实有"), justify="right")
        for count in (count for count in counts if count.part is part.kind):
            declared = "" if count.declared is None else str(count.declared)
            actual = str(count.actual) if count.matches else f"[red]{count.actual}[/red]"
            table.add_row(escape(count.heading), declared, actual)
        table.add_section()
        table.add_row("[bold]" + _("合计") + "[/bold]", "", f"[bold]{len(part.items)}[/bold]")
        console.print(table)
    totals = _("，").join(
        _("{part} {count} 项").format(part=part_short(part.kind), count=len(part.items))
        for part in duty_list.parts
    )
    total = len(duty_list.items)
    items = ngettext("共 {count} 项", "共 {count} 项", total).format(count=total)
    console.print(
        escape(_("{items}：{totals}").format(items=items, totals=totals or _("没有任何部分")))
    )
    if duty_list.unplaced:
        unplaced = len(duty_list.unplaced)
        text = ngettext(
            "{count} 段文字未能归位（已保留在数据中）",
            "{count} 段文字未能归位（已保留在数据中）",
            unplaced,
        ).format(count=unplaced)
        console.print(f"[yellow]{escape(text)}[/yellow]")
