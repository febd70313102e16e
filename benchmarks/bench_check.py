"""Measure checking the reference list, in process and through the command line.

    .venv/bin/python benchmarks/bench_check.py [--repeat N]

The reference list is examples/mingzhu.json (293 items). Best of N runs each:

load    dutylist.load of the JSON example (for scale)
first   dutylist.checks.check in a fresh process: includes importing rapidfuzz and
        building the department registry
check   dutylist.checks.check again (registry cached, as in a long-running process)
cli     `dutylist check examples/mingzhu.json --format json` as a subprocess, end to end

Target: check well under a second.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from report import machine, milliseconds, table, write_result

import dutylist
from dutylist.checks import check

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "examples" / "mingzhu.json"


def best_of(function: Callable[[], object], repeat: int) -> float:
    """Return the best wall-clock time of ``function`` over ``repeat`` runs."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def first_check_in_a_fresh_process() -> float:
    """Return the time of the first check in a new interpreter (imports included)."""
    code = (
        "import time, dutylist\n"
        f"d = dutylist.load({str(REFERENCE)!r})\n"
        "start = time.perf_counter()\n"
        "from dutylist.checks import check\n"
        "check(d)\n"
        "print(time.perf_counter() - start)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return float(result.stdout.strip())


def cli() -> None:
    """Run the command line on the reference list."""
    command = [str(Path(sys.executable).parent / "dutylist"), "check", str(REFERENCE)]
    subprocess.run([*command, "--format", "json"], capture_output=True, check=False)


def main() -> None:
    """Print the timings."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat

    duty_list = dutylist.load(REFERENCE)
    report = check(duty_list)
    timings = {
        "load": best_of(lambda: dutylist.load(REFERENCE), repeat),
        "first": min(first_check_in_a_fresh_process() for _ in range(repeat)),
        "check": best_of(lambda: check(duty_list), repeat),
        "cli": best_of(cli, repeat),
    }
    items = len(duty_list.items)
    what = {
        "load": "`dutylist.load` of the JSON example: the baseline",
        "first": "`check` in a fresh interpreter: imports rapidfuzz, builds the registry",
        "check": "`check` again, registry cached, as in a long-running process",
        "cli": "`dutylist check examples/mingzhu.json --format json` end to end",
    }
    base = timings["load"]
    rows = [
        (name, milliseconds(seconds), f"{seconds / base:.1f}×", what[name])
        for name, seconds in timings.items()
    ]
    write_result(
        __file__,
        f"""\
## Checking

`.venv/bin/python benchmarks/bench_check.py --repeat {repeat}` ({machine()})

The reference list (`examples/mingzhu.json`, {items} items, {len(report.findings)} findings:
{report.summary()}), best of {repeat} runs each; the ratio is to loading the same list in
the same run. Target: checking well under a second.

{table(("step", "time", "ratio to load", "what"), rows)}

The rules are linear in the list's size except `similar-item-name`, which compares every
item name with the names before it through rapidfuzz's C++ `process.extractOne`. Running
text is scanned for department names with one compiled expression of all registry
spellings, longest first.
""",
    )


if __name__ == "__main__":
    main()
