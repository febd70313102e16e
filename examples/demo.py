"""The ``make demo`` job: the main jobs on the shipped examples, as a user types them.

It summarises the Mingzhu list, writes it as a publication-style .docx, checks the
published list and its illustrative revision, and writes every diff report to out/.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DUTYLIST = str(Path(sys.executable).parent / "dutylist")

# (arguments, exit codes that mean "behaved as documented")
STEPS: list[tuple[tuple[str, ...], tuple[int, ...]]] = [
    (("show", "examples/mingzhu.json"), (0,)),
    (("convert", "examples/mingzhu.json", "out/mingzhu.docx"), (0,)),
    # The published list has real defects, so check exits 1 (findings), never 2.
    (("check", "examples/mingzhu.json", "--fail-on", "error"), (0, 1)),
    (
        ("check", "examples/mingzhu-revised.json", "--format", "junit", "-o", "out/check.xml"),
        (0, 1),
    ),
    (("diff", "examples/mingzhu.json", "examples/mingzhu-revised.json"), (0,)),
    *(
        (
            (
                "diff",
                "examples/mingzhu.json",
                "examples/mingzhu-revised.json",
                "--format",
                fmt,
                "-o",
                f"out/diff.{suffix}",
            ),
            (0,),
        )
        for fmt, suffix in (
            ("markdown", "md"),
            ("html", "html"),
            ("docx", "docx"),
            ("json", "json"),
        )
    ),
    (
        (
            "diff",
            "examples/mingzhu.json",
            "examples/mingzhu-revised.json",
            "--format",
            "redline",
            "-o",
            "out/redline.docx",
        ),
        (0,),
    ),
]


def run(args: tuple[str, ...], expected: tuple[int, ...]) -> bool:
    """Run ``dutylist ARGS`` from the repository root; return True on an expected exit."""
    print(f"\n$ dutylist {' '.join(args)}", flush=True)
    code = subprocess.run([DUTYLIST, *args], cwd=REPO, check=False).returncode  # noqa: S603
    if code not in expected:
        print(f"unexpected exit code {code}", file=sys.stderr)
    return code in expected


def main() -> int:
    """Run the demo and return 0 when every step behaved as documented."""
    (REPO / "out").mkdir(exist_ok=True)
    results = [run(args, expected) for args, expected in STEPS]
    written = sorted(path.name for path in (REPO / "out").iterdir())
    print(f"\nreports in out/: {', '.join(written)}")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
