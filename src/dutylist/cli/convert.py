"""``dutylist convert`` and ``dutylist show``: change a list's format, summarise it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
import click

from dutylist.cli.common import (
    STDIO,
    detail,
    format_option,
    load_list,
    parse_date,
    refuse_overwriting_inputs,
    rendering_option,
    reported_errors,
    source_options,
    writable_format_option,
    write_output,
)
from dutylist.errors import UsageError
from dutylist.io import dump
from dutylist.messages import _
from dutylist.reports.summary import print_summary

if TYPE_CHECKING:
    from dutylist.model import DutyList


@click.command()
@click.argument("source", type=click.Path(allow_dash=True))
@click.argument("output", type=click.Path(allow_dash=True))
@click.option(
    "--from",
    "from_format",
    type=format_option,
    help="Format of SOURCE; needed for - (standard input) when it cannot be told.",
)
@click.option(
    "--to",
    "to_format",
    type=writable_format_option,
    help="Format of OUTPUT; needed for - (standard output) and devices.",
)
@rendering_option
@click.option("--label", help="Record a version label, e.g. 2025-03 or 第二次调整.")
@click.option("--published", help="Record the publication date (YYYY-MM-DD).")
def convert(  # noqa: PLR0913, PLR0917
    source: str,
    output: str,
    from_format: str | None,
    to_format: str | None,
    rendering: str | None,
    label: str | None,
    published: str | None,
) -> None:
    """Convert SOURCE to OUTPUT; formats follow the suffixes (.json, .txt, .docx, .pdf).

    Either may be - (standard input or output); name the format with --from or --to.
    """
    with reported_errors():
        date = parse_date(published, "--published")
        refuse_overwriting_inputs(output, source)
        duty_list = load_list(source, from_format, rendering)
        metadata = duty_list.metadata
        if label is not None:
            metadata = attrs.evolve(metadata, version=label)
        if date is not None:
            metadata = attrs.evolve(metadata, published=date)
        converted = attrs.evolve(duty_list, metadata=metadata)
        if output == STDIO:
            write_output(None, _dumped(converted, to_format))
        else:
            dump(converted, output, to_format)
            detail(_("已写入 {name}").format(name=output))


def _dumped(duty_list: DutyList, to_format: str | None) -> bytes:
    """Return what :func:`dutylist.dump` writes, for standard output."""
    import tempfile  # noqa: PLC0415
    from pathlib import Path  # noqa: PLC0415

    if to_format is None:
        raise UsageError(_("写到标准输出（-）时请用 --to 指定格式"))
    with tempfile.TemporaryDirectory(prefix="dutylist-") as folder:
        path = Path(folder) / f"out.{to_format}"
        dump(duty_list, path, to_format)
        return path.read_bytes()


@click.command()
@click.argument("source", type=click.Path(allow_dash=True))
@source_options
def show(source: str, from_format: str | None, rendering: str | None) -> None:
    """Summarise SOURCE: parts, categories with declared and actual counts, totals."""
    with reported_errors():
        duty_list = load_list(source, from_format, rendering)
    print_summary(duty_list)
