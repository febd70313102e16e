"""The line-aware JSON pass: every value's line, by JSON path."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from dutylist.io.positions import json_lines

_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
_values = st.recursive(
    _scalars,
    # keys without "." or "[" so that no two members share a path
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(alphabet="abc名称", max_size=3), inner)
    ),
    max_leaves=20,
)


def _members(value: Any, path: str = "$") -> dict[str, Any]:
    found = {path: value}
    if isinstance(value, dict):
        for key, member in value.items():
            found.update(_members(member, f"{path}.{key}"))
    elif isinstance(value, list):
        for index, member in enumerate(value):
            found.update(_members(member, f"{path}[{index}]"))
    return found


def _value_at_line(text: str, line: int) -> Any:
    """Decode the value that starts at the first non-blank, non-key text of ``line``."""
    start = sum(len(row) + 1 for row in text.split("\n")[: line - 1])
    row = text.split("\n")[line - 1]
    offset = start + len(row) - len(row.lstrip())
    decoder = json.JSONDecoder()
    if text[offset] == '"':
        key_or_value, end = decoder.raw_decode(text, offset)
        rest = text[end:].lstrip(" ")
        if rest.startswith(":"):  # a member: the value follows its key
            offset = len(text) - len(rest) + 1
            offset += len(text[offset:]) - len(text[offset:].lstrip(" "))
        else:
            return key_or_value
    return decoder.raw_decode(text, offset)[0]


@given(_values)
def test_every_value_is_found_on_its_line(value: Any) -> None:
    text = json.dumps(value, indent=2, ensure_ascii=False)
    lines = json_lines(text)
    members = _members(value)
    assert set(lines) == set(members)
    for path, member in members.items():
        assert _value_at_line(text, lines[path]) == member, path


def test_paths_and_lines_of_a_small_document() -> None:
    text = '{\n  "parts": [\n    {"kind": "basic",\n     "items": [1, 2]}\n  ],\n  "t": "a\\"b"\n}'
    lines = json_lines(text)
    assert lines["$"] == 1
    assert lines["$.parts"] == 2
    assert lines["$.parts[0]"] == 3
    assert lines["$.parts[0].kind"] == 3
    assert lines["$.parts[0].items[1]"] == 4
    assert lines["$.t"] == 6


def test_text_that_is_not_json_gives_what_was_found() -> None:
    assert json_lines('{"a": 1, "b": ')["$.a"] == 1
