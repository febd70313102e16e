"""The Python example of docs/diff.md runs and prints what its comments say."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def test_the_python_example_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    page = (REPO / "docs" / "diff.md").read_text(encoding="utf-8")
    block = re.search(r"```python\n(.*?)```", page, re.DOTALL)
    assert block is not None
    monkeypatch.chdir(REPO)
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(compile(block.group(1), "diff.md", "exec"), {})  # noqa: S102
    printed = output.getvalue().splitlines()
    assert printed[0] == "14 125"
    assert printed[1] == "['added', 'merged', 'modified', 'moved', 'removed', 'split']"
    assert printed[2] == "['text', 'markdown', 'html', 'docx', 'redline', 'json']"
