"""Choose a change report renderer by format name (what ``dutylist diff --format`` names)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dutylist.diff.serialize import dumps
from dutylist.errors import UsageError
from dutylist.reports.changes.docx import render_docx
from dutylist.reports.changes.html import render_html
from dutylist.reports.changes.markdown import render_markdown
from dutylist.reports.changes.redline import render_redline
from dutylist.reports.changes.text import render_text

if TYPE_CHECKING:
    from dutylist.diff.changes import ChangeSet
    from dutylist.model import DutyList

CHANGE_FORMATS = ("text", "markdown", "html", "docx", "json")
"""The formats a change set can be rendered in."""


def render_changes(
    changeset: ChangeSet,
    format_name: str,
    *,
    new: DutyList | None = None,
    redline: bool = False,
) -> bytes:
    """Return the change report in ``format_name`` as bytes (UTF-8 text, or a .docx file).

    Args:
        changeset: the changes.
        format_name: one of :data:`CHANGE_FORMATS`.
        new: the new list; needed for ``redline``.
        redline: for ``docx``, write the revised list with tracked changes instead of
            the comparison table.

    Raises:
        UsageError: the format is unknown, or ``redline`` is asked of another format.
    """
    if redline and format_name != "docx":
        raise UsageError("--redline needs --format docx")
    if format_name == "text":
        return render_text(changeset).encode("utf-8")
    if format_name == "markdown":
        return render_markdown(changeset).encode("utf-8")
    if format_name == "json":
        return dumps(changeset).encode("utf-8")
    if format_name == "html":
        return render_html(changeset).encode("utf-8")
    if format_name == "docx":
        if redline:
            if new is None:
                raise UsageError("--redline needs the new list")

            return render_redline(changeset, new)

        return render_docx(changeset)
    known = ", ".join(CHANGE_FORMATS)
    raise UsageError(f"unknown report format {format_name!r} (known: {known})")
