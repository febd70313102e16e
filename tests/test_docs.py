from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

from dutylist.cli import main

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"


def _pages() -> dict[str, str]:
    return {path.stem: path.read_text(encoding="utf-8") for path in DOCS.glob("*.md")}


def test_every_command_is_documented_with_an_example() -> None:
    text = "\n".join(_pages().values())
    for name in main.commands:
        assert re.search(rf"dutylist {name}\b", text), f"no example of `dutylist {name}`"


def test_every_page_is_in_the_table_of_contents() -> None:
    index = _pages()["index"]
    for page in _pages():
        if page != "index":
            assert re.search(rf"^{page}$", index, re.MULTILINE), f"{page}.md not in the toctree"


def test_the_python_example_in_the_usage_page_runs(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    block = re.search(r"```python\n(.*?)```", _pages()["usage"], re.DOTALL)
    assert block is not None
    monkeypatch.chdir(tmp_path)
    (tmp_path / "examples").symlink_to(REPO / "examples")
    (tmp_path / "out").mkdir()
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(compile(block.group(1), "usage.md", "exec"), {})  # noqa: S102
    printed = output.getvalue().splitlines()
    commented = re.findall(r"# (.+)$", block.group(1), re.MULTILINE)
    assert printed[:2] == commented[:2]
    assert (tmp_path / "out" / "mingzhu.json").exists()
