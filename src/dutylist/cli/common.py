"""What every command shares: option decorators, loading a list, one-line errors.

Conventions (those of ruff, csvkit and check-jsonschema): ``-`` names standard input as a
SOURCE and standard output as an ``-o`` target; ``--from`` names the format of standard
input when it cannot be told from its first bytes; notes go to stderr unless
``-q/--quiet``; ``-v/--verbose`` adds what was read and written.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from dutylist.config import find_config
from dutylist.errors import DutylistError
from dutylist.io import FORMATS, format_for, read, sniff_format
from dutylist.io.files import input_limit, write_atomically
from dutylist.messages import N_, _
from dutylist.parse.vocabulary import using_words

if TYPE_CHECKING:
    from dutylist.config import Config
    from dutylist.model import DutyList

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK = 0
EXIT_DIFFERENCES = 1
EXIT_BAD_INPUT = 2

FORMAT_NAMES = tuple(sorted(FORMATS))
WRITABLE_FORMAT_NAMES = tuple(sorted(name for name, fmt in FORMATS.items() if fmt.writer))
"""The formats ``convert --to`` offers."""
STDIO = "-"
"""Standard input as a SOURCE, standard output as an output file."""
STDIN_NAME = "<stdin>"
"""How standard input is named in messages."""


def fail(message: str) -> NoReturn:
    """Print ``dutylist: error: message`` on stderr and exit with code 2."""
    click.echo(f"dutylist: error: {message}", err=True)
    sys.exit(EXIT_BAD_INPUT)


@contextmanager
def reported_errors() -> Iterator[None]:
    """Turn dutylist errors into one line on stderr and exit code 2 (unless ``--debug``)."""
    debug = bool(click.get_current_context().find_root().obj.get("debug"))
    try:
        yield
    except DutylistError as exc:
        if debug:
            raise
        fail(str(exc))
    except MemoryError:
        if debug:
            raise
        fail(_("内存不足：输入过大或过于复杂"))


class _Stdin(io.BytesIO):
    """The bytes of standard input, named for messages."""

    name = STDIN_NAME


def _verbosity() -> int:
    """Return -1 with ``--quiet``, 1 with ``--verbose``, else 0."""
    context = click.get_current_context(silent=True)
    obj = context.find_root().obj if context is not None else None
    return int(obj.get("verbosity", 0)) if isinstance(obj, dict) else 0


def note(message: str) -> None:
    """Print ``dutylist: note: message`` on stderr, unless ``--quiet``."""
    if _verbosity() >= 0:
        click.echo(f"dutylist: note: {message}", err=True)


def detail(message: str) -> None:
    """Print ``dutylist: message`` on stderr, with ``--verbose`` only."""
    if _verbosity() > 0:
        click.echo(f"dutylist: {message}", err=True)


def display_name(path: str) -> str:
    """Return how ``path`` is named in messages: ``<stdin>`` for ``-``."""
    return STDIN_NAME if path == STDIO else path


def _stdin(format_name: str | None) -> tuple[_Stdin, str]:
    """Return standard input as a named binary stream, and its format's name."""
    from dutylist.io.files import read_bounded  # noqa: PLC0415

    stream = _Stdin(read_bounded(STDIO))
    name = format_name or sniff_format(stream.getvalue())
    if name is None:
        fail(
            _("{name}：无法判断标准输入的格式，请用 --from 指定（{known}）").format(
                name=STDIN_NAME, known="、".join(FORMAT_NAMES)
            )
        )
    return stream, name


def load_list(
    path: str, format_name: str | None, rendering: str | None = None, limit: int | None = None
) -> DutyList:
    """Return the list in ``path`` (``-``: standard input), printing the reader's notes.

    ``limit`` (bytes) replaces the input size limit while reading, when given.

    Text the reader could not place is listed too, except when reading JSON (where it
    was reported when the list was first read, and is kept in the file). ``--quiet``
    hides the notes; ``--verbose`` adds what was read. Header words from the
    configuration (``[tool.dutylist.headers]``, found from the file's folder, or the
    current one for standard input) are known while reading.
    """
    name = display_name(path)
    source: str | _Stdin = path
    with input_limit(limit):
        if path == STDIO:
            source, format_name = _stdin(format_name)
        fmt = format_for(name, format_name)
        options = {"rendering": rendering} if rendering else {}
        with using_words(find_config("." if path == STDIO else path).headers):
            duty_list = read(source, fmt, **options)
    for remark in duty_list.notes:
        note(f"{name}: {remark}")
    if fmt.name != "json":
        for unplaced in duty_list.unplaced:
            where = unplaced.location.describe() if unplaced.location is not None else name
            text = unplaced.text.replace("\n", " ")[:60]
            reason = _("{reason}：{text}").format(reason=_(unplaced.reason), text=text)
            note(f"{where}: {reason}")
    detail(
        _("已读取 {name}（{format}）：{count} 项").format(
            name=name, format=fmt.name, count=len(duty_list.items)
        )
    )
    return duty_list


