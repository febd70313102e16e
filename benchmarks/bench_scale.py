"""Measure how reading, checking and comparing grow with the size of a list.

    .venv/bin/python benchmarks/bench_scale.py [--copies 1,10,100] [--repeats 5]

Lists of about 300, 3,000 and 30,000 items are made by repeating the reference list (293
items) 1, 10 and 100 times, so that each step is exactly tenfold
(tests/diff/generated.py: names made unique by a suffix, so every name has near-identical
namesakes, the worst case of the similar-item-name rule), each against a seeded revision
with 3 % edits. For each size:

reference a plainly linear pass over the list (dutylist.codec.to_data, its JSON-ready
          data): how this machine takes ten times the data (memory caches), to read
          the other growths against
read      dutylist.load of the list written as JSON
check     dutylist.checks.check with the default configuration
diff      dutylist.diff of the list and its revision
text … redline   the change set rendered in each report format

Times are processor time of this process, the best of ``--repeats`` calls of each step
(the machine is shared: another process slows a call down, never speeds it up; a call
over REPEAT_BELOW seconds is not repeated, which only errs towards more growth), after a
warm-up run on a tiny list (imports and caches). The largest list is 52 MB of JSON, above
the default input limit, which is raised for the read. The growth column is
the time divided by the time at the previous size: about 10 for a tenfold list means
linear work. The target is at most 10 from 3,000 to 30,000 items.
Garbage-collector thresholds are those of the command line (dutylist.cli.GC_THRESHOLDS).
Writes benchmarks/results/bench_scale.md.
"""

from __future__ import annotations

import argparse
import gc
import math
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.diff.generated import generated_list, generated_revision  # noqa: E402

import dutylist  # noqa: E402
from dutylist.checks import check  # noqa: E402
from dutylist.cli import GC_THRESHOLDS  # noqa: E402
from dutylist.codec import to_data  # noqa: E402
from dutylist.diff import diff_lists  # noqa: E402
from dutylist.io.files import input_limit  # noqa: E402
from dutylist.reports.changes import render_changes, render_redline  # noqa: E402

REFERENCE = ROOT / "examples" / "mingzhu.json"
RESULTS = ROOT / "benchmarks" / "results" / "bench_scale.md"
READ_LIMIT = 1 << 30
"""The input limit while reading the generated lists (the largest is above the default)."""
STEPS = (
    "reference",
    "read",
    "check",
    "diff",
    "text",
    "markdown",
    "html",
    "docx",
    "json",
    "redline",
)


REPEAT_BELOW = 5.0
"""A call taking longer than this many seconds is not repeated (the run stays short)."""


def timed(function: Callable[[], object], repeats: int) -> float:
    """Return the least processor time of up to ``repeats`` calls of ``function``.

    Processor time, not wall time: 2 shared cores.
    """
    best = math.inf
    for _ in range(repeats):
        start = time.process_time()
        function()
        spent = time.process_time() - start
        best = min(best, spent)
        if spent > REPEAT_BELOW:
            break
    return best


def measure(size: int, folder: Path, repeats: int) -> tuple[int, dict[str, float]]:
    """Return the item count and the time of each step for a list of about ``size`` items."""
    old = generated_list(dutylist.load(REFERENCE), size)
    new = generated_revision(old, seed=1)
    path = folder / f"list-{size}.json"
    dutylist.dump(old, path)
    times = {"reference": timed(lambda: to_data(old), repeats)}
    with input_limit(READ_LIMIT):
        times["read"] = timed(lambda: dutylist.load(path), repeats)
    times["check"] = timed(lambda: check(old), repeats)
    changeset = diff_lists(old, new)
    times["diff"] = timed(lambda: diff_lists(old, new), repeats)
    for name in ("text", "markdown", "html", "docx", "json"):
        times[name] = timed(lambda name=name: render_changes(changeset, name), repeats)
    times["redline"] = timed(lambda: render_redline(changeset), repeats)
    return len(old.items), times


def main() -> None:
    """Measure, print and write the results table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", default="1,10,100")
    parser.add_argument("--repeats", type=int, default=5)
    arguments = parser.parse_args()
    reference_size = len(dutylist.load(REFERENCE).items)
    sizes = [int(copies) * reference_size for copies in arguments.copies.split(",")]
    gc.set_threshold(*GC_THRESHOLDS)
    rows: list[tuple[int, dict[str, float]]] = []
    with tempfile.TemporaryDirectory() as folder:
        measure(60, Path(folder), 1)  # warm up: imports and caches are not part of the growth
        for size in sizes:
            rows.append(measure(size, Path(folder), arguments.repeats))
            print(rows[-1][0], {k: round(v, 3) for k, v in rows[-1][1].items()}, flush=True)
    header = "| step | " + " | ".join(f"{items:,} items (s) | growth" for items, _ in rows) + " |"
    lines = [
        "## Scale: read, check and diff at 300, 3,000 and 30,000 items",
        "",
        (
            "Lists made by repeating the reference list 1, 10 and 100 times, each against "
            "a seeded revision with 3 % edits; processor time, the best of "
            f"{arguments.repeats} calls of each step (one for a call over "
            f"{REPEAT_BELOW:.0f} s). Growth is the time divided by the time "
            "at the previous size (10 for a tenfold list is linear). The *reference* row is "
            "a plainly linear pass over the list (`dutylist.codec.to_data`): its growth is "
            "what this machine makes of ten times the data (the processor caches), so read "
            "the other growths against it; the total leaves the reference out. Command: "
            "`.venv/bin/python benchmarks/bench_scale.py`."
        ),
        "",
        header,
        "|" + "---|" * (1 + 2 * len(rows)),
    ]
    for step in [*STEPS, "total"]:
        cells = []
        previous = None
        for _, times in rows:
            if step == "total":
                value = sum(time for name, time in times.items() if name != "reference")
            else:
                value = times[step]
            growth = "" if previous is None else f"{value / previous:.1f}×"
            cells += [f"{value:.3f}", growth]
            previous = value
        lines.append(f"| {step} | " + " | ".join(cells) + " |")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
