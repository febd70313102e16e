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
    from_option,
    load_list,
    output_option,
    refuse_overwriting_inputs,
    registry_option,
    rendering_option,
    report_format_option,
    reported_errors,
    write_output,
)
from dutylist.departments.registry import registry_for
from dutylist.diff import diff_lists
from dutylist.diff.filters import filter_changes
from dutylist.messages import N_, _
from dutylist.reports.changes import RENDERERS, render_changes
from dutylist.reports.changes.text import print_text

if TYPE_CHECKING:
    from dutylist.model import DutyList

_FILE_FORMATS = frozenset({"docx", "redline"})
"""The formats written as .docx files, which need ``-o`` (``-o -`` for standard output)."""


@click.command(
    name="diff",
    help=N_(
        "比较 OLD 和 NEW（dutylist 能读的任何格式）：新增、"
        "取消、变更、转类了什么。\n\n"
        "事项按内容而不是序号对应：重新编号只做汇总，不算变更。两份清单都可以是 -（标准输入）"
        "。报告以标签、标题、日期和文件名称呼两个版本。部门按 NEW 的名录比较（其所属地、"
        "从 NEW 所在文件夹找到的配置、--departments），与 check 相同。"
        "退出码 0；使用 --exit-code 时清单不同为 1；输入无法使用为 2。"
    ),
)
@click.argument("old", type=click.Path(allow_dash=True))
@click.argument("new", type=click.Path(allow_dash=True))
@from_option(N_("OLD 和 NEW 的格式；从标准输入（-）读取且无法判断时需要。"))
@click.option(
    "--label",
    "labels",
    multiple=True,
    metavar="LABEL",
    help=N_(
        "在报告中为版本命名：第一个 --label 指 OLD，第二个指 NEW（默认："
        "各清单的 metadata.version）。"
    ),
)
@rendering_option
@report_format_option(
    RENDERERS,
    N_(
        "报告格式：text、markdown、html（单个文件）、docx（新旧对照表）、"
        "redline（带修订痕迹的新清单 .docx）或 json（变更集）。"
    ),
)
@output_option
@click.option("--exit-code", is_flag=True, help=N_("两份清单不同时退出码为 1（同 git diff）。"))
@click.option(
    "--redline",
    is_flag=True,
    help=N_("与 --format docx 一起使用：输出带修订痕迹的新清单（同 --format redline）。"),
)
@click.option("--substantive-only", is_flag=True, help=N_("略去形式上的变化（空格、标点……）。"))
@click.option(
    "--department",
    metavar="NAME",
    help=N_("只保留涉及该部门的事项变更（供该部门会签）。"),
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
    """Compare OLD and NEW (any format dutylist reads): what was added, removed, changed, moved."""
    if output_format in _FILE_FORMATS and output is None:
        fail(_("--format {format} 需要用 -o/--output 指定文件").format(format=output_format))
    if old == STDIO and new == STDIO:
        fail(_("OLD 和 NEW 不能都是标准输入（-）"))
    if len(labels) > 2:
        fail(_("--label 最多两次：第一次为 OLD，第二次为 NEW"))
    if redline and output_format != "docx":
        fail(_("--redline 需要与 --format docx 一起使用"))
    if (redline or output_format == "redline") and (substantive_only or department):
        option = "--redline" if redline else "--format redline"
        fail(_("{option} 显示全部变更，不能筛选").format(option=option))
    if redline:
        output_format = "redline"  # the old spelling of --format redline
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
            write_output(output, render_changes(changeset, output_format))
    sys.exit(EXIT_DIFFERENCES if exit_code and not changeset.is_empty else EXIT_OK)


def _named(duty_list: DutyList, path: str, label: tuple[str, ...]) -> DutyList:
    """Return ``duty_list`` named for the report: the file compared, ``--label`` if given."""
    metadata = attrs.evolve(duty_list.metadata, source_file=display_name(path))
    if label:
        metadata = attrs.evolve(metadata, version=label[0])
    return attrs.evolve(duty_list, metadata=metadata)
