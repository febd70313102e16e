"""Render an office comparison as plain text: per office, what it lacks or does otherwise."""

from __future__ import annotations

from dutylist.corpus.compare import Comparison
from dutylist.messages import _
from dutylist.reports.compare.common import by_kind, detail, kind_label, title


def render_text(comparison: Comparison) -> str:
    """Return ``comparison`` as plain text."""
    lines = [title(comparison), ""]
    for index, office in enumerate(comparison.offices):
        if office.template:
            continue
        differences = comparison.of_office(index)
        label = f"（{office.label}）" if office.label else ""
        lines.append(f"{office.name}{label}  {office.source}")
        if not differences:
            lines.append("  " + _("与其他单位一致"))
        for kind, run in by_kind(differences):
            lines.append("  " + kind_label(kind))
            for difference in run:
                extra = detail(difference)
                lines.append(f"    - {difference.duty.name}" + (f"（{extra}）" if extra else ""))
        lines.append("")
    return "\n".join(lines)
