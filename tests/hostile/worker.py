"""Run hostile jobs in one process and report each as a JSON line.

    python -m tests.hostile.worker JOBS.json

Started by :mod:`tests.hostile.runner` with a memory cap; each job runs the command line
in process (click's runner) or the Python API under a time cap (``signal.setitimer``),
then checks what it left behind. Output lines: ``{"start": i}`` before job ``i`` (so a
crash can be pinned on it) and ``{"done": i, "problems": [...]}`` after.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import signal
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

TIME_CAP = 10.0
"""Seconds of processor time one command may take."""
PDF_TIME_CAP = 30.0
"""Seconds of processor time one command on a PDF may take (pdfplumber is slow)."""
WALL_CAP = 60.0
"""Seconds of wall time one command may take (catches blocking: a FIFO never opened).

Processor time, not wall time, is held to :data:`TIME_CAP`: the machine running the
tests may be shared, and a loaded machine must not fail a test."""
LEAK = "root:x:0:0"
"""Text of /etc/passwd that must never appear in an output (external entities)."""


class Hang(BaseException):
    """Raised by the timer when a job runs past the time cap."""


def _alarm(_signal: int, _frame: object) -> None:
    raise Hang


def _start_timers(folder: Path | None = None) -> None:
    pdf = folder is not None and any(folder.glob("*.pdf"))
    signal.setitimer(signal.ITIMER_PROF, PDF_TIME_CAP if pdf else TIME_CAP)
    signal.setitimer(signal.ITIMER_REAL, WALL_CAP)


def _stop_timers() -> None:
    signal.setitimer(signal.ITIMER_PROF, 0)
    signal.setitimer(signal.ITIMER_REAL, 0)


def snapshot(folder: Path) -> dict[str, str]:
    """Return every entry under ``folder``: file hashes, link targets, kinds; never follows."""
    entries: dict[str, str] = {}
    for root, folders, files in os.walk(folder, followlinks=False):
        for name in [*folders, *files]:
            path = Path(root) / name
            relative = str(path.relative_to(folder))
            info = path.lstat()
            if path.is_symlink():
                entries[relative] = "link:" + str(path.readlink())
            elif path.is_file():
                entries[relative] = hashlib.sha256(path.read_bytes()).hexdigest()
            elif path.is_dir():
                entries[relative] = "folder"
            else:
                entries[relative] = f"special:{info.st_mode:o}"
    return entries


def _valid_output(path: Path, argv: list[str]) -> str | None:
    """Return why the output at ``path`` is not a valid file of its kind, or None."""
    from lxml import etree

    import dutylist

    data = path.read_bytes()
    if LEAK.encode() in data:
        return "leaked /etc/passwd"
    if not data:
        return "empty output"
    if path.name in {"out.json", "out.docx"}:
        dutylist.load(path)  # a list written must read back
        return None
    if data.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            for info in package.infolist():
                if info.filename.endswith((".xml", ".rels")):
                    etree.fromstring(package.read(info))
        return None
    text = data.decode("utf-8")
    chosen = argv[argv.index("--format") + 1] if "--format" in argv else "text"
    if path.suffix == ".xml" or chosen == "junit":
        etree.fromstring(data)
    elif chosen in {"json", "sarif"}:
        json.loads(text)
    elif chosen == "html":
        etree.fromstring(data, etree.HTMLParser(recover=False))
    return None


def run_cli(job: dict[str, Any], problems: list[str]) -> None:
    """Run one command-line job and record what went wrong."""
    from click.testing import CliRunner

    from dutylist.cli import main

    folder = Path(job["folder"])
    before = snapshot(folder)
    os.chdir(folder)
    _start_timers(folder)
    try:
        result = CliRunner().invoke(main, job["argv"], catch_exceptions=True)
    except Hang:
        problems.append(f"hang: more than {TIME_CAP:.0f} s")
        return
    finally:
        _stop_timers()
    stderr = result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        import traceback

        where = traceback.extract_tb(result.exc_info[2])[-3:] if result.exc_info else []
        frames = " < ".join(f"{Path(f.filename).name}:{f.lineno}" for f in reversed(where))
        problems.append(f"traceback: {type(result.exception).__name__}: {result.exception}"[:200])
        problems[-1] += f" at {frames}"
    if "Traceback" in stderr:
        problems.append("traceback on stderr")
    code = result.exit_code
    if code not in {0, 1, 2}:
        problems.append(f"exit code {code}")
    errors = [line for line in stderr.splitlines() if line.startswith("dutylist: error:")]
    if code == 2 and len(errors) != 1:
        problems.append(f"exit 2 without exactly one error line: {stderr[-200:]!r}")
    if LEAK in result.stdout or LEAK in stderr:
        problems.append("leaked /etc/passwd")
    after = snapshot(folder)
    for name, state in before.items():
        if after.get(name) != state:
            problems.append(f"input changed: {name}")
    for name in sorted(set(after) - set(before)):
        if name not in job["outputs"] and not name.startswith("missing"):
            problems.append(f"stray file left: {name}")
        elif code == 2:
            problems.append(f"output written although the run failed: {name}")
        else:
            try:
                reason = _valid_output(folder / name, job["argv"])
            except Exception as exc:  # noqa: BLE001 - any failure means an invalid file
                reason = f"{type(exc).__name__}: {exc}"[:200]
            if reason:
                problems.append(f"invalid output {name}: {reason}")


def run_api(job: dict[str, Any], problems: list[str]) -> None:
    """Load, check, diff and serialise through the Python API: only DutylistError may escape."""
    import dutylist
    from dutylist.errors import DutylistError
    from dutylist.io.json import dumps

    folder = Path(job["folder"])
    os.chdir(folder)
    _start_timers(folder)
    try:
        duty_list = dutylist.load(job["api_source"])
        dutylist.check(duty_list)
        dutylist.diff_lists(dutylist.load("good.json"), duty_list)
        dumps(duty_list)
    except DutylistError:
        pass
    except Hang:
        problems.append(f"api hang: more than {TIME_CAP:.0f} s")
    except BaseException as exc:  # noqa: BLE001 - that is what is being looked for
        problems.append(f"api raised {type(exc).__name__}: {exc}"[:300])
    finally:
        _stop_timers()


def _report(record: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(record) + "\n")
    sys.stdout.flush()


def main() -> None:
    """Run the jobs in the file named on the command line, from the index given (or 0)."""
    jobs = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    first = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    signal.signal(signal.SIGALRM, _alarm)
    signal.signal(signal.SIGPROF, _alarm)
    for index in range(first, len(jobs)):
        _report({"start": index})
        problems: list[str] = []
        job = jobs[index]
        start = time.perf_counter()
        (run_api if job["kind"] == "api" else run_cli)(job, problems)
        seconds = round(time.perf_counter() - start, 2)
        _report({"done": index, "problems": problems, "seconds": seconds})


if __name__ == "__main__":
    main()
