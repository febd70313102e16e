"""The examples in docs/departments.md run and print what the page says."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "docs" / "departments.md"


def _blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", PAGE.read_text(encoding="utf-8"), re.DOTALL)


def test_the_page_has_python_examples():
    assert len(_blocks()) >= 3


def test_the_python_examples_show_their_real_results(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {}
    shown = 0
    for block in _blocks():
        lines = block.splitlines()
        for number, line in enumerate(lines):
            expected = None
            if number + 1 < len(lines) and lines[number + 1].startswith("# "):
                expected = lines[number + 1].removeprefix("# ")
            code, _, comment = line.partition("  # ")
            if comment.startswith(("'", "(")):
                expected = comment.split(" (")[0] if comment.startswith("'") else comment
            if not code.strip() or code.startswith("#"):
                continue
            if expected is not None and "=" not in code.split("(")[0]:
                assert repr(eval(code, namespace)) == expected, code  # noqa: S307
                shown += 1
            else:
                exec(code, namespace)  # noqa: S102
    assert shown >= 3
