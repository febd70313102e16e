"""``dutylist diff``: what changed between two versions."""

from __future__ import annotations

import sys

import click

from dutylist.cli.common import (
    EXIT_DIFFERENCES,
    EXIT_OK,
    fail,
    format_option,
    load_list,
    refuse_overwriting_inputs,
    rendering_option,
    reported_errors,
)


@click.command(name="diff")
@click.argument("old", type=click.Path())
@click.argument("new", type=click.Path())
@click.option("--from", "from_format", type=format_option, help="Format of OLD and NEW.")
@rendering_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "markdown", "html", "docx", "json"]),
    default="text",
    show_default=True,
    help="Report: text, markdown, html (one file), docx (新旧对照表) or json (the change set).",
)
@click.option("-o", "--output", type=click.Path(), help="Write the report here.")
@click.option("--exit-code", is_flag=True, help="Exit 1 when the lists differ (like git diff).")
@click.option(
    "--redline", is_flag=True, help="With --format docx: the revised list with tracked changes."
)
def diff_command(  # noqa: PLR0913, PLR0917 - one parameter per option
    old: str,
    new: str,
    from_format: str | None,
    rendering: str | None,
    output_format: str,
    output: str | None,
    exit_code: bool,
    redline: bool,
) -> None:
    """Compare OLD and NEW (any format dutylist reads): what was added, removed, changed, moved.

    Items are matched by content, not by number: renumbering is summarised, not reported
    as edits. Exit 0, or with --exit-code 1 when the lists differ; 2 on unusable input.
    """
    from dutylist.departments.registry import default_registry  # noqa: PLC0415
    from dutylist.diff import diff  # noqa: PLC0415
    from dutylist.io.files import write_atomically  # noqa: PLC0415
    from dutylist.reports.changes import render_changes  # noqa: PLC0415

    if output is not None:
        refuse_overwriting_inputs(output, old, new)
    if output_format == "docx" and output is None:
        fail("--format docx needs -o/--output FILE")
    if redline and output_format != "docx":
        fail("--redline needs --format docx")
    with reported_errors():
        before = load_list(old, from_format, rendering)
        after = load_list(new, from_format, rendering)
        registry = default_registry()
        changeset = diff(before, after, registry=lambda name: registry.normalise(name).canonical)
        if output_format == "text" and output is None:
            from dutylist.reports.changes.text import print_text  # noqa: PLC0415

            print_text(changeset)
        else:
            rendered = render_changes(changeset, output_format, new=after, redline=redline)
            if output is None:
                click.echo(rendered.decode("utf-8"), nl=False)
            else:
                write_atomically(output, rendered)
    sys.exit(EXIT_DIFFERENCES if exit_code and not changeset.is_empty else EXIT_OK)
