"""Rewrite the worked example in docs/checks.md from the checker's real report.

Run ``python tools/update_checks_example.py`` after changing a rule; the test
``tests/checks/test_docs_checks.py`` fails while the page and the report disagree.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import dutylist
from dutylist.checks import check
from dutylist.messages import set_language

REPO = Path(__file__).resolve().parent.parent
PAGE = REPO / "docs" / "checks.md"


def where(finding: dutylist.Finding) -> str:
    """Return the location column as the page writes it."""
    location = finding.location
    part = location.part.value if location.part is not None else "list"
    text = (
        f"{part} {location.item}" if location.item is not None
        else f"{part} category {location.category}"
    )  # fmt: skip
    if location.field:
        text += f", {location.field}" + (f"[{location.clause}]" if location.clause else "")
    return text


def main() -> None:
    """Regenerate the table and the summary sentence of the worked example."""
    set_language("en")  # the page is in English, as `dutylist --lang en check` prints it
    report = check(dutylist.load(REPO / "examples" / "mingzhu.json"))
    rows = [
        f"| {index} | {f.severity.value} | `{f.code}` | {where(f)} | "
        f"{f.message.replace('|', '｜')} |"
        for index, f in enumerate(report.findings, start=1)
    ]
    counts = Counter(f.severity.value for f in report.findings)
    page = PAGE.read_text(encoding="utf-8")
    head, example = page.split("## Worked example", 1)
    example = re.sub(
        r"\d+ errors?, \d+ warnings?, \d+ info",
        f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} info",
        example,
        count=1,
    )
    table = re.compile(
        r"(\| # \| severity \| code \| where \| finding \|\n\|[-|]+\|\n)((?:\|.*\|\n)*)"
    )
    example = table.sub(lambda m: m.group(1) + "\n".join(rows) + "\n", example, count=1)
    PAGE.write_text(head + "## Worked example" + example, encoding="utf-8")
    sys.stdout.write(f"{len(rows)} findings written to {PAGE.relative_to(REPO)}\n")


if __name__ == "__main__":
    import argparse

    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    main()
