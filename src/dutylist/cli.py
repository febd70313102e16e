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


_format_option = click.Choice(FORMAT_NAMES)
_rendering_option = click.option(
    "--rendering",
    type=click.Choice(["auto", "web", "attachment"]),
    help="For text captures holding two renderings: which one to read.",
)
_registry_option = click.option(
    "--departments",
    "registry_files",
    multiple=True,
    type=click.Path(),
    help="An extra department registry (TOML); may be repeated.",
)


def _source_options(command: F) -> F:
    """Add the options that say how to read SOURCE: ``--from`` and ``--rendering``."""
    command = _rendering_option(command)
    return click.option("--from", "from_format", type=_format_option, help="Format of SOURCE.")(
        command
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
@_source_options
def show(source: str, from_format: str | None, rendering: str | None) -> None:
    """Summarise SOURCE: parts, categories with declared and actual counts, totals."""
    from dutylist.reports.summary import print_summary  # noqa: PLC0415

    with reported_errors():
        duty_list = load_list(source, from_format, rendering)
    print_summary(duty_list)


CHECK_FORMATS = ("text", "json", "github", "junit", "sarif")


def _render_report(report: object, output_format: str) -> str:
    """Return a check report rendered in ``output_format`` (not ``text``)."""
    from dutylist.checks.findings import Report  # noqa: PLC0415

    assert isinstance(report, Report)  # noqa: S101 - internal helper
    if output_format == "json":
        from dutylist.reports.findings.json import render_json  # noqa: PLC0415

        return render_json(report)
    if output_format == "github":
        from dutylist.reports.findings.github import render_github  # noqa: PLC0415

        return render_github(report)
    if output_format == "junit":
        from dutylist.reports.findings.junit import render_junit  # noqa: PLC0415

        return render_junit(report)
    from dutylist.reports.findings.sarif import render_sarif  # noqa: PLC0415

    return render_sarif(report)


@main.command(name="check")
@click.argument("source", type=click.Path())
@_source_options
@click.option(
    "--format",
    "output_format",
    type=click.Choice(CHECK_FORMATS),
    default="text",
    show_default=True,
    help="Output: text, json, github (annotations), junit (XML) or sarif.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info"]),
    help="Lowest severity that makes the exit code 1 (default: error, or the configuration).",
)
@click.option("--baseline", type=click.Path(), help="Accepted findings (JSON).")
@click.option(
    "--write-baseline",
    type=click.Path(),
    help="Write all findings to this file as accepted, then exit 0.",
)
@_registry_option
@click.option(
    "--config",
    "config_file",
    type=click.Path(),
    help="Configuration file (default: found from SOURCE's folder upward).",
)
@click.option("-o", "--output", type=click.Path(), help="Write the report here.")
def check_list(  # noqa: PLR0913, PLR0917 - one parameter per option
    source: str,
    from_format: str | None,
    rendering: str | None,
    output_format: str,
    fail_on: str | None,
    baseline: str | None,
    write_baseline: str | None,
    registry_files: tuple[str, ...],
    config_file: str | None,
    output: str | None,
) -> None:
    """Check SOURCE for consistency: exit 0 when clean, 1 on findings, 2 on bad input.

    Findings at or above --fail-on (default error) make the exit code 1, unless a
    --baseline file accepts them.
    """
    import attrs  # noqa: PLC0415

    from dutylist.checks import check  # noqa: PLC0415
    from dutylist.checks.baseline import Baseline, read_baseline  # noqa: PLC0415
    from dutylist.checks.baseline import write_baseline as store_baseline  # noqa: PLC0415
    from dutylist.checks.findings import Severity  # noqa: PLC0415
    from dutylist.config import find_config, load_config  # noqa: PLC0415
    from dutylist.io.files import write_atomically  # noqa: PLC0415

    for target in (output, write_baseline):
        if target is not None:
            refuse_overwriting_inputs(target, source, *([baseline] if baseline else []))
    with reported_errors():
        duty_list = load_list(source, from_format, rendering)
        config = load_config(config_file) if config_file else find_config(source)
        config = config.merged(
            fail_on=Severity(fail_on) if fail_on else None,
            registry_files=tuple(Path(name) for name in registry_files),
        )
        report = attrs.evolve(check(duty_list, config), source=source)
        if baseline is not None:
            report = read_baseline(baseline).apply(report)
        if write_baseline is not None:
            store_baseline(report, write_baseline)
            report = Baseline.of(report.findings).apply(report)
        if output_format == "text" and output is None:
            from dutylist.reports.findings.text import print_text  # noqa: PLC0415

            print_text(report)
        else:
            if output_format == "text":
                from dutylist.reports.findings.text import render_text  # noqa: PLC0415

                rendered = render_text(report)
            else:
                rendered = _render_report(report, output_format)
            if output is None:
                click.echo(rendered, nl=False)
            else:
                write_atomically(output, rendered.encode("utf-8"))
    sys.exit(EXIT_OK if report.ok else EXIT_DIFFERENCES)


