"""The ``dutylist`` command line: thin commands over the public API.

Exit codes: 0 success (and, for check/diff, nothing to report), 1 findings or
differences, 2 unusable input (missing, empty, malformed or wrong-format files) or a
usage error. Errors are one line on stderr; ``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from dutylist._version import __version__
from dutylist.io import FORMATS

if TYPE_CHECKING:
    from dutylist.model import DutyList

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK = 0
EXIT_DIFFERENCES = 1
EXIT_BAD_INPUT = 2

FORMAT_NAMES = tuple(sorted(FORMATS))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="dutylist")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Read, check and compare township and subdistrict duty lists (履行职责事项清单)."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


def fail(message: str) -> NoReturn:
    """Print ``dutylist: error: message`` on stderr and exit with code 2."""
    click.echo(f"dutylist: error: {message}", err=True)
    sys.exit(EXIT_BAD_INPUT)


@contextmanager
def reported_errors() -> Iterator[None]:
    """Turn dutylist errors into one line on stderr and exit code 2 (unless ``--debug``)."""
    from dutylist.errors import DutylistError  # noqa: PLC0415

    debug = bool(click.get_current_context().find_root().obj.get("debug"))
    try:
        yield
    except DutylistError as exc:
        if debug:
            raise
        fail(str(exc))


def load_list(path: str, format_name: str | None, rendering: str | None = None) -> DutyList:
    """Return the list in ``path``, printing the reader's notes on stderr.

    Text the reader could not place is listed too, except when reading JSON (where it
    was reported when the list was first read, and is kept in the file).
    """
    from dutylist.api import load  # noqa: PLC0415
    from dutylist.io import format_for  # noqa: PLC0415

    options = {"rendering": rendering} if rendering else {}
    duty_list = load(path, format_name, **options)
    for note in duty_list.notes:
        click.echo(f"dutylist: note: {path}: {note}", err=True)
    if format_for(path, format_name).name != "json":
        for unplaced in duty_list.unplaced:
            where = unplaced.location.describe() if unplaced.location is not None else path
            text = unplaced.text.replace("\n", " ")[:60]
            click.echo(f"dutylist: note: {where}: {unplaced.reason}: {text}", err=True)
    return duty_list


def refuse_overwriting_inputs(output: str, *inputs: str) -> None:
    """Exit with code 2 when ``output`` is one of the ``inputs``."""
    target = Path(output)
    for source in inputs:
        if target.exists() and Path(source).exists() and target.samefile(source):
            fail(f"{output}: refusing to overwrite the input file")
        if os.path.abspath(output) == os.path.abspath(source):  # noqa: PTH100
            fail(f"{output}: refusing to overwrite the input file")


_format_option = click.Choice(FORMAT_NAMES)
_rendering_option = click.option(
    "--rendering",
    type=click.Choice(["auto", "web", "attachment"]),
    help="For text captures holding two renderings: which one to read.",
)


@main.command()
@click.argument("source", type=click.Path())
@click.argument("output", type=click.Path())
@click.option("--from", "from_format", type=_format_option, help="Format of SOURCE.")
@click.option("--to", "to_format", type=_format_option, help="Format of OUTPUT.")
@_rendering_option
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


@main.command()
@click.argument("source", type=click.Path())
@click.option("--from", "from_format", type=_format_option, help="Format of SOURCE.")
@_rendering_option
def show(source: str, from_format: str | None, rendering: str | None) -> None:
    """Summarise SOURCE: parts, categories with declared and actual counts, totals."""
    from dutylist.reports.summary import print_summary  # noqa: PLC0415

    with reported_errors():
        duty_list = load_list(source, from_format, rendering)
    print_summary(duty_list)
