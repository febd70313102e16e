"""The ``dutylist`` command line: thin commands over the public API, one module each.

Exit codes: 0 success (and, for check/diff, nothing to report), 1 findings or
differences, 2 unusable input (missing, empty, malformed or wrong-format files) or a
usage error. Errors are one line on stderr; ``--debug`` shows the traceback instead.
``-`` names standard input (a SOURCE) and standard output (``-o -``); ``-q`` hides the
notes on stderr, ``-v`` adds what was read and written.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

import click

from dutylist._version import __version__
from dutylist.cli.helptext import show_help_in
from dutylist.messages import LANGUAGES, N_, set_language

GC_THRESHOLDS = (100_000, 50, 1000)
"""Garbage-collector thresholds of a run: a large list makes hundreds of thousands of
objects that live until the end, which Python's defaults (700, 10, 10) scan again and
again; the command line collects less often, so its work grows linearly with the list."""


class _Group(click.Group):
    """A group whose usage errors are one line too, like every other error."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,  # noqa: ANN401 - click's signature
    ) -> NoReturn:
        """Run the command; print usage errors as ``dutylist: error: …`` (exit code 2)."""
        del standalone_mode
        set_language(None)  # DUTYLIST_LANG's language until --lang says otherwise
        show_help_in(self)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.ClickException as exc:
            hint = ""
            if isinstance(exc, click.UsageError) and exc.ctx is not None:
                hint = f" ({exc.ctx.command_path} --help)"
            click.echo(f"dutylist: error: {exc.format_message()}{hint}", err=True)
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("dutylist: error: aborted", err=True)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


def _choose_language(ctx: click.Context, _param: click.Parameter, lang: str | None) -> str | None:
    """Speak ``--lang`` from here on, in messages and in the help of every command."""
    set_language(lang)
    root = ctx.find_root().command
    show_help_in(root)
    return lang


@click.group(
    cls=_Group,
    context_settings={"help_option_names": ["-h", "--help"]},
    help=N_(
        "读取、检查和比较乡镇（街道）履行职责事项清单。\n\n"
        "每个 SOURCE 都可以是 -（标准输入；无法判断格式时用 --from 指明）"
        "，每个 -o/--output 都可以是 -（标准输出）或 /dev/stdout 之类的设备。"
    ),
)
@click.version_option(
    __version__, "--version", "-V", prog_name="dutylist", help=N_("显示版本号并退出。")
)
@click.option("--debug", is_flag=True, help=N_("出错时显示完整的调用栈，而不是一行错误。"))
@click.option("-q", "--quiet", is_flag=True, help=N_("标准错误只输出错误，不输出提示。"))
@click.option("-v", "--verbose", is_flag=True, help=N_("同时说明读取和写出了什么。"))
@click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    is_eager=True,
    expose_value=False,
    callback=_choose_language,
    help=N_("提示和报告的语言：zh（默认）或 en；也可设置环境变量 DUTYLIST_LANG。"),
)
@click.pass_context
def main(ctx: click.Context, debug: bool, quiet: bool, verbose: bool) -> None:
    """Read, check and compare township and subdistrict duty lists (履行职责事项清单)."""
    gc.set_threshold(*GC_THRESHOLDS)
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug
    ctx.obj["verbosity"] = -1 if quiet else 1 if verbose else 0


def _register() -> None:
    """Add every command to :func:`main`: one line per command module."""
    from dutylist.cli import (  # noqa: PLC0415 - after main
        check,
        compare,
        convert,
        departments,
        diff,
        export,
        history,
        inspect,
    )

    for command in (
        convert.convert,
        convert.show,
        check.check_list,
        departments.departments_command,
        diff.diff_command,
        compare.compare_command,
        export.export_command,
        history.history_command,
        inspect.inspect_command,
    ):
        main.add_command(command)


_register()
