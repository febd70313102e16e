"""Measure dutylist.diff against DeepDiff(old, new, ignore_order=True) on the same data.

    .venv/bin/python benchmarks/bench_diff.py [--repeat N] [--deepdiff-max N]

Pairs compared (reading excluded; both lists are in memory first):

reference   the Mingzhu list (293 items) and its illustrative revision (examples/revision.py)
generated   lists of about 300, 3,000 and 30,000 items made by repeating the reference list
            (tests/diff/generated.py), each against a seeded revision with 3 % edits
            (renames, clause edits, additions, removals, moves), renumbered

For each pair: dutylist.diff, best of N; DeepDiff on the JSON-ready data of both lists
(``dutylist.codec.to_data``) with ignore_order=True, once (it is slow) and only up to
--deepdiff-max items; their ratio; and, for the generated sizes, time / (n log n)
relative to the smallest size, which stays near or below 1 when the diff scales no worse
than n log n.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.diff.generated import generated_list, generated_revision  # noqa: E402
from tests.reports.revision_pair import SEED, make_revision, strip_sources  # noqa: E402

from dutylist.codec import to_data  # noqa: E402
from dutylist.diff import diff  # noqa: E402
from dutylist.io.text import read_text  # noqa: E402
from dutylist.model import DutyList  # noqa: E402


def best_of(function: Callable[[], object], repeat: int) -> float:
    """Return the best wall-clock time of ``function`` over ``repeat`` runs."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def deepdiff_time(old: DutyList, new: DutyList) -> float:
    """Return the time of one DeepDiff(ignore_order=True) of the two lists' JSON data."""
    from deepdiff import DeepDiff  # noqa: PLC0415 - slow to import, used only here

    old_data, new_data = to_data(old), to_data(new)
    start = time.perf_counter()
    DeepDiff(old_data, new_data, ignore_order=True)
    return time.perf_counter() - start


def main() -> None:
    """Print one table row per pair."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--deepdiff-max", type=int, default=30000)
    options = parser.parse_args()
    base = strip_sources(read_text(SEED))
    pairs = [("reference", base, make_revision(base))]
    for size in (300, 3000, 30000):
        generated = generated_list(base, size)
        pairs.append((f"generated {size}", generated, generated_revision(generated)))
    print("| pair | items | changes | dutylist.diff | DeepDiff | ratio | time / n log n |")
    print("|---|---|---|---|---|---|---|")
    unit = None
    for label, old, new in pairs:
        n = len(old.items)
        changeset = diff(old, new)
        repeat = options.repeat if n < 10000 else max(1, options.repeat // 2)
        ours = best_of(lambda old=old, new=new: diff(old, new), repeat)
        scale = ""
        if label.startswith("generated"):
            per = ours / (n * math.log(n))
            unit = unit or per
            scale = f"{per / unit:.2f}"
        if n <= options.deepdiff_max:
            theirs = deepdiff_time(old, new)
            deep, ratio = f"{theirs:.2f} s", f"{theirs / ours:.0f}×"
        else:
            deep, ratio = "not run", ""
        print(
            f"| {label} | {n} → {len(new.items)} | {len(changeset.changes)} | "
            f"{ours * 1000:.1f} ms | {deep} | {ratio} | {scale} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
