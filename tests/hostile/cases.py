"""What a hostile input is, and how it is laid out on disk.

A :class:`Case` is a small folder: input files (bytes, symbolic links, FIFOs), the
commands to run in it, and the outputs those commands may write. Families (in
:mod:`tests.hostile.families`) make cases from a seeded random generator; the runner
(:mod:`tests.hostile.runner`) lays each case out in a temporary folder and runs it.
"""

from __future__ import annotations

import os
import random
import struct
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import attrs

GOOD = "good.json"
"""A valid list placed in every case folder (the other side of ``diff``)."""
OUTPUTS = ("out.json", "out.docx", "report.json", "report.xml", "diff.out")
"""Names the default commands write to."""


@attrs.frozen
class Link:
    """A symbolic link to ``target``."""

    target: str


@attrs.frozen
class Fifo:
    """A named pipe that nobody writes to."""


@attrs.frozen
class Folder:
    """An empty folder."""


Content = bytes | Link | Fifo | Folder


@attrs.frozen(kw_only=True)
class Case:
    """One hostile input and the commands run on it."""

    family: str
    name: str
    files: dict[str, Content]
    commands: tuple[tuple[str, ...], ...]
    outputs: tuple[str, ...] = OUTPUTS
    api_source: str | None = None
    """The file the Python API is also asked to load, check and diff (None: skip)."""

    @property
    def ident(self) -> str:
        """Return ``family/name``."""
        return f"{self.family}/{self.name}"


def lay_out(case: Case, folder: Path, good: bytes) -> None:
    """Create the files of ``case`` in ``folder`` (which exists and is empty)."""
    (folder / GOOD).write_bytes(good)
    for name, content in case.files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        elif isinstance(content, Link):
            path.symlink_to(content.target)
        elif isinstance(content, Fifo):
            os.mkfifo(path)
        else:
            path.mkdir(exist_ok=True)


def default_commands(
    source: str, index: int, from_format: str | None = None
) -> tuple[tuple[str, ...], ...]:
    """Return the five commands run on a hostile list, varying the output formats by index."""
    given = ("--from", from_format) if from_format else ()
    convert_to = ("out.json", "out.docx")[index % 2]
    check_format = ("json", "junit", "sarif", "github", "text")[index % 5]
    diff_format = (
        ("--format", "text"),
        ("--format", "markdown"),
        ("--format", "html"),
        ("--format", "json"),
        ("--format", "docx"),
        ("--format", "docx", "--redline"),
    )[index % 6]
    report = "report.xml" if check_format == "junit" else "report.json"
    return (
        ("convert", *given, "--", source, convert_to),
        ("show", *given, "--", source),
        ("check", *given, "--format", check_format, "-o", report, "--", source),
        ("diff", *given, *diff_format, "-o", "diff.out", "--", GOOD, source),
        ("departments", *given, "--", source),
    )


# -- families -----------------------------------------------------------------------------

Maker = Callable[[random.Random, int], Case]
FAMILIES: dict[str, tuple[Maker, int]] = {}
"""Every family of hostile inputs: name → (function making case number i, case count)."""


def family(name: str, count: int = 23) -> Callable[[Maker], Maker]:
    """Register ``function(rng, index) -> Case`` as the family ``name`` of ``count`` cases.

    Adding a family for a new reader is one such function.
    """

    def register(function: Maker) -> Maker:
        FAMILIES[name] = (function, count)
        return function

    return register


SEED = 20_261_201


def cases(name: str) -> Iterator[Case]:
    """Yield the cases of one family, the same ones on every run (fixed seed)."""
    function, count = FAMILIES[name]
    rng = random.Random(f"{SEED}:{name}")  # noqa: S311 - test data, not cryptography
    for index in range(count):
        yield function(rng, index)


# -- zip packages, built byte by byte so any header field can lie -------------------------


@attrs.frozen(kw_only=True)
class Member:
    """One member of a hand-built zip package."""

    name: str
    data: bytes
    """The stored (compressed) bytes."""
    size: int
    """The uncompressed size."""
    crc: int
    method: int = 8
    flags: int = 0
    declared: int | None = None
    """The size written in the headers, when it should lie."""


def deflated(name: str, data: bytes) -> Member:
    """Return a member holding ``data`` deflated."""
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    body = packer.compress(data) + packer.flush()
    return Member(name=name, data=body, size=len(data), crc=zlib.crc32(data))


def bomb(name: str, unit: bytes, size: int, head: bytes = b"", tail: bytes = b"") -> Member:
    """Return a member inflating to about ``size`` bytes of ``unit`` repeated (built streaming)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = unit * max(1, (1 << 20) // len(unit))
    pieces = [packer.compress(head)]
    crc = zlib.crc32(head)
    total = len(head)
    while total < size:
        pieces.append(packer.compress(block))
        crc = zlib.crc32(block, crc)
        total += len(block)
    pieces += [packer.compress(tail), packer.flush()]
    crc = zlib.crc32(tail, crc)
    return Member(name=name, data=b"".join(pieces), size=total + len(tail), crc=crc)


def build_zip(members: list[Member]) -> bytes:
    """Return a zip package of ``members``, headers exactly as the members say."""
    out = bytearray()
    central = bytearray()
    for member in members:
        name = member.name.encode()
        size = member.size if member.declared is None else member.declared
        offset = len(out)
        fields = (member.flags, member.method, 0, 0x21, member.crc, len(member.data), size)
        out += b"PK\x03\x04" + struct.pack("<HHHHHIII", 20, *fields)
        out += struct.pack("<HH", len(name), 0) + name + member.data
        central += b"PK\x01\x02" + struct.pack("<HHHHHHIII", 20, 20, *fields)
        central += struct.pack("<HHHHHII", len(name), 0, 0, 0, 0, 0, offset) + name
    start = len(out)
    out += central
    count = len(members)
    out += b"PK\x05\x06" + struct.pack("<HHHHIIH", 0, 0, count, count, len(central), start, 0)
    return bytes(out)
