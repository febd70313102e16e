"""Measure how reading, checking and comparing grow with the size of a list.

    .venv/bin/python benchmarks/bench_scale.py [--sizes 300,3000,30000]

Lists of about 300, 3,000 and 30,000 items are made by repeating the reference list
(tests/diff/generated.py: names made unique by a suffix, so every name has near-identical
namesakes, the worst case of the similar-item-name rule), each against a seeded revision
with 3 % edits. For each size (the largest takes about a minute):

reference a plainly linear pass over the list (dutylist.codec.to_data, its JSON-ready
          data): how this machine takes ten times the data (memory caches), to read
          the other growths against
read      dutylist.load of the list written as JSON
check     dutylist.checks.check with the default configuration
diff      dutylist.diff of the list and its revision
text … redline   the change set rendered in each report format

Times are processor time of this process (the machine is shared), after a warm-up run
on a tiny list (imports and caches). The growth column is
the time divided by the time at the previous size: about 10 for a tenfold list means
linear work. The target is at most 10 from 3,000 to 30,000 items.
Garbage-collector thresholds are those of the command line (dutylist.cli.GC_THRESHOLDS).
Writes benchmarks/results/bench_scale.md.
"""

from __future__ import annotations

import argparse
import gc
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


def timed(function: Callable[[], object]) -> float:
    """Return the processor time of one call of ``function`` (2 shared cores: not wall time)."""
    start = time.process_time()
    function()
    return time.process_time() - start


def _load_large(path: Path) -> object:
    """Return the list at ``path``: 30,000 items written as JSON exceed the 50 MiB default."""
    with input_limit(512 * 1024 * 1024):
        return dutylist.load(path)


def measure(size: int, folder: Path) -> tuple[int, dict[str, float]]:
    """Return the item count and the time of each step for a list of about ``size`` items."""
    old = generated_list(dutylist.load(REFERENCE), size)
    new = generated_revision(old, seed=1)
    path = folder / f"list-{size}.json"
    dutylist.dump(old, path)
    times = {
        "reference": min(timed(lambda: to_data(old)) for _ in range(3)),
        "read": timed(lambda: _load_large(path)),
        "check": timed(lambda: check(old)),
    }
    changeset = diff_lists(old, new)
    times["diff"] = min(timed(lambda: diff_lists(old, new)) for _ in range(3))
    for name in ("text", "markdown", "html", "docx", "json"):
        times[name] = timed(lambda name=name: render_changes(changeset, name))
    times["redline"] = timed(lambda: render_redline(changeset, new))
    return len(old.items), times


def main() -> None:
    """Measure, print and write the results table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="300,3000,30000")
    sizes = [int(size) for size in parser.parse_args().sizes.split(",")]
    gc.set_threshold(*GC_THRESHOLDS)
    rows: list[tuple[int, dict[str, float]]] = []
    with tempfile.TemporaryDirectory() as folder:
        measure(60, Path(folder))  # warm up: imports and caches are not part of the growth
        for size in sizes:
            rows.append(measure(size, Path(folder)))
            print(rows[-1][0], {k: round(v, 3) for k, v in rows[-1][1].items()}, flush=True)
    header = "| step | " + " | ".join(f"{items:,} items (s) | growth" for items, _ in rows) + " |"
    lines = [
        "## Scale: read, check and diff at 300, 3,000 and 30,000 items",
        "",
        (
            "Lists made by repeating the reference list, each against a seeded revision "
            "with 3 % edits. Growth is the time divided by the time at "
            "the previous size (10 for a tenfold list is linear). The *reference* row is a "
            "plainly linear pass over the list (`dutylist.codec.to_data`): its growth is what "
            "this machine makes of ten times the data (the processor caches), so read the "
            "other growths against it. *reference* and *diff* are the best of 3 runs; the "
            "total leaves the reference out. "
            "Command: `.venv/bin/python benchmarks/bench_scale.py`."
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
