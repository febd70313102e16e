"""Measure the command line end to end against the interpreter's own start-up.

    .venv/bin/python benchmarks/bench_cli.py [--repeat N]

Baseline, in the same run: ``python -c pass`` with the same interpreter. Then
``dutylist --version`` (start-up and imports), ``dutylist diff OLD.docx NEW.docx`` (read
two .docx files, compare, print the text report) and ``dutylist check FILE.docx``, each
best of N wall-clock runs. The two .docx files are written from the examples first.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DUTYLIST = str(Path(sys.executable).parent / "dutylist")


def best(command: list[str], repeat: int) -> float:
    """Return the best wall-clock time of ``command`` over ``repeat`` runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, cwd=REPO, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    """Print each command's time and its ratio to the interpreter's start-up."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat
    with tempfile.TemporaryDirectory() as folder:
        old, new = Path(folder) / "old.docx", Path(folder) / "new.docx"
        subprocess.run(
            [DUTYLIST, "convert", "examples/mingzhu.json", str(old)], cwd=REPO, check=True
        )
        subprocess.run(
            [DUTYLIST, "convert", "examples/mingzhu-revised.json", str(new)], cwd=REPO, check=True
        )
        floor = best([sys.executable, "-c", "pass"], repeat)
        commands = {
            "dutylist --version": [DUTYLIST, "--version"],
            "dutylist diff old.docx new.docx": [DUTYLIST, "diff", str(old), str(new)],
            "dutylist check old.docx": [DUTYLIST, "check", str(old)],
        }
        print(f"python -c pass                   {floor * 1000:6.0f} ms  1.0x")
        for label, command in commands.items():
            seconds = best(command, repeat)
            print(f"{label:32} {seconds * 1000:6.0f} ms  {seconds / floor:.1f}x")


if __name__ == "__main__":
    main()
