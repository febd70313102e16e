"""The ``make demo`` job: summarise the shipped example list, then run the other jobs.

Each step is the command a user would type; the output goes to the terminal and to out/.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DUTYLIST = str(Path(sys.executable).parent / "dutylist")


def run(*args: str) -> int:
    """Run ``dutylist ARGS`` from the repository root, echoing the command."""
    print(f"\n$ dutylist {' '.join(args)}", flush=True)
    return subprocess.run([DUTYLIST, *args], cwd=REPO, check=False).returncode  # noqa: S603


def main() -> int:
    """Run the demo and return 0 when every step behaved as documented."""
    (REPO / "out").mkdir(exist_ok=True)
    steps = [
        run("show", "examples/mingzhu.json") == 0,
        run("convert", "../shared/seed/mingzhu-duty-list.txt", "out/mingzhu.json") == 0,
    ]
    return 0 if all(steps) else 1


if __name__ == "__main__":
    sys.exit(main())