def write_output(output: str | None, data: bytes) -> None:
    """Write ``data`` to ``output``: standard output for None or ``-``, else the file.

    A regular file is replaced atomically; a device or pipe (``/dev/stdout``,
    ``/dev/null``) is written directly.
    """
    if output is None or output == STDIO:
        sys.stdout.flush()
        stream = sys.stdout.buffer
        stream.write(data)
        stream.flush()
        return
    write_atomically(output, data)
    detail(_("已写入 {name}（{size} 字节）").format(name=output, size=len(data)))


def refuse_overwriting_inputs(output: str | None, *inputs: str | os.PathLike[str] | None) -> None:
    """Refuse to write ``output`` when it is the same file as one of the ``inputs``.

    Files are compared after resolving links, so a second name for an input is caught;
    ``-`` (standard input or output) is no file.

    Raises:
        UsageError: ``output`` is one of the inputs.
    """
    from dutylist.errors import UsageError  # noqa: PLC0415
    from dutylist.io.files import same_file  # noqa: PLC0415
    from dutylist.location import Location  # noqa: PLC0415

    if output is None or output == STDIO:
        return
    for source in inputs:
        if source is not None and os.fspath(source) != STDIO and same_file(output, source):
            raise UsageError(
                _("拒绝覆盖输入文件 {input}").format(input=os.fspath(source)),
                Location(file=output),
            )


def parse_date(text: str | None, option: str) -> dt.date | None:
    """Return the date written ``YYYY-MM-DD`` in ``text`` (None stays None).

    Raises:
        UsageError: the text is not a real date in that form.
    """
    from dutylist.errors import UsageError  # noqa: PLC0415

    if text is None:
        return None
    try:
        if len(text) == len("2024-01-31") and text[4] == text[7] == "-":
            return dt.date.fromisoformat(text)
    except ValueError:
        pass
    raise UsageError(
        _("{option} 应为实际存在的日期，格式 YYYY-MM-DD，而不是 {value!r}").format(
            option=option, value=text[:40]
        )
    )


format_option = click.Choice(FORMAT_NAMES)
writable_format_option = click.Choice(WRITABLE_FORMAT_NAMES)
rendering_option = click.option(
    "--rendering",
    type=click.Choice(["auto", "web", "attachment"]),
    help=N_("文本抓取中含两种呈现时读取哪一种。"),
)
_registry_files_option = click.option(
    "--departments",
    "registry_files",
    multiple=True,
    type=click.Path(),
    help=N_('部门名录（TOML），扩展全国词表，或在 mode = "replace" 时取而代之；可重复。'),
)
_office_option = click.option(
    "--office",
    help=N_("乡镇（街道），例如 四川省成都市武侯区玉林街道，用于标题未写明（或写错）时。"),
)


def registry_option(command: F) -> F:
    """Add the options that choose the department registry: ``--departments``, ``--office``."""
    return _registry_files_option(_office_option(command))


def configured(
    source: str,
    config_file: str | None = None,
    registry_files: tuple[str, ...] = (),
    office: str | None = None,
) -> Config:
    """Return the configuration for ``source`` with the command line's choices on top.

    The file is ``config_file``, else the one found from ``source``'s folder upward (the
    working folder for standard input).
    Every command that shows departments builds its registry from this configuration
    (:func:`dutylist.departments.registry.registry_for`).
    """
    from dutylist.config import find_config, load_config  # noqa: PLC0415

    folder = "." if source == STDIO else source  # standard input: the working folder
    config = load_config(config_file) if config_file else find_config(folder)
    return config.merged(registry_files=tuple(Path(name) for name in registry_files), office=office)


config_option = click.option(
    "--config",
    "config_file",
    type=click.Path(),
    help=N_("配置文件（默认：从输入所在文件夹向上查找）。"),
)
output_option = click.option(
    "-o",
    "--output",
    type=click.Path(allow_dash=True),
    help=N_("报告写到此处（- 或不给：标准输出）。"),
)


def from_option(help_text: str) -> Callable[[F], F]:
    """Return the ``--from`` option (the format of the inputs), with ``help_text``."""
    return click.option("--from", "from_format", type=format_option, help=help_text)


def report_format_option(names: Iterable[str], help_text: str) -> Callable[[F], F]:
    """Return the ``--format`` option offering ``names`` in that order, ``text`` by default."""
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(list(names)),
        default="text",
        show_default=True,
        help=help_text,
    )


def source_options(command: F) -> F:
    """Add the options that say how to read SOURCE: ``--from`` and ``--rendering``."""
    command = rendering_option(command)
    return from_option(N_("SOURCE 的格式；从标准输入（-）读取且无法判断时需要。"))(command)
