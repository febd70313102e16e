"""Print the column tables of docs/many-lists.md from dutylist.corpus.tables (Markdown).

    .venv/bin/python tools/export_columns.py > /tmp/columns.md

The docs page holds this output between its ``<!-- columns -->`` markers; a test keeps the
page equal to it, so the documented schema is the one the export writes.
"""

from __future__ import annotations

import argparse

from dutylist.corpus.tables import PARTITION, TABLES


def columns_markdown() -> str:
    """Return one Markdown table of columns per exported table."""
    lines: list[str] = []
    for table, columns in TABLES.items():
        lines += [f"### `{table}`", "", "| column | type | holds |", "| --- | --- | --- |"]
        lines += [f"| `{c.name}` | {c.type} | {c.description} |" for c in columns]
        lines += [f"| `{PARTITION}` | string | The partition (folder) the row is in. |", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    print(columns_markdown(), end="")
