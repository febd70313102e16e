"""The summary that ``dutylist show`` prints: parts, categories, declared vs actual counts."""

from __future__ import annotations

import attrs

from dutylist.model import DutyList, PartKind


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
            heading=category.heading or "(no category)",
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
    console.print(f"[bold]{escape(duty_list.title) or '(untitled list)'}[/bold]")
    if duty_list.office is not None:
        office = duty_list.office
        pieces = [office.province, office.city, office.district, office.name]
        console.print(escape(" / ".join(piece for piece in pieces if piece)))
    counts = category_counts(duty_list)
    for part in duty_list.parts:
        table = Table(title=escape(f"{part.title or part.kind.chinese} ({part.kind.value})"))
        table.add_column("category")
        table.add_column("declared", justify="right")
        table.add_column("actual", justify="right")
        for count in (count for count in counts if count.part is part.kind):
            declared = "" if count.declared is None else str(count.declared)
            actual = str(count.actual) if count.matches else f"[red]{count.actual}[/red]"
            table.add_row(escape(count.heading), declared, actual)
        table.add_section()
        table.add_row("[bold]total[/bold]", "", f"[bold]{len(part.items)}[/bold]")
        console.print(table)
    totals = ", ".join(f"{len(part.items)} {part.kind.value}" for part in duty_list.parts)
    console.print(f"{_count(len(duty_list.items), 'item')}: {totals or 'no parts'}")
    if duty_list.unplaced:
        unplaced = _count(len(duty_list.unplaced), "piece")
        console.print(f"[yellow]{unplaced} of text not placed (kept in the data)[/yellow]")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
