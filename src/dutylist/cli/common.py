"""What every command shares: option decorators, loading a list, one-line errors."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from dutylist.io import FORMATS

if TYPE_CHECKING:
    from dutylist.model import DutyList

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK = 0
EXIT_DIFFERENCES = 1
EXIT_BAD_INPUT = 2

FORMAT_NAMES = tuple(sorted(FORMATS))


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
    from dutylist.io import format_for, read  # noqa: PLC0415

    fmt = format_for(path, format_name)
    options = {"rendering": rendering} if rendering else {}
    duty_list = read(path, fmt, **options)
    for note in duty_list.notes:
        click.echo(f"dutylist: note: {path}: {note}", err=True)
    if fmt.name != "json":
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


format_option = click.Choice(FORMAT_NAMES)
rendering_option = click.option(
    "--rendering",
    type=click.Choice(["auto", "web", "attachment"]),
    help="For text captures holding two renderings: which one to read.",
)
registry_option = click.option(
    "--departments",
    "registry_files",
    multiple=True,
    type=click.Path(),
    help="An extra department registry (TOML); may be repeated.",
)


def source_options(command: F) -> F:
    """Add the options that say how to read SOURCE: ``--from`` and ``--rendering``."""
    command = rendering_option(command)
    return click.option("--from", "from_format", type=format_option, help="Format of SOURCE.")(
        command
    )
