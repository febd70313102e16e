"""Render an office comparison as one self-contained HTML page (differences and matrix)."""

from __future__ import annotations

from dutylist.corpus.compare import Comparison
from dutylist.messages import _
from dutylist.reports.compare.common import by_kind, detail, kind_label, part_label, title

_STYLE = """
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 2em; }
table { border-collapse: collapse; font-size: 90%; }
th, td { border: 1px solid #999; padding: 0.2em 0.5em; vertical-align: top; }
td.missing { background: #fde2e2; }
td.part-basic { background: #e6f4ea; } td.part-cooperative { background: #e8f0fe; }
td.part-recalled { background: #fef7e0; }
section.office { margin-bottom: 1.5em; }
@page { size: A4 landscape; margin: 15mm; }
"""


def render_html(comparison: Comparison) -> str:
    """Return ``comparison`` as a self-contained HTML document (every text escaped)."""
    from html import escape  # noqa: PLC0415 - slow to import (its entity table)

    heading = escape(title(comparison))
    out = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        f"<title>{heading}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{heading}</h1>",
    ]
    for index, office in enumerate(comparison.offices):
        if office.template:
            continue
        out.append(f'<section class="office" id="office-{index}">')
        out.append(f"<h2>{escape(office.name)}</h2><p><code>{escape(office.source)}</code></p>")
        differences = comparison.of_office(index)
        if not differences:
            out.append("<p>" + escape(_("与其他单位一致")) + "</p>")
        for kind, run in by_kind(differences):
            out.append(f'<h3>{escape(kind_label(kind))}</h3><ul class="{kind}">')
            for difference in run:
                extra = detail(difference)
                suffix = f"（{escape(extra)}）" if extra else ""
                out.append(f"<li>{escape(difference.duty.name)}{suffix}</li>")
            out.append("</ul>")
        out.append("</section>")
    out.append("<h2>" + escape(_("事项对照矩阵")) + "</h2>")
    out.append('<table id="matrix"><thead><tr>')
    out.append("<th>" + escape(_("事项")) + "</th>")
    out.extend(f"<th>{escape(office.name)}</th>" for office in comparison.offices)
    out.append("</tr></thead><tbody>")
    for duty, parts in comparison.matrix():
        out.append(f'<tr data-duty="{escape(duty.id)}"><td>{escape(duty.name)}</td>')
        for part in parts:
            css = f"part-{part.value}" if part is not None else "missing"
            out.append(f'<td class="{css}">{escape(part_label(part) or "—")}</td>')
        out.append("</tr>")
    out.append("</tbody></table></body></html>")
    return "\n".join(out) + "\n"
