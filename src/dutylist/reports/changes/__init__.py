"""Change reports: :data:`RENDERERS` maps a format name to the function that renders it.

Every renderer takes a :class:`~dutylist.diff.changes.ChangeSet` and returns the report,
as text or (for .docx) bytes; the redline renders the new list the change set carries.
The command line and :func:`render_changes` look formats up in this one table; adding a
report format is one module and one line here.
"""

from __future__ import annotations

from collections.abc import Callable

from dutylist.diff.changes import ChangeSet
from dutylist.diff.serialize import dumps
from dutylist.errors import UsageError
from dutylist.messages import _
from dutylist.reports.changes.docx import render_docx
from dutylist.reports.changes.html import render_html
from dutylist.reports.changes.markdown import render_markdown
from dutylist.reports.changes.redline import render_redline
from dutylist.reports.changes.text import render_text

Renderer = Callable[[ChangeSet], bytes | str]
"""``renderer(changeset)``: the report as text, or as the bytes of a file."""

RENDERERS: dict[str, Renderer] = {
    "text": render_text,
    "markdown": render_markdown,
    "html": render_html,
    "docx": render_docx,
    "redline": render_redline,
    "json": dumps,
}
"""The change report formats, by name (what ``dutylist diff --format`` offers)."""


def render_changes(changeset: ChangeSet, format_name: str) -> bytes:
    """Return the change report in ``format_name`` as bytes (UTF-8 text, or a .docx file).

    Raises:
        UsageError: the format is unknown, or it is ``redline`` and the change set does not
            carry the new list (read from JSON or filtered).
    """
    renderer = RENDERERS.get(format_name)
    if renderer is None:
        known = ", ".join(RENDERERS)
        raise UsageError(
            _("未知报告格式“{name}”（可用：{known}）").format(name=format_name, known=known)
        )
    rendered = renderer(changeset)
    return rendered.encode("utf-8") if isinstance(rendered, str) else rendered


__all__ = ["RENDERERS", "Renderer", "render_changes", "render_redline"]
