"""Measure start-up and whole commands against the interpreter's own start-up.

    .venv/bin/python benchmarks/bench_cli.py [--repeat N]

Baseline, in the same run: ``python -c pass`` with the same interpreter. Then ``import
attrs, click`` (the two libraries dutylist and its command line import at start-up, for
reference), ``python -c "import dutylist"`` (the public API), ``dutylist --version``
(start-up of the command line), ``dutylist diff OLD.docx NEW.docx`` (read two .docx files,
compare, print the text report) and ``dutylist check OLD.docx``. The commands run in turn
within each round; each figure is the best of N rounds. Bytecode caching is on (the variable
PYTHONDONTWRITEBYTECODE is removed) and one untimed round warms the caches, as for an
installed package. Targets: ``import dutylist`` at most 60 ms and ``dutylist --version`` at
most 80 ms more than ``python -c pass``.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from report import machine, milliseconds, table, write_result

REPO = Path(__file__).resolve().parent.parent
DUTYLIST = str(Path(sys.executable).parent / "dutylist")
ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
TARGETS = {"import dutylist": 0.060, "dutylist --version": 0.080}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(command: list[str]) -> tuple[float, float]:
    """Return the wall-clock and CPU time of one run of ``command``, in seconds."""
    cpu = _children_cpu()
    start = time.perf_counter()
    subprocess.run(command, cwd=REPO, capture_output=True, check=False, env=ENV)
    return time.perf_counter() - start, _children_cpu() - cpu


def main() -> None:
    """Time each command, best of N rounds, and write benchmarks/results/bench_cli.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    repeat = parser.parse_args().repeat
    with tempfile.TemporaryDirectory() as folder:
        old, new = Path(folder) / "old.docx", Path(folder) / "new.docx"
        for source, target in (("mingzhu.json", old), ("mingzhu-revised.json", new)):
            subprocess.run(
                [DUTYLIST, "convert", f"examples/{source}", str(target)], cwd=REPO, check=True
            )
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "import attrs, click": [sys.executable, "-c", "import attrs, click"],
            "import dutylist": [sys.executable, "-c", "import dutylist"],
            "dutylist --version": [DUTYLIST, "--version"],
            "dutylist diff old.docx new.docx": [DUTYLIST, "diff", str(old), str(new)],
            "dutylist check old.docx": [DUTYLIST, "check", str(old)],
        }
        for command in commands.values():
            run(command)
        wall = dict.fromkeys(commands, float("inf"))
        cpu = dict.fromkeys(commands, float("inf"))
        for _ in range(repeat):
            for label, command in commands.items():
                seconds, used = run(command)
                wall[label] = min(wall[label], seconds)
                cpu[label] = min(cpu[label], used)
    floor = wall["python -c pass"]
    rows = []
    for label in commands:
        extra = wall[label] - floor
        target = TARGETS.get(label)
        verdict = "" if target is None else ("yes" if extra <= target else "**no**")
        rows.append(
            (
                f"`{label}`",
                milliseconds(wall[label]),
                f"+{milliseconds(extra)}" if label != "python -c pass" else "",
                f"{wall[label] / floor:.1f}×",
                milliseconds(cpu[label]),
                f"≤ +{milliseconds(target)}: {verdict}" if target else "",
            )
        )
    header = ("command", "wall", "over `pass`", "ratio", "CPU", "target")
    write_result(
        __file__,
        f"""\
## Start-up and the command line

`.venv/bin/python benchmarks/bench_cli.py --repeat {repeat}` ({machine()})

Whole commands as subprocesses, best of {repeat} rounds, against the interpreter starting and
doing nothing (`python -c pass`) in the same rounds; CPU is the user + system time of the
best round. The .docx files are the reference list and its illustrative revision.

{table(header, rows)}

Start-up stays fast through one mechanism: `import dutylist` imports the whole public API,
and the heavy libraries (lxml, python-docx, cattrs, rapidfuzz, jinja2, rich …, and the slow
standard modules zipfile, tempfile, tomllib, hashlib, `importlib.resources`) are imported
inside the functions that use them; `tests/test_api.py` checks that `import dutylist,
dutylist.cli` loads none of them. Importing does no other work: regular expressions compile
on first use and packaged files are read when first asked for (`tests/test_patterns.py`
checks that importing compiles none). That took `import dutylist` from +138 ms to about
+100–115 ms and `dutylist --version` from +183 ms to about +130–145 ms on this machine (the
range is what runs on different hours gave). The targets (+60 ms and +80 ms) are not met. Of
what is left, importing attrs and click takes about +40 ms (the `import attrs, click` row);
of dutylist's own import, about 60 % is attrs building its classes (86 at import: model,
findings, change sets, readers' records, each compiling its `__init__`, `__repr__`, `__eq__`
and `__hash__`, about 0.5 ms a class) and the rest is loading about 90 modules. The model
and change set alone are 23 classes, so the target for `import dutylist` leaves room for
attrs only if almost no class is built with it.
""",
    )


if __name__ == "__main__":
    main()
