"""docs/architecture.md lists every module of the source tree, and only those; none is long."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src"


def _documented_modules() -> set[str]:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    layout = text.split("## Layout", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^- `(dutylist/[\w/]+\.py)`", layout, re.MULTILINE))


def test_the_layout_lists_every_module_of_the_source_tree() -> None:
    modules = {path.relative_to(SOURCE).as_posix() for path in SOURCE.rglob("*.py")}
    documented = _documented_modules()
    assert sorted(modules - documented) == [], "modules missing from docs/architecture.md"
    assert sorted(documented - modules) == [], "docs/architecture.md lists modules not in src"


MAX_MODULE_LINES = 400
"""A module longer than this holds more than one job: split it (docs/architecture.md)."""


def test_no_module_is_longer_than_400_lines() -> None:
    long = {
        path.relative_to(SOURCE).as_posix(): lines
        for path in SOURCE.rglob("*.py")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert long == {}, "split these modules"
