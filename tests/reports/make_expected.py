"""Write the golden change reports of tests/data/expected/ (run after an intended change).

    .venv/bin/python -m tests.reports.make_expected

The files are never edited by hand: the report tests compare fresh renderings with them.
"""

from __future__ import annotations

import sys

from dutylist.diff.serialize import dumps
from dutylist.reports.changes.docx import render_docx
from dutylist.reports.changes.html import render_html
from dutylist.reports.changes.markdown import render_markdown
from dutylist.reports.changes.text import render_text
from tests.reports.docx_dump import dump_docx
from tests.reports.revision_pair import EXPECTED, pair

RENDERERS = {
    "mingzhu-revision.md": render_markdown,
    "mingzhu-revision.txt": render_text,
    "mingzhu-revision.html": render_html,
    "mingzhu-revision.json": dumps,
    "mingzhu-revision.docx.txt": lambda changeset: dump_docx(render_docx(changeset)),
}
"""Golden file name → renderer of the reference revision's change set."""


def main() -> None:
    """Write every golden file."""
    _, _, changeset = pair()
    EXPECTED.mkdir(parents=True, exist_ok=True)
    for name, render in RENDERERS.items():
        (EXPECTED / name).write_text(render(changeset), encoding="utf-8")
        sys.stdout.write(f"wrote {EXPECTED / name}\n")


if __name__ == "__main__":
    main()
