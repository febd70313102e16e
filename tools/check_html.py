"""Render an HTML change report in headless Chromium: it must load without console errors.

    .venv/bin/python tools/check_html.py [REPORT.html] [--screenshot docs/_static/diff-report.png]

Without a report, the reference revision's report is rendered first (the same one the
golden test uses). Needs Debian's ``chromium`` package. Exit 0 when the page loaded
cleanly, 1 when Chromium reported errors, 2 when Chromium is missing.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--enable-logging=stderr",
    "--v=0",
)
_CONSOLE = re.compile(
    r"CONSOLE\(\d+\)|Uncaught|console\.error|Failed to load resource", re.IGNORECASE
)


def chromium() -> str | None:
    """Return the Chromium executable, or None when it is not installed."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _run(executable: str, profile: str, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - a fixed executable and our own arguments
        [executable, *FLAGS, f"--user-data-dir={profile}", *arguments],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def check(
    page: Path,
    screenshot: Path | None = None,
    width: int = 1280,
    height: int = 2000,
    expect: tuple[str, ...] = ("清单变更对照",),
) -> list[str]:
    """Load ``page`` in headless Chromium; return its console errors (empty when clean).

    The rendered DOM must contain every text of ``expect`` (by default the change
    report's heading: the page really rendered); a screenshot is written to
    ``screenshot`` when given.
    """
    executable = chromium()
    if executable is None:
        raise FileNotFoundError("chromium is not installed (apt-get install chromium)")
    url = page.resolve().as_uri()
    errors: list[str] = []
    with tempfile.TemporaryDirectory() as profile:
        dom = _run(executable, profile, "--dump-dom", url)
        errors += [
            f"the page did not render {text!r} (exit {dom.returncode})"
            for text in expect
            if text not in dom.stdout
        ]
        errors += [line for line in dom.stderr.splitlines() if _CONSOLE.search(line)]
    if screenshot is not None:
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory() as profile:
            shot = _run(
                executable,
                profile,
                f"--screenshot={screenshot.resolve()}",
                f"--window-size={width},{height}",
                "--hide-scrollbars",
                url,
            )
            errors += [line for line in shot.stderr.splitlines() if _CONSOLE.search(line)]
        if not screenshot.exists():
            errors.append("no screenshot was written")
    return errors


def main() -> int:
    """Check a report (or the reference revision's) and keep a screenshot."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", nargs="?", type=Path)
    parser.add_argument("--screenshot", type=Path, default=REPO / "docs/_static/diff-report.png")
    options = parser.parse_args()
    if chromium() is None:
        print("chromium is not installed (apt-get install chromium)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as folder:
        report = options.report
        if report is None:
            sys.path.insert(0, str(REPO))
            from tests.reports.revision_pair import pair  # noqa: PLC0415

            from dutylist.reports.changes.html import render_html  # noqa: PLC0415

            report = Path(folder) / "mingzhu-revision.html"
            report.write_text(render_html(pair()[2]), encoding="utf-8")
        errors = check(report, options.screenshot)
    for error in errors:
        print(error, file=sys.stderr)
    verdict = "clean" if not errors else f"{len(errors)} errors"
    print(f"{report}: {verdict}; screenshot {options.screenshot}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
