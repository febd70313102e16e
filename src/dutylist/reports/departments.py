"""Render the department view (``dutylist departments``) as text or JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from dutylist.departments.registry import ResolutionKind
from dutylist.departments.view import DepartmentView
from dutylist.messages import N_, _, pgettext
from dutylist.model import ItemKey, PartKind

if TYPE_CHECKING:
    from rich.console import Console


_PARTS = {
    PartKind.BASIC: N_("基本事项 {numbers}"),
    PartKind.COOPERATIVE: N_("配合事项 {numbers}"),
    PartKind.RECALLED: N_("收回事项 {numbers}"),
}
_ROLES = ("leads", "cooperates", "receives", "mentioned")
"""The view's fields, in the order they are printed."""


def _role_labels() -> list[str]:
    """Return the labels of :data:`_ROLES` (a department's role: 牵头, 配合 …)."""
    return [
        pgettext("部门角色", "牵头"),
        pgettext("部门角色", "配合"),
        pgettext("部门角色", "承接"),
        pgettext("部门角色", "提及"),
    ]


def _keys(keys: Sequence[ItemKey]) -> str:
    by_part: dict[PartKind, list[str]] = {}
    for key in keys:
        by_part.setdefault(key.part, []).append(str(key.number or "?"))
    return _("；").join(
        _(_PARTS[part]).format(numbers=_("、").join(numbers)) for part, numbers in by_part.items()
    )


def print_departments(views: Sequence[DepartmentView], console: Console | None = None) -> None:
    """Print each department with the items it leads, cooperates on, receives and spellings."""
    from rich.cells import cell_len  # noqa: PLC0415
    from rich.console import Console  # noqa: PLC0415
    from rich.markup import escape  # noqa: PLC0415

    console = console or Console(highlight=False, soft_wrap=True)
    for view in views:
        if view.kind is ResolutionKind.UNKNOWN:
            note = escape(_("（未知部门）"))
            title = f"[bold red]{escape(view.name)}[/bold red]  {note}"
        elif view.kind is ResolutionKind.GENERIC:
            note = escape(_("（泛称，不是具体部门）"))
            title = f"[dim]{escape(view.name)}[/dim]  {note}"
        else:
            level = _("，{level}").format(level=view.level) if view.level else ""
            title = f"[bold]{escape(view.name)}[/bold]  {escape(view.canonical or '')}{level}"
        console.print(title, highlight=False, soft_wrap=True)
        labels = [*_role_labels(), _("写法")]
        width = max(cell_len(label) for label in labels) + 2
        for role, label in zip(_ROLES, labels, strict=False):
            keys = getattr(view, role)
            if keys:
                console.print(
                    f"  {_pad(label, width)}{len(keys):>3}  {escape(_keys(keys))}",
                    highlight=False,
                    soft_wrap=True,
                )
        spellings = _("、").join(f"{spelling} ×{count}" for spelling, count in view.spellings)
        console.print(
            f"  {_pad(labels[-1], width + 3)}  {escape(spellings)}", highlight=False, soft_wrap=True
        )


def _pad(text: str, width: int) -> str:
    from rich.cells import cell_len  # noqa: PLC0415

    return text + " " * max(0, width - cell_len(text))


def departments_data(views: Sequence[DepartmentView]) -> list[dict[str, Any]]:
    """Return the department view as JSON-ready data."""

    def keys(values: Sequence[ItemKey]) -> list[dict[str, Any]]:
        return [{"part": key.part.value, "number": key.number} for key in values]

    return [
        {
            "name": view.name,
            "canonical": view.canonical,
            "kind": view.kind.value,
            "level": view.level,
            "leads": keys(view.leads),
            "cooperates": keys(view.cooperates),
            "receives": keys(view.receives),
            "mentioned": keys(view.mentioned),
            "spellings": [{"spelling": s, "count": n} for s, n in view.spellings],
        }
        for view in views
    ]


def render_departments_json(views: Sequence[DepartmentView]) -> str:
    """Return the department view as indented JSON text."""
    return json.dumps(departments_data(views), ensure_ascii=False, indent=2) + "\n"
