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
from dutylist.messages import LANGUAGES, set_language

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


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="dutylist")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.option("-q", "--quiet", is_flag=True, help="Print no notes on stderr, only errors.")
@click.option("-v", "--verbose", is_flag=True, help="Also say what was read and written.")
@click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    help="Language of messages and reports: zh (default) or en; or set DUTYLIST_LANG.",
)
@click.pass_context
def main(ctx: click.Context, debug: bool, quiet: bool, verbose: bool, lang: str | None) -> None:
    """Read, check and compare township and subdistrict duty lists (履行职责事项清单).

    Every SOURCE may be - (standard input; --from names its format when it cannot be
    told), and every -o/--output may be - (standard output) or a device such as
    /dev/stdout.
    """
    set_language(lang)
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
