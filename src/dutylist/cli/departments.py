"""``dutylist departments``: each department and what the list gives it; ``--init`` a registry."""

from __future__ import annotations

import click

from dutylist.cli.common import (
    config_option,
    configured,
    load_list,
    registry_option,
    report_format_option,
    reported_errors,
    source_options,
)
from dutylist.messages import N_


@click.command(
    name="departments",
    help=N_(
        "列出 SOURCE 中的每个部门：牵头、配合、承接的事项，以及各种写法。"
        "\n\n"
        "部门名称按 SOURCE 所属乡镇（街道）解析（据标题或 --office）"
        "，因此带有本地的地名。使用 --init 时改为输出名录文件："
        "dutylist departments --init LIST > departments.toml。"
    ),
)
@click.argument("source", type=click.Path(allow_dash=True))
@source_options
@registry_option
@config_option
@report_format_option(["text", "json"], N_("输出格式。"))
@click.option(
    "--init",
    is_flag=True,
    help=N_("改为根据 SOURCE 写出部门名录（TOML），供审阅和共享。"),
)
def departments_command(  # noqa: PLR0913, PLR0917 - one parameter per option
    source: str,
    from_format: str | None,
    rendering: str | None,
    registry_files: tuple[str, ...],
    office: str | None,
    config_file: str | None,
    output_format: str,
    init: bool,
) -> None:
    """Show each department in SOURCE: items it leads, cooperates on, receives; spellings."""
    from dutylist.departments.registry import registry_for  # noqa: PLC0415
    from dutylist.departments.view import department_views  # noqa: PLC0415

    with reported_errors():
        duty_list = load_list(source, from_format, rendering)
        registry = registry_for(duty_list, configured(source, config_file, registry_files, office))
        views = department_views(duty_list, registry)
    if init:
        from dutylist.reports.departments import render_registry  # noqa: PLC0415

        click.echo(render_registry(views, registry.context.describe(), source), nl=False)
    elif output_format == "json":
        from dutylist.reports.departments import render_departments_json  # noqa: PLC0415

        click.echo(render_departments_json(views), nl=False)
    else:
        from dutylist.reports.departments import print_departments  # noqa: PLC0415

        print_departments(views, office=registry.context.describe())
