from __future__ import annotations

import re
import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from dutylist.patterns import compile_on_use

_SOURCES = (r"[（(](\d+)[)）]", r"(?P<word>[\u4e00-\u9fff]{2})\s*", r"^第[一二三]+类")


@given(st.sampled_from(_SOURCES), st.text(alphabet="（()）12第一二三类党建 \t设", max_size=20))
def test_a_pattern_compiled_on_use_answers_as_the_compiled_one(source: str, text: str) -> None:
    lazy, compiled = compile_on_use(source), re.compile(source)
    assert bool(lazy.match(text)) == bool(compiled.match(text))
    assert lazy.findall(text) == compiled.findall(text)
    assert lazy.sub("#", text) == compiled.sub("#", text)
    assert lazy.split(text) == compiled.split(text)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert (lazy.pattern, lazy.groups, lazy.groupindex) == (
        compiled.pattern,
        compiled.groups,
        dict(compiled.groupindex),
    )


def test_flags_and_bytes_patterns_are_kept() -> None:
    assert compile_on_use("abc", re.IGNORECASE).fullmatch("ABC")
    assert compile_on_use(rb"w:(\w+)").search(b"<w:tbl>").group(1) == b"tbl"


def test_importing_dutylist_and_its_command_line_compiles_no_pattern_of_its_own() -> None:
    code = """
import re, sys
compiled = []
original = re._compile
def spy(pattern, flags):
    frame = sys._getframe(1)
    while frame and frame.f_code.co_filename.endswith(("re/__init__.py",)):
        frame = frame.f_back
    module = frame.f_globals.get("__name__", "") if frame else ""
    if module == "dutylist" or module.startswith("dutylist."):
        compiled.append(module)
    return original(pattern, flags)
re._compile = spy
import dutylist, dutylist.cli
print(sorted(set(compiled)))
"""
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
