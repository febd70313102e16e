"""Measure dutylist.diff against a keyed baseline and DeepDiff on the same pairs, same run.

    .venv/bin/python benchmarks/bench_diff.py [--repeat N] [--deepdiff-max N]

Pairs: lists of about 300, 3,000 and 30,000 items made by repeating the reference list
(tests/diff/generated.py: names suffixed ``（k）``, wording repeated), each against a
revision with about 4 % of items edited by tests/diff/planted.py (renames, clause edits,
additions, removals, moves, splits, merges, a category swap, a renamed department).

Columns: ``dutylist.diff`` builds the ChangeSet with inline diffs (no rendering), best of
N; the *keyed baseline* is the least a diff can do — difflib.SequenceMatcher over the
item names, then a field-by-field compare of the pairs it aligns — best of N; their
ratio (target ≤ 5×); whether dutylist's change set equals the planted one exactly;
DeepDiff(ignore_order=True) on the JSON-ready data, once, up to --deepdiff-max items.
Writes benchmarks/results/bench_diff.md.
"""

from __future__ import annotations

import argparse
import difflib
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.diff.generated import generated_list  # noqa: E402
from tests.diff.planted import canonical, planted_revision  # noqa: E402
from tests.reports.revision_pair import SEED, strip_sources  # noqa: E402

from dutylist.codec import to_data  # noqa: E402
from dutylist.diff import diff_lists  # noqa: E402
from dutylist.io.text import read_text  # noqa: E402
from dutylist.model import DutyList, Item  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "bench_diff.md"
SIZES = (300, 3000, 30000)


def best_of_both(
    first: Callable[[], object], second: Callable[[], object] | None, repeat: int
) -> tuple[float, float]:
    """Return the best wall-clock times of two functions run in turn ``repeat`` times.

    Taking turns gives both the same share of a shared machine's quiet moments.
    """
    best = [float("inf"), float("inf")]
    for _ in range(repeat):
        for slot, function in enumerate((first, second)):
            if function is None:
                continue
            start = time.perf_counter()
            function()
            best[slot] = min(best[slot], time.perf_counter() - start)
    return best[0], best[1]


