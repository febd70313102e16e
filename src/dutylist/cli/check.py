"""``dutylist check``: the consistency rules, for people and for CI."""

from __future__ import annotations

import sys

import attrs
import click

from dutylist.checks import check
from dutylist.checks.baseline import read_baseline
from dutylist.checks.baseline import write_baseline as store_baseline
from dutylist.checks.findings import Severity
from dutylist.checks.located import locate_in_json
from dutylist.cli.batch_check import is_batch, run_batch_check
from dutylist.cli.common import (
    EXIT_DIFFERENCES,
    EXIT_OK,
    STDIO,
    config_option,
    configured,
    fail,
    load_list,
    note,
    output_option,
    refuse_overwriting_inputs,
    registry_option,
    report_format_option,
    reported_errors,
    source_options,
    write_output,
)
from dutylist.corpus.batch import CheckOptions
from dutylist.corpus.sources import expand
from dutylist.io import format_for
from dutylist.io.files import input_limit
from dutylist.messages import N_, _, ngettext
from dutylist.reports.findings import RENDERERS
from dutylist.reports.findings.text import print_text, render_text


@click.command(
    name="check",
    help=N_(
        "检查 SOURCES 的一致性：无问题退出码 0，有问题 1，输入无法使用 2。"
        "\n\n"
        "达到 --fail-on（默认 error）的问题使退出码为 1，除非 --baseline 文件已接受它们。"
        "单个 SOURCE 可以是 -（标准输入）。SOURCES 也可以是多个文件、"
        "文件夹（在其中查找清单）或通配符：用 --jobs 个工作进程检查，"
        "text 输出为每个文件一行的汇总表，其他格式为覆盖全部文件的一份报告，"
        "退出码取所有文件中最严重的。"
    ),
)
@click.argument("sources", nargs=-1, required=True)
@source_options
@report_format_option(RENDERERS, N_("输出格式：text、json、github（注释）、junit（XML）或 sarif。"))
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info"]),
    help=N_("使退出码为 1 的最低严重程度（默认 error，或按配置）。"),
)
@click.option("--baseline", type=click.Path(), help=N_("已接受的问题（基线，JSON）。"))
@click.option(
    "--write-baseline",
    type=click.Path(),
    help=N_("把全部问题作为已接受写入此文件，报告数量，退出码 0。"),
)
@click.option(
    "--show-accepted",
    is_flag=True,
    help=N_("也列出基线已接受的问题（默认只计数）。"),
)
@registry_option
@config_option
@output_option
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    help=N_("多个输入时的工作进程数（默认：本机核数）。"),
)
def check_list(  # noqa: PLR0913, PLR0917 - one parameter per option
    sources: tuple[str, ...],
    from_format: str | None,
    rendering: str | None,
    output_format: str,
    fail_on: str | None,
    baseline: str | None,
    write_baseline: str | None,
    show_accepted: bool,
    registry_files: tuple[str, ...],
    office: str | None,
    config_file: str | None,
    output: str | None,
    jobs: int | None,
) -> None:
    """Check SOURCES for consistency: exit 0 when clean, 1 on findings, 2 on bad input."""
    if is_batch(sources):
        if baseline is not None or write_baseline is not None:
            fail(_("基线文件只能用于单个清单的检查"))
        options = CheckOptions(
            from_format=from_format,
            config_file=config_file,
            fail_on=Severity(fail_on) if fail_on else None,
            registry_files=registry_files,
            office=office,
            keep_findings=output_format != "text",  # the text summary needs only counts
        )
        with reported_errors():
            refuse_overwriting_inputs(output, *(s.path for s in expand(sources)))
            code = run_batch_check(
                sources,
                options,
                output_format=output_format,
                output=output,
                jobs=jobs,
                render=lambda merged, name: RENDERERS[name](merged),
            )
        sys.exit(code)
    (source,) = sources

    with reported_errors():
        config = configured(source, config_file, registry_files, office)
        config = config.merged(fail_on=Severity(fail_on) if fail_on else None)
        inputs = (source, baseline, config.source, *config.registry_files)
        for target in (output, write_baseline):
            refuse_overwriting_inputs(target, *inputs)
        limit = config.max_input_bytes
        duty_list = load_list(source, from_format, rendering, limit)
        with input_limit(limit):
            report = attrs.evolve(
                check(duty_list, config), source=None if source == STDIO else source
            )
            if source != STDIO and format_for(source, from_format).name == "json":
                report = locate_in_json(report, duty_list, source)
            if baseline is not None:
                report = read_baseline(baseline).apply(report)
        if write_baseline is not None:
            store_baseline(report, write_baseline)
            count = len(report.findings)
            note(
                ngettext(
                    "已将 {count} 条问题作为已接受写入 {name}",
                    "已将 {count} 条问题作为已接受写入 {name}",
                    count,
                ).format(count=count, name=write_baseline)
            )
            sys.exit(EXIT_OK)
        if output_format == "text" and output is None:
            print_text(report, show_accepted=show_accepted)
        else:
            rendered = (
                render_text(report, show_accepted=show_accepted)  # the one option of one format
                if output_format == "text"
                else RENDERERS[output_format](report)
            )
            write_output(output, rendered.encode("utf-8"))
    sys.exit(EXIT_OK if report.ok else EXIT_DIFFERENCES)
