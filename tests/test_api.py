from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import dutylist

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
HEAVY = (
    "cattrs",
    "csv",
    "hashlib",
    "importlib.resources",
    "tempfile",
    "tomllib",
    "zipfile",
    "deepdiff",
    "docx",
    "jinja2",
    "jsonschema",
    "lxml",
    "openpyxl",
    "pdfplumber",
    "pyarrow",
    "rapidfuzz",
    "rich",
)


def test_every_exported_name_resolves() -> None:
    for name in dutylist.__all__:
        assert getattr(dutylist, name) is not None, name


def test_diff_and_check_from_the_top_level() -> None:
    old = dutylist.load(EXAMPLES / "mingzhu.json")
    new = dutylist.load(EXAMPLES / "mingzhu-revised.json")
    assert dutylist.diff_lists(old, old).changes == ()
    assert dutylist.diff_lists(old, new).changes
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


def test_load_reads_text_and_binary_streams() -> None:
    import io

    reference = dutylist.load(EXAMPLES / "mingzhu.json")
    text = (EXAMPLES / "mingzhu.json").read_text(encoding="utf-8")
    assert dutylist.load(io.StringIO(text)) == reference
    assert dutylist.load(io.BytesIO(text.encode("utf-8"))) == reference
    with (EXAMPLES / "mingzhu.txt").open(encoding="utf-8") as stream:
        assert dutylist.load(stream) == reference
    with (EXAMPLES / "mingzhu.docx").open("rb") as stream:
        assert dutylist.load(stream) == reference


def test_a_stream_of_unknown_format_is_a_clear_usage_error() -> None:
    import io

    import pytest

    with pytest.raises(dutylist.UsageError, match="format="):
        dutylist.load(io.StringIO("hello"))
    with pytest.raises(dutylist.FormatError):
        dutylist.load(io.StringIO("{"), format="json")


def test_the_diff_package_is_a_plain_module() -> None:
    assert dutylist.diff.diff_lists is dutylist.diff_lists
    assert not callable(dutylist.diff)
