"""docs/performance.md is generated from benchmarks/results by benchmarks/report.py."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def _report() -> ModuleType:
    spec = importlib.util.spec_from_file_location("report", ROOT / "benchmarks" / "report.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_performance_page_is_the_committed_results() -> None:
    report = _report()
    assert (ROOT / "docs" / "performance.md").read_text(encoding="utf-8") == report.render(), (
        "docs/performance.md is out of date: run .venv/bin/python benchmarks/report.py"
    )


def test_every_benchmark_script_has_committed_results() -> None:
    scripts = {path.stem for path in (ROOT / "benchmarks").glob("bench_*.py")}
    results = {path.stem for path in (ROOT / "benchmarks" / "results").glob("*.md")}
    assert scripts <= results


def test_every_section_is_a_second_level_heading() -> None:
    for path in _report().result_files():
        assert path.read_text(encoding="utf-8").startswith("## "), path.name
