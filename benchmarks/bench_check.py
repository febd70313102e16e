"""Measure checking a ~300-item list against loading it, in the same process and round.

    .venv/bin/python benchmarks/bench_check.py [--repeat N]

The lists: the reference examples/mingzhu.json (293 items, a district's subdistrict) and the
same list moved to a county (县, towns 镇), whose department registry is expanded for that
county. Best of N rounds, each round timing, back to back:

load     dutylist.load of the JSON list: the baseline (garbage collection paused while
         timing, as timeit does, for the baseline and the check alike)
check    dutylist.checks.check after the first call (the registry of the office is built
         once per process, as in a long-running process or a CI job checking many lists)
unseen   the same, with the registry's per-name and per-text caches emptied before each
         call: a list of the same office the process has not seen
first    the first check in a fresh process: imports (rapidfuzz) and building the registry

Target (issue 11): check ≤ 3× load. Writes benchmarks/results/bench_check.md.
"""

from __future__ import annotations

import argparse
import functools
import gc
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import dutylist
from dutylist.checks import check
from dutylist.departments.registry import registry_for

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "examples" / "mingzhu.json"
RESULTS = Path(__file__).resolve().parent / "results" / "bench_check.md"
TARGET = 3.0
HEADER = "| list | items | load | check | check / load | unseen | unseen / load | first | ≤ 3× |"


def timed(function: Callable[[], object]) -> float:
    """Return the wall-clock time of one call of ``function``, garbage collection paused.

    As :mod:`timeit` does: a collection pass over everything alive would otherwise land
    in whichever call happens to trigger it.
    """
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        function()
        return time.perf_counter() - start
    finally:
        gc.enable()


def first_check_in_a_fresh_process(path: Path) -> float:
    """Return the time of the first check in a new interpreter (imports included)."""
    code = (
        "import time, dutylist\n"
        f"d = dutylist.load({str(path)!r})\n"
        "start = time.perf_counter()\n"
        "from dutylist.checks import check\n"
        "check(d)\n"
        "print(time.perf_counter() - start)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return float(result.stdout.strip())


def county_copy(folder: Path) -> Path:
    """Write the reference moved to a county (农安县, 合隆镇) and return its path."""
    sys.path.insert(0, str(ROOT))
    from tests.checks.renaming import Place, rename  # noqa: PLC0415 - test helper

    path = folder / "county.json"
    place = Place("吉林省", "长春市", "农安", "县", "合隆", "镇")
    dutylist.dump(rename(dutylist.load(REFERENCE), place), path)
    return path


def measure(paths: dict[str, Path], repeat: int) -> dict[str, dict[str, float]]:
    """Return the best load, check and unseen times of each list over ``repeat`` rounds.

    Each round times every list in turn (in alternating order), so that a busy machine
    slows all of them alike.
    """
    lists = {name: dutylist.load(path) for name, path in paths.items()}
    registries = {}
    for name, duty_list in lists.items():
        check(duty_list)  # the first call: imports, the office's registry
        registries[name] = registry_for(duty_list)
    best = {name: dict.fromkeys(("load", "check", "unseen"), float("inf")) for name in paths}

    def unseen(name: str) -> None:
        registries[name].clear_caches()
        check(lists[name], registry=registries[name])

    for round_number in range(repeat):
        order = list(paths.items())
        for name, path in order[:: -1 if round_number % 2 else 1]:
            timing, duty_list = best[name], lists[name]
            timing["load"] = min(timing["load"], timed(functools.partial(dutylist.load, path)))
            timing["check"] = min(timing["check"], timed(functools.partial(check, duty_list)))
            timing["unseen"] = min(timing["unseen"], timed(functools.partial(unseen, name)))
    for name, path in paths.items():
        best[name]["first"] = min(
            first_check_in_a_fresh_process(path) for _ in range(max(1, repeat // 5))
        )
        best[name]["items"] = len(lists[name].items)
    return best


def main() -> None:
    """Print the timings and write the results section."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    repeat = parser.parse_args().repeat
    import tempfile  # noqa: PLC0415

    with tempfile.TemporaryDirectory() as folder:
        runs = measure(
            {
                "reference (南关区, 街道)": REFERENCE,
                "moved to a county (农安县, 镇)": county_copy(Path(folder)),
            },
            repeat,
        )
    rows = []
    for name, timing in runs.items():
        ratio = timing["check"] / timing["load"]
        rows.append(
            f"| {name} | {timing['items']:.0f} | {timing['load'] * 1000:.1f} ms "
            f"| {timing['check'] * 1000:.1f} ms | {ratio:.2f}× "
            f"| {timing['unseen'] * 1000:.1f} ms | {timing['unseen'] / timing['load']:.2f}× "
            f"| {timing['first'] * 1000:.0f} ms | {'yes' if ratio <= TARGET else 'no'} |"
        )
    section = "\n".join(
        [
            "## Checking a list",
            "",
            "`dutylist.checks.check` of a ~300-item list after the first call, against",
            f"`dutylist.load` of the same JSON list (the baseline), best of {repeat} rounds",
            "(each timing both lists in turn) in one process, garbage collection paused",
            "while timing (as `timeit` does);",
            "`first` is the first check in a fresh process (imports and the office's",
            "department registry); `unseen` empties the registry's per-name and per-text",
            "caches before each check, as for a list of the same office not seen before.",
            f"Target: check ≤ {TARGET:.0f}× load.",
            "",
            "```sh",
            ".venv/bin/python benchmarks/bench_check.py",
            "```",
            "",
            HEADER,
            "|---|---|---|---|---|---|---|---|---|",
            *rows,
            "",
        ]
    )
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(section, encoding="utf-8")
    print(section)


if __name__ == "__main__":
    main()
