"""Check many lists, in worker processes, one result per file as soon as it is ready.

Results stream: a list is read, checked and dropped inside its worker, and only its
:class:`FileResult` (counts, and findings when a merged report needs them) crosses
back, so memory does not grow with the number of lists. Results come back in the order
of the sources, whatever ``jobs`` is, so a batch gives the same output as the same files
checked one by one.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TypeVar

import attrs

from dutylist.checks import check
from dutylist.checks.findings import Report, Severity
from dutylist.checks.located import locate_in_json
from dutylist.config import Config, find_config, load_config
from dutylist.corpus.sources import Source
from dutylist.errors import DutylistError
from dutylist.io import format_for, read
from dutylist.model import DutyList

T = TypeVar("T")


@attrs.frozen(kw_only=True)
class CheckOptions:
    """How every list of a batch is read and checked (picklable: sent to the workers)."""

    from_format: str | None = None
    """The format of every source, instead of each suffix."""
    config_file: str | None = None
    """One configuration for every list; by default each list's own is found."""
    fail_on: Severity | None = None
    """Overrides the configured ``fail_on``."""
    registry_files: tuple[str, ...] = ()
    """Department registry files added to the configured ones."""
    office: str | None = None
    """The office of every list (``--office``), instead of each list's title."""
    keep_findings: bool = True
    """Send each list's findings back; False sends only their counts (a summary table),
    so that the batch's memory does not grow with the findings of thousands of lists."""


@attrs.frozen(kw_only=True)
class FileResult:
    """The outcome of checking one file."""

    path: str
    """The file as given or found."""
    report: Report | None = None
    """The findings, or None when the file could not be read or only counts were kept."""
    counts: Mapping[Severity, int] = attrs.field(factory=dict)
    """The number of unaccepted findings of each severity, when the file was read."""
    ok: bool = False
    """True when the file was read and no unaccepted finding reaches ``fail_on``."""
    items: int = 0
    """The number of items read."""
    title: str | None = None
    """The list's title, when read."""
    error: str | None = None
    """Why the file could not be read (one line), when it could not."""

    @property
    def readable(self) -> bool:
        """Return True when the file was read and checked."""
        return self.error is None

    @property
    def exit_code(self) -> int:
        """Return 0 (clean), 1 (failing findings) or 2 (unreadable), as for one file."""
        if not self.readable:
            return 2
        return 0 if self.ok else 1


def config_for(path: str, options: CheckOptions) -> Config:
    """Return the configuration that applies to ``path`` under ``options``."""
    config = load_config(options.config_file) if options.config_file else find_config(path)
    return config.merged(
        fail_on=options.fail_on,
        registry_files=tuple(Path(name) for name in options.registry_files),
        office=options.office,
    )


def load_source(path: str, from_format: str | None = None) -> DutyList:
    """Return the list in ``path``, its reader chosen by ``from_format`` or the suffix."""
    return read(path, format_for(path, from_format))


def check_file(path: str, options: CheckOptions) -> FileResult:
    """Read and check one file; an unreadable file gives a result with :attr:`error`."""
    try:
        duty_list = load_source(path, options.from_format)
        report = attrs.evolve(check(duty_list, config_for(path, options)), source=path)
        if format_for(path, options.from_format).name == "json":
            report = locate_in_json(report, duty_list, path)
    except DutylistError as exc:
        return FileResult(path=path, error=str(exc))
    return FileResult(
        path=path,
        report=report if options.keep_findings else None,
        counts=report.counts(),
        ok=report.ok,
        items=len(duty_list.items),
        title=duty_list.title,
    )


def default_jobs() -> int:
    """Return the number of worker processes to use by default: the usable cores."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def run_batch(
    sources: Sequence[Source],
    work: Callable[[str], T],
    unreadable: Callable[[Source], T],
    *,
    jobs: int | None = None,
) -> Iterator[T]:
    """Yield ``work(path)`` for every source in order, in ``jobs`` processes.

    ``work`` must be picklable (a module-level function or a :func:`functools.partial` of
    one); sources that name no file give ``unreadable(source)`` without a worker.
    """
    jobs = default_jobs() if jobs is None else max(1, jobs)
    paths = [source.path for source in sources if source.problem is None]
    if jobs == 1 or len(paths) <= 1:
        done: Iterable[T] = map(work, paths)
        yield from _merge(sources, done, unreadable)
        return
    # concurrent.futures.process imports multiprocessing, socket, logging: 50 ms at start-up.
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415

    chunk = max(1, min(16, len(paths) // (jobs * 4)))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from _merge(sources, pool.map(work, paths, chunksize=chunk), unreadable)


def _merge(
    sources: Sequence[Source], done: Iterable[T], unreadable: Callable[[Source], T]
) -> Iterator[T]:
    results = iter(done)
    for source in sources:
        yield unreadable(source) if source.problem is not None else next(results)


def check_many(
    sources: Sequence[Source], options: CheckOptions | None = None, *, jobs: int | None = None
) -> Iterator[FileResult]:
    """Yield the result of checking every source, in order, in ``jobs`` worker processes.

    Args:
        sources: the files (see :func:`dutylist.corpus.sources.expand`).
        options: how to read and check them; defaults apply when None.
        jobs: worker processes; the usable cores by default, 1 for no workers.
    """
    from functools import partial  # noqa: PLC0415 - tiny, kept beside its one use

    work = partial(check_file, options=options or CheckOptions())
    return run_batch(
        sources,
        work,
        lambda source: FileResult(path=source.path, error=source.problem),
        jobs=jobs,
    )


def worst_exit_code(results: Iterable[FileResult]) -> int:
    """Return the worst exit code over ``results`` (2 unreadable > 1 findings > 0)."""
    return max((result.exit_code for result in results), default=0)
