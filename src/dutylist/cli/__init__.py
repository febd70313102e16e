"""The ``dutylist`` command line: thin commands over the public API, one module each.

Exit codes: 0 success (and, for check/diff, nothing to report), 1 findings or
differences, 2 unusable input (missing, empty, malformed or wrong-format files) or a
usage error. Errors are one line on stderr; ``--debug`` shows the traceback instead.
``-`` names standard input (a SOURCE) and standard output (``-o -``); ``-q`` hides the
notes on stderr, ``-v`` adds what was read and written.
"""

from __future__ import annotations

import click

from dutylist._version import __version__
from dutylist.messages import LANGUAGES, set_language


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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
