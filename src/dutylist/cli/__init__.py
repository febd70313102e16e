"""The ``dutylist`` command line: thin commands over the public API, one module each.

Exit codes: 0 success (and, for check/diff, nothing to report), 1 findings or
differences, 2 unusable input (missing, empty, malformed or wrong-format files) or a
usage error. Errors are one line on stderr; ``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import click

from dutylist._version import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="dutylist")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Read, check and compare township and subdistrict duty lists (履行职责事项清单)."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


def _register() -> None:
    """Add every command to :func:`main`: one line per command module."""
    from dutylist.cli import check, convert, departments, diff  # noqa: PLC0415 - after main

    for command in (
        convert.convert,
        convert.show,
        check.check_list,
        departments.departments_command,
        diff.diff_command,
    ):
        main.add_command(command)


_register()
