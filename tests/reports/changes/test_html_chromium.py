"""The HTML change report loads in headless Chromium without console errors.

Skipped only when Debian's ``chromium`` is not installed; ``tools/check_html.py`` runs the
same check by hand and keeps the screenshot shown in the docs.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from dutylist.reports.changes.html import render_html
from tests.reports.revision_pair import REPO, pair


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_html", REPO / "tools" / "check_html.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


check_html = _tool()
needs_chromium = pytest.mark.skipif(
    check_html.chromium() is None, reason="Debian's chromium package is not installed"
)


@needs_chromium
def test_the_report_loads_without_console_errors(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(render_html(pair()[2]), encoding="utf-8")
    shot = tmp_path / "report.png"
    assert check_html.check(page, shot) == []
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@needs_chromium
def test_a_broken_page_is_reported(tmp_path: Path) -> None:
    page = tmp_path / "broken.html"
    page.write_text(
        "<!DOCTYPE html><title>x</title><h1>清单变更对照</h1><script>undefinedFunction()</script>",
        encoding="utf-8",
    )
    errors = check_html.check(page)
    assert errors