def repeats(size: int, repeat: int) -> int:
    """Return how many runs to take the best of at ``size`` items (more when they are quick)."""
    if size < 1000:
        return repeat * 5
    return repeat if size < 10000 else max(2, repeat // 2)


_SKIPPED = {"number", "number_text", "source"}


def _fields(item: Item) -> dict[str, object]:
    import attrs  # noqa: PLC0415

    return {
        f.name: getattr(item, f.name) for f in attrs.fields(type(item)) if f.name not in _SKIPPED
    }


def cold_diff(old: DutyList, new: DutyList) -> object:
    """Return dutylist.diff_lists(old, new) computed with empty text caches."""
    from dutylist.diff.entries import bigrams  # noqa: PLC0415
    from dutylist.diff.inline import inline_diff, normalize  # noqa: PLC0415

    bigrams.cache_clear()
    normalize.cache_clear()
    inline_diff.cache_clear()
    return diff_lists(old, new)


def cold_history(versions: list[DutyList]) -> object:
    """Return dutylist.history(versions) computed with empty text caches."""
    from dutylist.diff.entries import bigrams  # noqa: PLC0415
    from dutylist.diff.history import history  # noqa: PLC0415
    from dutylist.diff.inline import inline_diff, normalize  # noqa: PLC0415

    bigrams.cache_clear()
    normalize.cache_clear()
    inline_diff.cache_clear()
    return history(versions)


def keyed_diff(old: DutyList, new: DutyList) -> list[tuple[str, int, int, tuple[str, ...]]]:
    """Return the keyed baseline's changes: names aligned by difflib, pairs compared by field."""
    before, after = old.items, new.items
    matcher = difflib.SequenceMatcher(
        None, [item.name for item in before], [item.name for item in after], autojunk=False
    )
    changes: list[tuple[str, int, int, tuple[str, ...]]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                a, b = _fields(before[i]), _fields(after[j])
                differing = tuple(name for name in a if a[name] != b.get(name))
                if differing:
                    changes.append(("modified", i, j, differing))
        else:
            changes.extend(("removed", i, -1, ()) for i in range(i1, i2))
            changes.extend(("added", -1, j, ()) for j in range(j1, j2))
    return changes


def deepdiff_time(old: DutyList, new: DutyList) -> float:
    """Return the time of one DeepDiff(ignore_order=True) of the two lists' JSON data."""
    from deepdiff import DeepDiff  # noqa: PLC0415 - slow to import, used only here

    old_data, new_data = to_data(old), to_data(new)
    start = time.perf_counter()
    DeepDiff(old_data, new_data, ignore_order=True)
    return time.perf_counter() - start


def main() -> None:
    """Measure every size, print the table and write the results section."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--deepdiff-max", type=int, default=300)
    options = parser.parse_args()
    base = strip_sources(read_text(SEED))
    rows = []
    for size in SIZES:
        old = generated_list(base, size)
        new, expected = planted_revision(old, seed=size, rate=0.04)
        changeset = diff_lists(old, new)
        exact = canonical(changeset) == expected
        ours, keyed = best_of_both(
            lambda old=old, new=new: cold_diff(old, new),
            lambda old=old, new=new: keyed_diff(old, new),
            repeats(size, options.repeat),
        )
        if size <= options.deepdiff_max:
            deep = deepdiff_time(old, new)
            deep_text = f"{deep * 1000:.0f} ms ({deep / ours:.0f}× dutylist)"
        else:
            deep_text = "not run (slow)"
        edited = len(expected[0])
        rows.append(
            f"| {len(old.items):,} → {len(new.items):,} | {edited} | {ours * 1000:.1f} ms | "
            f"{keyed * 1000:.1f} ms | {ours / keyed:.1f}× | {'yes' if exact else 'NO'} | "
            f"{deep_text} |"
        )
        print(rows[-1], flush=True)
    # dutylist history over 10 versions of about 300 items against one diff of two of them
    series = [generated_list(base, 300)]
    for step in range(9):
        series.append(planted_revision(series[-1], seed=1000 + step, rate=0.04)[0])
    one, several = best_of_both(
        lambda: cold_diff(series[0], series[1]), lambda: cold_history(series), options.repeat
    )
    history_row = (
        f"`dutylist history` of 10 versions of {len(series[0].items)} items: "
        f"{several * 1000:.0f} ms, {several / one:.1f}× one diff ({one * 1000:.1f} ms; "
        "target ≤ 10×)."
    )
    print(history_row, flush=True)
    header = [
        "## Comparing versions (`bench_diff.py`)",
        "",
        "`dutylist.diff` (the ChangeSet with inline diffs, no rendering) against a keyed",
        "baseline — difflib over the item names, then a field-by-field compare of the",
        "aligned pairs: the least a diff can do — on the same pairs, in the same run. Lists",
        "repeat the reference list's wording; about 4 % of items carry planted edits of",
        "every kind (tests/diff/planted.py), and *exact* says whether dutylist's change",
        "set is exactly the planted one. DeepDiff(ignore_order=True) for scale, at the",
        "small size only (it is slow). dutylist's text caches (normalisation, bigrams, inline",
        "diffs) are emptied before every run, so each run starts cold.",
        (
            f"Best of {repeats(300, options.repeat)} runs at 300 items, {options.repeat} at "
            f"3,000, {repeats(30000, options.repeat)} at 30,000, dutylist and the baseline "
            "taking turns (history and one diff too)."
        ),
        "",
        "```sh",
        ".venv/bin/python benchmarks/bench_diff.py",
        "```",
        "",
        f"Python {platform.python_version()} on {platform.machine()}; the machine was shared.",
        "",
        "| items | planted changes | dutylist.diff | keyed baseline | ratio | exact | DeepDiff |",
        "|---|---|---|---|---|---|---|",
    ]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join([*header, *rows, "", history_row]) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