@main.command(name="departments")
@click.argument("source", type=click.Path())
@_source_options
@_registry_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
def departments_command(
    source: str,
    from_format: str | None,
    rendering: str | None,
    registry_files: tuple[str, ...],
    output_format: str,
) -> None:
    """Show each department in SOURCE: items it leads, cooperates on, receives; spellings."""
    from dutylist.config import find_config  # noqa: PLC0415
    from dutylist.departments.registry import Registry, default_registry  # noqa: PLC0415
    from dutylist.departments.view import department_views  # noqa: PLC0415

    with reported_errors():
        duty_list = load_list(source, from_format, rendering)
        files = (*find_config(source).registry_files, *map(Path, registry_files))
        registry = Registry.from_files(files) if files else default_registry()
        views = department_views(duty_list, registry)
    if output_format == "json":
        from dutylist.reports.departments import render_departments_json  # noqa: PLC0415

        click.echo(render_departments_json(views), nl=False)
    else:
        from dutylist.reports.departments import print_departments  # noqa: PLC0415

        print_departments(views)


@main.command(name="diff")
@click.argument("old", type=click.Path())
@click.argument("new", type=click.Path())
@click.option("--from", "from_format", type=_format_option, help="Format of OLD and NEW.")
@_rendering_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "markdown", "html", "docx", "json"]),
    default="text",
    show_default=True,
    help="Report: text, markdown, html (one file), docx (新旧对照表) or json (the change set).",
)
@click.option("-o", "--output", type=click.Path(), help="Write the report here.")
@click.option("--exit-code", is_flag=True, help="Exit 1 when the lists differ (like git diff).")
@click.option(
    "--redline", is_flag=True, help="With --format docx: the revised list with tracked changes."
)
def diff_command(  # noqa: PLR0913, PLR0917 - one parameter per option
    old: str,
    new: str,
    from_format: str | None,
    rendering: str | None,
    output_format: str,
    output: str | None,
    exit_code: bool,
    redline: bool,
) -> None:
    """Compare OLD and NEW (any format dutylist reads): what was added, removed, changed, moved.

    Items are matched by content, not by number: renumbering is summarised, not reported
    as edits. Exit 0, or with --exit-code 1 when the lists differ; 2 on unusable input.
    """
    from dutylist.departments.registry import default_registry  # noqa: PLC0415
    from dutylist.diff import diff  # noqa: PLC0415
    from dutylist.io.files import write_atomically  # noqa: PLC0415
    from dutylist.reports.changes import render_changes  # noqa: PLC0415

    if output is not None:
        refuse_overwriting_inputs(output, old, new)
    if output_format == "docx" and output is None:
        fail("--format docx needs -o/--output FILE")
    if redline and output_format != "docx":
        fail("--redline needs --format docx")
    with reported_errors():
        before = load_list(old, from_format, rendering)
        after = load_list(new, from_format, rendering)
        registry = default_registry()
        changeset = diff(before, after, registry=lambda name: registry.normalise(name).canonical)
        if output_format == "text" and output is None:
            from dutylist.reports.changes.text import print_text  # noqa: PLC0415

            print_text(changeset)
        else:
            rendered = render_changes(changeset, output_format, new=after, redline=redline)
            if output is None:
                click.echo(rendered.decode("utf-8"), nl=False)
            else:
                write_atomically(output, rendered)
    sys.exit(EXIT_DIFFERENCES if exit_code and not changeset.is_empty else EXIT_OK)
