"""``dutylist convert`` and ``dutylist show``: change a list's format, summarise it."""

from __future__ import annotations

import datetime as dt

import click

from dutylist.cli.common import (
    format_option,
    load_list,
    refuse_overwriting_inputs,
    rendering_option,
    reported_errors,
    source_options,
)


@click.command()
@click.argument("source", type=click.Path())
@click.argument("output", type=click.Path())
@click.option("--from", "from_format", type=format_option, help="Format of SOURCE.")
@click.option("--to", "to_format", type=format_option, help="Format of OUTPUT.")
@rendering_option
@click.option("--label", help="Record a version label, e.g. 2025-03 or 第二次调整.")
@click.option(
    "--published",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Record the publication date (YYYY-MM-DD).",
)
def convert(  # noqa: PLR0913, PLR0917
    source: str,
    output: str,
    from_format: str | None,
    to_format: str | None,
    rendering: str | None,
    label: str | None,
    published: dt.datetime | None,
) -> None:
    """Convert SOURCE to OUTPUT; formats follow the suffixes (.json, .txt, .docx)."""
    import attrs  # noqa: PLC0415

    from dutylist.api import dump  # noqa: PLC0415

    refuse_overwriting_inputs(output, source)
    with reported_errors():
        duty_list = load_list(source, from_format, rendering)
        metadata = duty_list.metadata
        if label is not None:
            metadata = attrs.evolve(metadata, version=label)
        if published is not None:
            metadata = attrs.evolve(metadata, published=published.date())
        dump(attrs.evolve(duty_list, metadata=metadata), output, to_format)


@click.command()
@click.argument("source", type=click.Path())
@source_options
def show(source: str, from_format: str | None, rendering: str | None) -> None:
    """Summarise SOURCE: parts, categories with declared and actual counts, totals."""
    from dutylist.reports.summary import print_summary  # noqa: PLC0415

    with reported_errors():
        duty_list = load_list(source, from_format, rendering)
    print_summary(duty_list)
