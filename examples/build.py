"""Build the shipped examples from the reference capture, examples/mingzhu.txt.

Run ``python examples/build.py`` from anywhere; it rewrites the files in examples/.
A test checks that the committed files equal a fresh build.

- ``mingzhu.json``: the Mingzhu list read from the web rendering of the capture.
- ``mingzhu.docx``: the same list written as a publication-style document (when the
  docx writer is available).
- ``mingzhu-revised.json``: an illustrative revision (when ``examples/revision.py``
  exists), for the diff demo.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import dutylist
from dutylist.io.text import read_text

EXAMPLES = Path(__file__).resolve().parent
REPO = EXAMPLES.parent
SEED = EXAMPLES / "mingzhu.txt"
SEED_NAME = "examples/mingzhu.txt"
"""How the seed is named inside the examples: relative to the repository root."""


def build_mingzhu() -> dutylist.DutyList:
    """Return the Mingzhu list read from the seed, its locations named relative to the repo."""
    stream = io.BytesIO(SEED.read_bytes())
    stream.name = SEED_NAME  # type: ignore[attr-defined]
    return read_text(stream)


def build(out: Path = EXAMPLES) -> list[Path]:
    """Write every example into ``out`` and return the paths written."""
    mingzhu = build_mingzhu()
    written = [out / "mingzhu.json"]
    dutylist.dump(mingzhu, written[-1])
    from dutylist.io import FORMATS

    if "docx" in FORMATS and FORMATS["docx"].writer is not None:
        written.append(out / "mingzhu.docx")
        dutylist.dump(mingzhu, written[-1])
    if (EXAMPLES / "revision.py").exists():
        sys.path.insert(0, str(EXAMPLES))
        try:
            from revision import make_revision  # type: ignore[import-not-found]
        finally:
            sys.path.pop(0)
        written.append(out / "mingzhu-revised.json")
        dutylist.dump(make_revision(mingzhu), written[-1])
    return written


if __name__ == "__main__":
    for path in build():
        print(f"wrote {path.relative_to(REPO)}")
