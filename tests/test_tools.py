"""Every tool script answers ``--help`` without side effects (issue 8)."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
TOOLS = sorted(path for path in (REPO / "tools").iterdir() if path.suffix in {".py", ".sh"})


def _snapshot() -> dict[Path, int]:
    """Return the modification time of every file of the repository outside caches."""
    skipped = {".git", ".venv", ".tools", "__pycache__", "_build", ".mypy_cache", ".ruff_cache"}
    return {
        path: path.stat().st_mtime_ns
        for path in REPO.rglob("*")
        if path.is_file() and not skipped & set(path.relative_to(REPO).parts)
    }


def _summary(tool: Path) -> str:
    """Return the first sentence of the tool's docstring (or leading comment)."""
    text = tool.read_text(encoding="utf-8")
    if tool.suffix == ".py":
        doc = ast.get_docstring(ast.parse(text)) or ""
        return doc.splitlines()[0][:40]
    return text.splitlines()[1].lstrip("# ")[:40]


def test_there_are_tools() -> None:
    assert len(TOOLS) >= 3


@pytest.mark.parametrize("tool", TOOLS, ids=lambda path: path.name)
def test_help_describes_the_tool_and_changes_nothing(tool: Path, tmp_path: Path) -> None:
    before = _snapshot()
    command = ["sh", str(tool)] if tool.suffix == ".sh" else [sys.executable, str(tool)]
    result = subprocess.run(  # noqa: S603 - our own scripts
        [*command, "--help"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": f"{REPO / 'src'}{os.pathsep}{REPO}"},
    )
    assert result.returncode == 0, result.stderr
    assert _summary(tool) in result.stdout.replace("\n", " ")
    assert _snapshot() == before
    assert list(tmp_path.iterdir()) == []
