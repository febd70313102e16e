"""Turn command-line sources (files, folders, globs) into the list of files to read."""

from __future__ import annotations

import datetime as dt
import glob
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import attrs

from dutylist.io import FORMATS
from dutylist.messages import _
from dutylist.model import DutyList
from dutylist.numerals import parse_chinese_number

_GLOB_CHARS = frozenset("*?[")


def readable_suffixes() -> frozenset[str]:
    """Return the file suffixes some reader accepts (``.json``, ``.docx`` …), lower case."""
    return frozenset(suffix for fmt in FORMATS.values() for suffix in fmt.suffixes)


@attrs.frozen(kw_only=True)
class Source:
    """One file to read, or a source argument that named nothing readable."""

    path: str
    """The file, as given or as found under a folder."""
    problem: str | None = None
    """Why the argument gives no file (no such file, no list in a folder)."""


def expand(arguments: Sequence[str], suffixes: Iterable[str] | None = None) -> list[Source]:
    """Return the files named by ``arguments``, in order, each once.

    A file is taken as it is (whatever its suffix: its reader decides); a folder is searched
    recursively for files with a readable suffix, in sorted order, hidden files and folders
    skipped; an argument with ``*``, ``?`` or ``[`` is a glob (``**`` recursive) when it names
    no existing file. Arguments that name nothing come back with a :attr:`Source.problem`,
    so that a batch reports them and goes on.
    """
    wanted = frozenset(s.lower() for s in (suffixes or readable_suffixes()))
    found: list[Source] = []
    seen: set[str] = set()

    def add(path: str) -> None:
        key = os.path.normpath(path)
        if key not in seen:
            seen.add(key)
            found.append(Source(path=path))

    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            walked: list[int] = [0]
            files = sorted(_walk(path, wanted, walked))
            if walked[0] > MAX_WALKED:
                found.append(
                    Source(
                        path=argument,
                        problem=_("文件夹过大：超过 {count} 个文件和文件夹，未读取").format(
                            count=MAX_WALKED
                        ),
                    )
                )
                continue
            if not files:
                found.append(Source(path=argument, problem=_("文件夹中没有可读的清单")))
            for file in files:
                add(file)
        elif path.exists() or argument == "-" or not _GLOB_CHARS & set(argument):
            if path.exists() or argument == "-":
                add(argument)
            else:
                found.append(Source(path=argument, problem=_("文件不存在")))
        else:
            matches = sorted(
                match
                for match in glob.glob(argument, recursive=True)  # noqa: PTH207 - str patterns
                if Path(match).is_file()
            )
            if not matches:
                found.append(Source(path=argument, problem=_("没有文件与该模式匹配")))
            for match in matches:
                add(match)
    return found


MAX_WALKED = 100_000
"""The most files and folders looked at under one folder argument (``/`` would be all)."""


def _walk(folder: Path, suffixes: frozenset[str], walked: list[int]) -> Iterable[str]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        walked[0] += len(dirs) + len(files)
        if walked[0] > MAX_WALKED:
            return
        for name in files:
            if not name.startswith(".") and Path(name).suffix.lower() in suffixes:
                yield os.path.join(root, name)  # noqa: PTH118 - os.walk speaks str


def version_order(duty_list: DutyList, source: str) -> tuple[object, ...]:
    """Return the sort key that puts an office's newest version last.

    The publication date decides; then the version label, compared with its numbers as
    numbers (``2025年第二次调整`` after ``2025年第一次调整`` is not guaranteed by text, so
    Chinese ordinals are read as numbers too); then the source path.
    """
    published = duty_list.metadata.published or dt.date.min
    label = duty_list.metadata.version or ""
    pieces = tuple(
        (0, int(piece), "") if piece.isdigit() else (1, 0, piece)
        for piece in re.split(r"(\d+)", _chinese_digits(label))
        if piece
    )
    return (published, pieces, source)


def _chinese_digits(text: str) -> str:
    return re.sub(
        "[一二三四五六七八九十百零〇]+",
        lambda match: str(parse_chinese_number(match.group()) or match.group()),
        text,
    )


def office_identity(duty_list: DutyList, source: str) -> tuple[str, ...]:
    """Return what identifies an office across versions: its places and name, else its title."""
    office = duty_list.office
    if office is None:
        return ("", duty_list.title or source)
    return tuple(p or "" for p in (office.province, office.city, office.district, office.name))


def latest_versions(lists: Sequence[tuple[str, DutyList]]) -> list[tuple[str, DutyList]]:
    """Return each office's newest version, in the order the offices first appear."""
    newest: dict[tuple[str, ...], tuple[str, DutyList]] = {}
    order: list[tuple[str, ...]] = []
    for source, duty_list in lists:
        identity = office_identity(duty_list, source)
        if identity not in newest:
            order.append(identity)
            newest[identity] = (source, duty_list)
        else:
            kept_source, kept = newest[identity]
            if version_order(duty_list, source) > version_order(kept, kept_source):
                newest[identity] = (source, duty_list)
    return [newest[identity] for identity in order]
