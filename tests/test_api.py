from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import dutylist

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
HEAVY = ("rapidfuzz", "deepdiff", "jinja2", "docx", "jsonschema", "openpyxl", "rich")


def test_every_exported_name_resolves() -> None:
    for name in dutylist.__all__:
        assert getattr(dutylist, name) is not None, name


def test_diff_and_check_from_the_top_level() -> None:
    old = dutylist.load(EXAMPLES / "mingzhu.json")
    new = dutylist.load(EXAMPLES / "mingzhu-revised.json")
    importlib.import_module("dutylist.diff.align")  # the subpackage shares the name

    assert dutylist.diff(old, old).changes == ()
    assert dutylist.diff(old, new).changes
    assert not dutylist.check(old).ok


def test_importing_the_package_and_the_cli_stays_light() -> None:
    code = (
        "import sys, dutylist, dutylist.cli; "
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    loaded = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert loaded == ""
