"""``dutylist departments``: each department and what the list gives it."""

from __future__ import annotations

from pathlib import Path

import click

from dutylist.cli.common import load_list, registry_option, reported_errors, source_options
from dutylist.config import find_config
from dutylist.departments.registry import Registry, default_registry
from dutylist.departments.view import department_views
from dutylist.reports.departments import print_departments, render_departments_json


@click.command(name="departments")
@click.argument("source", type=click.Path(allow_dash=True))
@source_options
@registry_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
def departments_command(
    source: str,
    from_format: str | None,
    rendering: str | None,
    registry_files: tuple[str, ...],
    output_format: str,
) -> None:
    """Show each department in SOURCE: items it leads, cooperates on, receives; spellings."""
    with reported_errors():
        duty_list = load_list(source, from_format, rendering)
        files = (*find_config(source).registry_files, *map(Path, registry_files))
        registry = Registry.from_files(files) if files else default_registry()
        views = department_views(duty_list, registry)
    if output_format == "json":
        click.echo(render_departments_json(views), nl=False)
    else:
        print_departments(views)
