"""Choose a change report renderer by format name (what ``dutylist diff --format`` names)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dutylist.errors import UsageError
from dutylist.messages import _

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
        raise UsageError(_("--redline 需要与 --format docx 一起使用"))
    if format_name == "text":
        from dutylist.reports.changes.text import render_text  # noqa: PLC0415

        return render_text(changeset).encode("utf-8")
    if format_name == "markdown":
        from dutylist.reports.changes.markdown import render_markdown  # noqa: PLC0415

        return render_markdown(changeset).encode("utf-8")
    if format_name == "json":
        from dutylist.diff.serialize import dumps  # noqa: PLC0415

        return dumps(changeset).encode("utf-8")
    if format_name == "html":
        from dutylist.reports.changes.html import render_html  # noqa: PLC0415

        return render_html(changeset).encode("utf-8")
    if format_name == "docx":
        if redline:
            if new is None:
                raise UsageError(_("--redline 需要新版清单"))
            from dutylist.reports.changes.redline import render_redline  # noqa: PLC0415

            return render_redline(changeset, new)
        from dutylist.reports.changes.docx import render_docx  # noqa: PLC0415

        return render_docx(changeset)
    known = ", ".join(CHANGE_FORMATS)
    raise UsageError(
        _("未知报告格式“{name}”（可用：{known}）").format(name=format_name, known=known)
    )
