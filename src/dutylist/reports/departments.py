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


def print_departments(
    views: Sequence[DepartmentView], console: Console | None = None, *, office: str | None = None
) -> None:
    """Print each department with the items it leads, cooperates on, receives and spellings.

    ``office`` (the list's place, e.g. 吉林省长春市南关区明珠街道) heads the output.
    """
    from rich.cells import cell_len  # noqa: PLC0415
    from rich.console import Console  # noqa: PLC0415
    from rich.markup import escape  # noqa: PLC0415

    console = console or Console(highlight=False, soft_wrap=True)
    if office:
        console.print(escape(_("本单位：{office}").format(office=office)), highlight=False)
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


def _toml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def render_registry(views: Sequence[DepartmentView], office: str, source: str) -> str:
    """Return a registry file (TOML) for the departments a list names, for review.

    Known departments become ``[[department]]`` entries (canonical name, the list's usual
    spelling as ``abbreviation``, its other spellings as ``aliases``); names the
    vocabulary does not know are written commented out, to be checked before use;
    generic terms are left out.
    """
    lines = [
        f"# Department registry for {office or '(office unknown)'}, written by",
        f"# `dutylist departments --init {source}`. Review it once, then share it across the",
        '# county\'s townships: `departments = ["departments.toml"]` in [tool.dutylist],',
        "# or `--departments departments.toml`. Format: docs/departments.md.",
        'mode = "extend"',
    ]
    for view in views:
        if view.kind is ResolutionKind.GENERIC:
            continue
        uses = sum(count for _, count in view.spellings)
        lines.append("")
        if view.canonical is None:
            lines.append(f"# not in the national vocabulary ({uses}×): uncomment if it is right")
            lines += [
                f"# {line}" for line in ("[[department]]", f"canonical = {_toml_string(view.name)}")
            ]
            continue
        aliases = [spelling for spelling, _ in view.spellings if spelling != view.name]
        lines += [
            f"# {view.name}: {uses}×",
            "[[department]]",
            f"canonical = {_toml_string(view.canonical)}",
            f"abbreviation = {_toml_string(view.name)}",
        ]
        if view.level:
            lines.append(f"level = {_toml_string(view.level)}")
        lines.append(f"aliases = [{', '.join(map(_toml_string, aliases))}]")
    return "\n".join(lines) + "\n"
