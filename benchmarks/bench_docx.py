"""Measure reading and writing .docx against the floor of parsing the same XML with lxml.

    .venv/bin/python benchmarks/bench_docx.py [--repeat N]

The reference list (examples/mingzhu.json, or the seed capture when it is missing) is
written to a temporary .docx. Then, best of N runs each:

floor   unzip word/document.xml, parse it with lxml, touch the text of every w:tc
blocks  dutylist.io.docx.read.read_docx_blocks: the .docx part of reading (unzip, parse,
        walk the body into neutral rows), without the assembler
read    dutylist.io.docx.read.read_docx: blocks + the shared assembler (rows -> model)
write   dutylist.io.docx.write.write_docx

and the ratios read/floor and write/floor are printed. Target: read within 3x floor.
"""

from __future__ import annotations

import argparse
import gc
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from lxml import etree
from report import machine, milliseconds, table, write_result

import dutylist
from dutylist.io.docx.read import read_docx, read_docx_blocks
from dutylist.io.docx.write import write_docx

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "examples" / "mingzhu.json"
SEED = ROOT / "examples" / "mingzhu.txt"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def floor(path: Path) -> int:
    """Unzip and parse document.xml, and touch the text of every table cell."""
    with zipfile.ZipFile(path) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    characters = 0
    for cell in root.iter(f"{W}tc"):
        for text in cell.iter(f"{W}t"):
            characters += len(text.text or "")
    return characters


def best_of(functions: dict[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    """Return the best wall-clock time of each function over ``repeat`` rounds.

    The functions run in turn within each round, so a busy machine slows all alike.
    Before each run the garbage collector empties its generations (untimed, and it stays
    enabled during the run): otherwise one step pays for scanning the objects another
    step left behind (writing leaves many).
    """
    times: dict[str, list[float]] = {name: [] for name in functions}
    for _ in range(repeat):
        for name, function in functions.items():
            gc.collect()
            start = time.perf_counter()
            function()
            times[name].append(time.perf_counter() - start)
    return {name: min(values) for name, values in times.items()}


def main() -> None:
    """Time each step and write benchmarks/results/bench_docx.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="runs per measurement")
    repeat = parser.parse_args().repeat
    reference = dutylist.load(REFERENCE if REFERENCE.exists() else SEED)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mingzhu.docx"
        write_docx(reference, path)
        assert read_docx(path) == reference
        size = path.stat().st_size
        out = Path(folder) / "out.docx"
        times = best_of(
            {
                "floor": lambda: floor(path),
                "blocks": lambda: read_docx_blocks(path),
                "read": lambda: read_docx(path),
                "write": lambda: write_docx(reference, out),
            },
            repeat,
        )
    items = len(reference.items)
    floor_time = times["floor"]
    what = {
        "floor": "unzip `word/document.xml`, parse it with lxml, touch the text of every `w:tc`",
        "blocks": "`read_docx_blocks`: unzip, parse, read the body into neutral rows",
        "read": "`read_docx`: the blocks plus the shared assembler (rows → model)",
        "write": "`write_docx`: python-docx template, lxml-built tables, save, repack",
    }
    rows = [
        (name, milliseconds(seconds), f"{seconds / floor_time:.2f}×", what[name])
        for name, seconds in times.items()
    ]
    write_result(
        __file__,
        f"""\
## Reading and writing .docx

`.venv/bin/python benchmarks/bench_docx.py --repeat {repeat}` ({machine()})

The reference list ({items} items) written to a {size / 1024:.0f} KiB .docx, then each step
in turn within each of {repeat} rounds, best of each; before every timed call
`gc.collect()` runs (untimed), so that no step pays for the objects the step before it
left behind. The ratio is to the floor, measured in the same rounds.

{table(("step", "time", "ratio", "what"), rows)}

Plain tables (rows of cells of paragraphs of runs, with merged cells) are written out by
one XSLT stylesheet run in libxslt (`dutylist.io.docx.body`) and split in Python; other
tables, and documents whose paragraphs may carry automatic numbers, take the element
walk (`dutylist.io.docx.walk`), which `tests/io/docx/test_body.py` keeps equal to the
stylesheet on every fixture layout and on generated bodies. A single Python-level walk
was tried: with `lxml.etree.iterwalk` it measured 3–4× the floor (about 1 µs per
element), so the two paths stay, sharing `int_val` and the `w:vMerge` bookkeeping. The
assembler does the per-row work once per part, and clauses are split by character tests
before any regular expression.
""",
    )


if __name__ == "__main__":
    main()
