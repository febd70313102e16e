"""Renderers of an office comparison (``dutylist compare``): text, Markdown, HTML, .xlsx."""

from __future__ import annotations

from collections.abc import Callable

from dutylist.corpus.compare import Comparison
from dutylist.reports.compare import html, markdown, text, xlsx

RENDERERS: dict[str, Callable[[Comparison], bytes]] = {
    "text": lambda comparison: text.render_text(comparison).encode("utf-8"),
    "markdown": lambda comparison: markdown.render_markdown(comparison).encode("utf-8"),
    "html": lambda comparison: html.render_html(comparison).encode("utf-8"),
    "xlsx": xlsx.render_xlsx,
}
"""Every output format of ``compare``, by name: a function from a comparison to bytes."""
