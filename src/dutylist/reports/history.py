"""Render an item history (:class:`~dutylist.diff.history.History`): text, Markdown, HTML, JSON.

Every report lists the versions, then one block per lineage that changed (or, for
``--item``, the item with its ancestors and descendants): a line per event with the
version's label, what happened and where the item then was.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from dutylist.codec import make_converter
from dutylist.diff.history import Event, EventKind, History, Lineage
from dutylist.errors import UsageError
from dutylist.messages import _
from dutylist.model import PartKind
from dutylist.reports import html_template
from dutylist.reports.changes.markdown import escape
from dutylist.wording import part_title

HISTORY_VERSION = 1
"""The version of the history's JSON layout."""

HISTORY_FORMATS = ("text", "markdown", "html", "json")
"""The formats a history can be rendered in."""


def event_label(kind: EventKind) -> str:
    """Return the Chinese label of an event kind."""
    labels = {
        EventKind.APPEARED: _("出现"),
        EventKind.RENAMED: _("更名"),
        EventKind.EDITED: _("内容修改"),
        EventKind.MOVED: _("转类"),
        EventKind.TAKEN_BACK: _("上级收回"),
        EventKind.SPLIT: _("分设"),
        EventKind.MERGED: _("合并"),
        EventKind.REMOVED: _("取消"),
    }
    return labels[kind]


def shown(history: History, lineages: tuple[Lineage, ...] | None = None) -> tuple[Lineage, ...]:
    """Return the lineages a report shows: those given, else every one that changed."""
    if lineages is not None:
        return lineages
    return tuple(lineage for lineage in history.lineages if len(lineage.events) > 1)


def version_text(history: History, index: int) -> str:
    """Return a version's label with its date: ``2024版（2024-03-01）``."""
    version = history.versions[index]
    if version.date is None:
        return version.label
    return _("{label}（{date}）").format(label=version.label, date=version.date.isoformat())


def event_text(event: Event) -> str:
    """Return what an event says, after its version and label."""
    place = ""
    if event.part is not None:
        number = "—" if event.number is None else str(event.number)
        place = (
            _("{part} · {category} · 第{number}项").format(
                part=part_title(PartKind(event.part)), category=event.category, number=number
            )
            + " "
        )
    text = f"{place}{event.name}"
    if event.kind is EventKind.RENAMED and event.detail:
        text += _("（原名「{old}」）").format(old=event.detail)
    elif event.kind is EventKind.EDITED and event.detail:
        text += _("（{fields}）").format(fields=event.detail)
    if event.related:
        text += " ↔ " + _("、").join(f"#{related}" for related in event.related)
    return text


def headline(history: History) -> str:
    """Return one line: how many versions, items and events of each kind."""
    counts: Counter[EventKind] = Counter(
        event.kind for lineage in history.lineages for event in lineage.events if event.version
    )
    pieces = _("，").join(
        _("{kind} {count}").format(kind=event_label(kind), count=counts[kind])
        for kind in EventKind
        if counts[kind]
    )
    head = _("{versions} 个版本，{items} 个事项脉络").format(
        versions=len(history.versions), items=len(history.lineages)
    )
    if pieces:
        return _("{head}：{pieces}。").format(head=head, pieces=pieces)
    return _("{pieces}。").format(pieces=head)


def render_text(history: History, lineages: tuple[Lineage, ...] | None = None) -> str:
    """Return the history as plain text."""
    lines = [_("清单事项沿革"), headline(history)]
    lines.append(" → ".join(version_text(history, i) for i in range(len(history.versions))))
    for lineage in shown(history, lineages):
        lines += ["", f"#{lineage.id} {lineage.events[-1].name}"]
        lines += [
            f"  {version_text(history, e.version)}  {event_label(e.kind)}  {event_text(e)}"
            for e in lineage.events
        ]
    return "\n".join(lines) + "\n"


def render_markdown(history: History, lineages: tuple[Lineage, ...] | None = None) -> str:
    """Return the history as Markdown: a table of events per lineage."""
    lines = ["# " + _("清单事项沿革"), "", f"**{escape(headline(history))}**", ""]
    lines.append(
        "- " + " → ".join(escape(version_text(history, i)) for i in range(len(history.versions)))
    )
    for lineage in shown(history, lineages):
        lines += ["", f'<a id="item-{lineage.id}"></a>', ""]
        lines += [f"## #{lineage.id} {escape(lineage.events[-1].name)}", ""]
        lines += ["| " + " | ".join([_("版本"), _("变化"), _("事项")]) + " |", "|---|---|---|"]
        lines += [
            f"| {escape(version_text(history, e.version))} | {event_label(e.kind)} | "
            f"{escape(event_text(e))} |"
            for e in lineage.events
        ]
    return "\n".join(lines) + "\n"


def render_html(history: History, lineages: tuple[Lineage, ...] | None = None) -> str:
    """Return the history as one self-contained HTML page (inline CSS, no script)."""
    return html_template("history.html.j2").render(
        title=_("清单事项沿革"),
        headline=headline(history),
        versions=[version_text(history, i) for i in range(len(history.versions))],
        labels={"version": _("版本"), "change": _("变化"), "item": _("事项")},
        lineages=[
            {
                "id": lineage.id,
                "name": lineage.events[-1].name,
                "events": [
                    {
                        "version": version_text(history, e.version),
                        "kind": e.kind.value,
                        "label": event_label(e.kind),
                        "text": event_text(e),
                    }
                    for e in lineage.events
                ],
            }
            for lineage in shown(history, lineages)
        ],
    )


def to_data(history: History, lineages: tuple[Lineage, ...] | None = None) -> dict[str, Any]:
    """Return the history as JSON-ready data (``schemas/history.schema.json``)."""
    converter = make_converter()
    chosen = history.lineages if lineages is None else lineages
    return {
        "history_version": HISTORY_VERSION,
        "versions": converter.unstructure(history.versions),
        "lineages": converter.unstructure(chosen),
    }


def render_json(history: History, lineages: tuple[Lineage, ...] | None = None) -> str:
    """Return the history as indented JSON text with a final newline."""
    return json.dumps(to_data(history, lineages), ensure_ascii=False, indent=2) + "\n"


def render_history(
    history: History, format_name: str, lineages: tuple[Lineage, ...] | None = None
) -> str:
    """Return the history in ``format_name`` (one of :data:`HISTORY_FORMATS`).

    Raises:
        dutylist.errors.UsageError: the format is unknown.
    """
    renderers = {
        "text": render_text,
        "markdown": render_markdown,
        "html": render_html,
        "json": render_json,
    }
    if format_name not in renderers:
        known = ", ".join(HISTORY_FORMATS)
        raise UsageError(
            _("未知沿革格式“{name}”（可用：{known}）").format(name=format_name, known=known)
        )
    return renderers[format_name](history, lineages)
