"""Render an office comparison as Markdown: the differences per office, then the matrix."""

from __future__ import annotations

from dutylist.corpus.compare import Comparison
from dutylist.messages import _
from dutylist.reports.compare.common import by_kind, detail, kind_label, part_label, title


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(comparison: Comparison) -> str:
    """Return ``comparison`` as Markdown."""
    lines = [f"# {title(comparison)}", ""]
    for index, office in enumerate(comparison.offices):
        if office.template:
            continue
        lines += [f"## {_cell(office.name)}", "", f"`{office.source}`", ""]
        differences = comparison.of_office(index)
        if not differences:
            lines += [_("与其他单位一致"), ""]
        for number, (kind, run) in enumerate(by_kind(differences)):
            if number:
                lines.append("")
            lines += [f"### {kind_label(kind)}", ""]
            for difference in run:
                extra = detail(difference)
                lines.append(f"- {_cell(difference.duty.name)}" + (f"（{extra}）" if extra else ""))
        lines.append("")
    names = [office.name for office in comparison.offices]
    lines += ["## " + _("事项对照矩阵"), ""]
    lines.append("| " + " | ".join([_("事项"), *map(_cell, names)]) + " |")
    lines.append("|" + " --- |" * (len(names) + 1))
    for duty, parts in comparison.matrix():
        cells = [_cell(duty.name), *(part_label(part) or "—" for part in parts)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"
