"""Measure checking and exporting many lists: workers against one process and a CLI loop.

    .venv/bin/python benchmarks/bench_batch.py [--lists 1000] [--distinct 20] [--loop 40]

The corpus is ``--lists`` .docx files of about 300 items (the reference list relocated to
``--distinct`` offices by tests/builders/corpus.py, the files then copied under new names).
Measured in the same run, in fresh subprocesses so that each figure has its own peak memory:

one-by-one  every list read and checked in one process, one after another (the baseline)
batch -j 2  dutylist.corpus.batch.check_many with 2 worker processes
cli loop    one `dutylist check FILE` process per file, timed over ``--loop`` files and
            scaled to the corpus
export      dutylist export to Parquet with 2 workers
memory      the batch's peak resident memory (main process and largest worker) of the
            summary table at 1/10 of the corpus and at the whole corpus (it must not grow
            with the number of lists), and of the merged report at the whole corpus

Targets (issue 15): batch ≥ 1.7× one-by-one on 2 cores, ≥ 5× the CLI loop; export within
1.5× the batch check; peak memory flat. Writes benchmarks/results/bench_batch.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results" / "bench_batch.md"

_RUN = r"""
import json, resource, sys, time
from dutylist.corpus.sources import expand
mode, folder, jobs = sys.argv[1], sys.argv[2], int(sys.argv[3])
start = time.perf_counter()
if mode in ("check", "summary"):
    from dutylist.corpus.batch import CheckOptions, check_many
    options = CheckOptions(keep_findings=mode == "check")
    results = list(check_many(expand([folder]), options, jobs=jobs))
    assert all(r.readable for r in results), [r.error for r in results if not r.readable][:3]
elif mode == "export":
    from dutylist.corpus.export import export
    export(expand([folder]), sys.argv[4], to="parquet", jobs=jobs)
elapsed = time.perf_counter() - start
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"seconds": elapsed, "main_kib": own, "worker_kib": workers}))
"""


def build(folder: Path, lists: int, distinct: int) -> None:
    """Write ``distinct`` relocated 300-item lists, copied to ``lists`` files in total."""
    sys.path.insert(0, str(ROOT))
    from tests.builders.corpus import build_corpus  # noqa: PLC0415 - test builders

    seeds = folder / "seed"
    corpus = build_corpus(
        seeds, offices=distinct, unreadable=0, categories_per_part=None, formats=("docx",)
    )
    files = [plan.path for plan in corpus.offices]
    for index in range(lists):
        source = files[index % len(files)]
        target = folder / "lists" / f"{index // 100:03d}" / f"{index:05d}-{source.name}"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    shutil.rmtree(seeds)


def run(mode: str, folder: Path, jobs: int, *extra: str) -> dict[str, float]:
    """Run one measured batch in a fresh interpreter and return its figures."""
    result = subprocess.run(
        [sys.executable, "-c", _RUN, mode, str(folder), str(jobs), *extra],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    figures: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def cli_loop(folder: Path, count: int) -> float:
    """Return the seconds of one `dutylist check` process per file over ``count`` files."""
    files = sorted(folder.rglob("*.docx"))[:count]
    executable = str(Path(sys.executable).parent / "dutylist")
    start = time.perf_counter()
    for file in files:
        subprocess.run([executable, "check", str(file)], capture_output=True, check=False)
    return (time.perf_counter() - start) / len(files)


def main() -> None:
    """Build the corpus, measure, print and write the results section."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lists", type=int, default=1000)
    parser.add_argument("--distinct", type=int, default=20)
    parser.add_argument("--loop", type=int, default=40, help="files timed for the CLI loop")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        build(folder, arguments.lists, arguments.distinct)
        lists = folder / "lists"
        tenth = folder / "tenth"
        tenth.mkdir()
        for sub in sorted(lists.iterdir())[: max(1, len(list(lists.iterdir())) // 10)]:
            shutil.copytree(sub, tenth / sub.name)
        serial = run("check", lists, 1)
        batch = run("check", lists, 2)
        small = run("summary", tenth, 2)
        summary = run("summary", lists, 2)
        export = run("export", lists, 2, str(folder / "export"))
        per_file = cli_loop(lists, arguments.loop)
        small_count = len(list(tenth.rglob("*.docx")))
    count = arguments.lists
    loop = per_file * count
    rows = [
        ("one-by-one (baseline)", serial["seconds"], 1.0),
        ("batch -j 2", batch["seconds"], serial["seconds"] / batch["seconds"]),
        ("CLI loop (scaled)", loop, serial["seconds"] / loop),
        ("export parquet -j 2", export["seconds"], serial["seconds"] / export["seconds"]),
    ]
    lines = [
        "## Many lists: batch check and export",
        "",
        (
            f"{count} .docx lists of about 300 items; `python benchmarks/bench_batch.py "
            f"--lists {count}` on {os.cpu_count()} cores, Python {platform.python_version()}."
        ),
        "Speed-up is the one-by-one time divided by the row's time.",
        "",
        "| run | seconds | speed-up |",
        "| --- | ---: | ---: |",
        *(f"| {name} | {seconds:.1f} | {ratio:.2f}× |" for name, seconds, ratio in rows),
        "",
        f"- batch over the CLI loop: **{loop / batch['seconds']:.1f}×** (target ≥ 5×)",
        (
            f"- batch over one-by-one: **{serial['seconds'] / batch['seconds']:.2f}×** "
            "(target ≥ 1.7× on 2 cores)"
        ),
        (
            f"- export over batch check: **{export['seconds'] / batch['seconds']:.2f}×** "
            "(target ≤ 1.5×)"
        ),
        "",
        "| peak memory | main process | largest worker |",
        "| --- | ---: | ---: |",
        *(
            f"| {name} | {figures['main_kib'] / 1024:.0f} MiB | "
            f"{figures['worker_kib'] / 1024:.0f} MiB |"
            for name, figures in (
                (f"summary table, {small_count} lists", small),
                (f"summary table, {count} lists", summary),
                (f"merged report (JSON, SARIF …), {count} lists", batch),
            )
        ),
        "",
        "The summary table (`dutylist check lists/`) keeps only each file's counts, so its",
        "memory is flat in the number of lists; a merged report (`--format json`, `sarif`,",
        "`junit`, `github`) holds every file's findings until it is written, so it grows with",
        "the findings (not with the lists' size). Workers stay flat: each list is read,",
        "checked and dropped in its worker.",
        "",
    ]
    text = "\n".join(lines)
    print(text)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
