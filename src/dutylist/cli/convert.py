"""``dutylist convert`` and ``dutylist show``: change a list's format, summarise it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
import click

from dutylist.cli.common import (
    STDIO,
    detail,
    from_option,
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
from dutylist.messages import N_, _
from dutylist.reports.summary import print_summary

if TYPE_CHECKING:
    from dutylist.model import DutyList


@click.command(
    help=N_(
        "把 SOURCE 转换为 OUTPUT；格式按文件后缀确定（.json、"
        ".txt、.docx、.pdf 等）。\n\n"
        "两者都可以是 -（标准输入或输出）；用 --from 或 --to 指明格式。"
    )
)
@click.argument("source", type=click.Path(allow_dash=True))
@click.argument("output", type=click.Path(allow_dash=True))
@from_option(N_("SOURCE 的格式；从标准输入（-）读取且无法判断时需要。"))
@click.option(
    "--to",
    "to_format",
    type=writable_format_option,
    help=N_("OUTPUT 的格式；写到标准输出（-）或设备时需要。"),
)
@rendering_option
@click.option("--label", help=N_("记录版本标签，例如 2025-03 或 第二次调整。"))
@click.option("--published", help=N_("记录发布日期（YYYY-MM-DD）。"))
def convert(  # noqa: PLR0913, PLR0917
    source: str,
    output: str,
    from_format: str | None,
    to_format: str | None,
    rendering: str | None,
    label: str | None,
    published: str | None,
) -> None:
    """Convert SOURCE to OUTPUT; formats follow the suffixes (.json, .txt, .docx, .pdf)."""
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


@click.command(help=N_("概述 SOURCE：各部分、各类别的标注事项数与实际事项数、合计。"))
@click.argument("source", type=click.Path(allow_dash=True))
@source_options
def show(source: str, from_format: str | None, rendering: str | None) -> None:
    """Summarise SOURCE: parts, categories with declared and actual counts, totals."""
    with reported_errors():
        duty_list = load_list(source, from_format, rendering)
    print_summary(duty_list)
