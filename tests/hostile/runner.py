"""Lay hostile cases out on disk and run them in capped worker processes."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

from tests.hostile.cases import Case, lay_out
from tests.hostile.families import good_json
from tests.hostile.worker import WALL_CAP

ROOT = Path(__file__).resolve().parents[2]
MEMORY_CAP = 1 << 30
"""Bytes of address space a worker may use (RLIMIT_AS)."""


def _limit_memory() -> None:  # runs in the child, before Python starts
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def jobs_for(cases: list[Case], folder: Path) -> list[dict[str, object]]:
    """Lay out each case in its own folder under ``folder`` and return its jobs."""
    jobs: list[dict[str, object]] = []
    for number, case in enumerate(cases):
        for command_index, argv in enumerate(case.commands):
            home = folder / f"{number:04d}-{command_index}"
            home.mkdir()
            lay_out(case, home, good_json())
            jobs.append(
                {"case": case.ident, "kind": "cli", "folder": str(home), "argv": list(argv),
                 "outputs": list(case.outputs)}
            )  # fmt: skip
        if case.api_source is not None:
            home = folder / f"{number:04d}-api"
            home.mkdir()
            lay_out(case, home, good_json())
            jobs.append(
                {"case": case.ident, "kind": "api", "folder": str(home),
                 "api_source": case.api_source}
            )  # fmt: skip
    return jobs


def run_cases(
    cases: list[Case], folder: Path, timings: list[tuple[float, str]] | None = None
) -> list[str]:
    """Run every command of every case; return the problems found, one line each.

    ``timings``, when given, receives ``(seconds, job)`` for every job run.
    """
    jobs = jobs_for(cases, folder)
    job_file = folder / "jobs.json"
    job_file.write_text(json.dumps(jobs), encoding="utf-8")
    problems: list[str] = []
    first = 0
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "DUTYLIST_LANG": "zh"}
    while first < len(jobs):
        try:
            completed = subprocess.run(  # noqa: S603 - our own worker
                [sys.executable, "-m", "tests.hostile.worker", str(job_file), str(first)],
                cwd=ROOT,
                env=environment,
                capture_output=True,
                text=True,
                timeout=WALL_CAP * (len(jobs) - first) + 60,
                preexec_fn=_limit_memory,
                check=False,
            )
            output, error = completed.stdout, completed.stderr
        except subprocess.TimeoutExpired as exc:
            output = exc.stdout.decode() if isinstance(exc.stdout, bytes) else exc.stdout or ""
            error = "worker timed out"
        started = first
        for line in output.splitlines():
            record = json.loads(line)
            if "start" in record:
                started = record["start"]
            else:
                first = record["done"] + 1
                job = jobs[record["done"]]
                problems += [
                    f"{job['case']} {job.get('argv', 'api')}: {p}" for p in record["problems"]
                ]
        if first <= started and first < len(jobs):  # the worker died on job `started`
            job = jobs[started]
            problems.append(
                f"{job['case']} {job.get('argv', 'api')}: worker died: {error.strip()[-300:]}"
            )
            first = started + 1
    return problems
