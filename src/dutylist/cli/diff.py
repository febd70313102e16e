"""``dutylist diff``: what changed between two versions."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from dutylist.cli.common import (
    EXIT_DIFFERENCES,
    EXIT_OK,
    STDIO,
    display_name,
    fail,
    format_option,
    load_list,
    output_option,
    refuse_overwriting_inputs,
    rendering_option,
    reported_errors,
    write_output,
)
from dutylist.messages import _

if TYPE_CHECKING:
    from dutylist.model import DutyList


@click.command(name="diff")
@click.argument("old", type=click.Path(allow_dash=True))
@click.argument("new", type=click.Path(allow_dash=True))
@click.option(
    "--from",
    "from_format",
    type=format_option,
    help="Format of OLD and NEW; needed for - (standard input) when it cannot be told.",
)
@click.option(
    "--label",
    "labels",
    multiple=True,
    metavar="LABEL",
    help="Name the versions in the report: the first --label names OLD, the second NEW "
    "(default: each list's metadata.version).",
)
@rendering_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "markdown", "html", "docx", "json"]),
    default="text",
    show_default=True,
    help="Report: text, markdown, html (one file), docx (新旧对照表) or json (the change set).",
)
@output_option
@click.option("--exit-code", is_flag=True, help="Exit 1 when the lists differ (like git diff).")
@click.option(
    "--redline", is_flag=True, help="With --format docx: the revised list with tracked changes."
)
@click.option(
    "--substantive-only", is_flag=True, help="Leave out cosmetic changes (spacing, punctuation…)."
)
@click.option(
    "--department",
    metavar="NAME",
    help="Keep only the changes to items naming this department (for its sign-off).",
)
def diff_command(  # noqa: PLR0913, PLR0917 - one parameter per option
    old: str,
    new: str,
    from_format: str | None,
    labels: tuple[str, ...],
    rendering: str | None,
    output_format: str,
    output: str | None,
    exit_code: bool,
    redline: bool,
    substantive_only: bool,
    department: str | None,
) -> None:
    """Compare OLD and NEW (any format dutylist reads): what was added, removed, changed, moved.

    Items are matched by content, not by number: renumbering is summarised, not reported
    as edits. Either list may be - (standard input). Reports name both versions by
    label, title, date and file. Exit 0, or with --exit-code 1 when the lists differ; 2
    on unusable input.
    """
    from dutylist.departments.registry import default_registry  # noqa: PLC0415
    from dutylist.diff import diff  # noqa: PLC0415
    from dutylist.reports.changes import render_changes  # noqa: PLC0415

    if output_format == "docx" and output is None:
        fail("--format docx needs -o/--output FILE")
    if old == STDIO and new == STDIO:
        fail(_("OLD 和 NEW 不能都是标准输入（-）"))
    if len(labels) > 2:
        fail(_("--label 最多两次：第一次为 OLD，第二次为 NEW"))
    if redline and output_format != "docx":
        fail("--redline needs --format docx")
    if redline and (substantive_only or department):
        fail("--redline shows every change; it cannot be filtered")
    with reported_errors():
        refuse_overwriting_inputs(output, old, new)
        before = _named(load_list(old, from_format, rendering), old, labels[:1])
        after = _named(load_list(new, from_format, rendering), new, labels[1:2])
        registry = default_registry()
        canonical = lambda name: registry.normalise(name).canonical  # noqa: E731
        changeset = diff(before, after, registry=canonical)
        if substantive_only or department:
            from dutylist.diff.filters import filter_changes  # noqa: PLC0415

            changeset = filter_changes(
                changeset,
                substantive_only=substantive_only,
                department=department,
                registry=canonical,
            )
        if output_format == "text" and output is None:
            from dutylist.reports.changes.text import print_text  # noqa: PLC0415

            print_text(changeset)
        else:
            rendered = render_changes(changeset, output_format, new=after, redline=redline)
            write_output(output, rendered)
    sys.exit(EXIT_DIFFERENCES if exit_code and not changeset.is_empty else EXIT_OK)


def _named(duty_list: DutyList, path: str, label: tuple[str, ...]) -> DutyList:
    """Return ``duty_list`` named for the report: the file compared, ``--label`` if given."""
    import attrs  # noqa: PLC0415

    metadata = attrs.evolve(duty_list.metadata, source_file=display_name(path))
    if label:
        metadata = attrs.evolve(metadata, version=label[0])
    return attrs.evolve(duty_list, metadata=metadata)
