"""``dutylist diff``: what changed between two versions."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import attrs
import click

from dutylist.cli.common import (
    EXIT_DIFFERENCES,
    EXIT_OK,
    STDIO,
    config_option,
    configured,
    display_name,
    fail,
    format_option,
    load_list,
    output_option,
    refuse_overwriting_inputs,
    registry_option,
    rendering_option,
    reported_errors,
    write_output,
)
from dutylist.departments.registry import registry_for
from dutylist.diff import diff_lists
from dutylist.diff.filters import filter_changes
from dutylist.messages import _
from dutylist.reports.changes import RENDERERS, render_changes, render_redline
from dutylist.reports.changes.text import print_text

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
    type=click.Choice(list(RENDERERS)),
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
@registry_option
@config_option
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
    registry_files: tuple[str, ...],
    office: str | None,
    config_file: str | None,
) -> None:
    """Compare OLD and NEW (any format dutylist reads): what was added, removed, changed, moved.

    Items are matched by content, not by number: renumbering is summarised, not reported
    as edits. Either list may be - (standard input). Reports name both versions by
    label, title, date and file. Departments are compared through NEW's registry (its
    office's place, the configuration found from NEW's folder, --departments), as
    ``check`` does. Exit 0, or with --exit-code 1 when the lists differ; 2 on unusable
    input.
    """
    if output_format == "docx" and output is None:
        fail(_("--format docx 需要用 -o/--output 指定文件"))
    if old == STDIO and new == STDIO:
        fail(_("OLD 和 NEW 不能都是标准输入（-）"))
    if len(labels) > 2:
        fail(_("--label 最多两次：第一次为 OLD，第二次为 NEW"))
    if redline and output_format != "docx":
        fail(_("--redline 需要与 --format docx 一起使用"))
    if redline and (substantive_only or department):
        fail(_("--redline 显示全部变更，不能筛选"))
    with reported_errors():
        refuse_overwriting_inputs(output, old, new)
        before = _named(load_list(old, from_format, rendering), old, labels[:1])
        after = _named(load_list(new, from_format, rendering), new, labels[1:2])
        registry = registry_for(after, configured(new, config_file, registry_files, office))
        changeset = diff_lists(before, after, registry=registry)
        if substantive_only or department:
            changeset = filter_changes(
                changeset,
                substantive_only=substantive_only,
                department=department,
                registry=registry,
            )
        if output_format == "text" and output is None:
            print_text(changeset)
        else:
            rendered = (
                render_redline(changeset, after)
                if redline
                else render_changes(changeset, output_format)
            )
            write_output(output, rendered)
    sys.exit(EXIT_DIFFERENCES if exit_code and not changeset.is_empty else EXIT_OK)


def _named(duty_list: DutyList, path: str, label: tuple[str, ...]) -> DutyList:
    """Return ``duty_list`` named for the report: the file compared, ``--label`` if given."""
    metadata = attrs.evolve(duty_list.metadata, source_file=display_name(path))
    if label:
        metadata = attrs.evolve(metadata, version=label[0])
    return attrs.evolve(duty_list, metadata=metadata)
