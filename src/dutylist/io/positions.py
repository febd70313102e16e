"""Where each value of a JSON text starts: a line-aware pass over the text.

:mod:`json` gives values, not positions. :func:`json_lines` walks the text once and
returns the line of every object and array member by its JSON path
(``$.parts[1].categories[0].items[3]``), so that findings on a saved list can point at
the line of the item in the file being checked, as CI annotations need.
"""

from __future__ import annotations

import bisect
import contextlib
import json
import re

from dutylist.patterns import compile_on_use

_NUMBER_OR_LITERAL = compile_on_use(
    r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null|-?Infinity|NaN"
)
_WHITESPACE = compile_on_use(r"[ \t\r\n]*")
_STRING = compile_on_use(r'"(?:[^"\\]|\\.)*"', re.DOTALL)


class _Scanner:
    """A recursive-descent walk over JSON text recording where each value starts."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines: dict[str, int] = {}
        self._line_starts = [0] + [match.end() for match in re.finditer("\n", text)]

    def line(self, offset: int) -> int:
        """Return the 1-based line of ``offset``."""
        return bisect.bisect_right(self._line_starts, offset)

    def skip(self, offset: int) -> int:
        match = _WHITESPACE.match(self.text, offset)
        return match.end() if match else offset

    def value(self, offset: int, path: str) -> int:
        """Record the value at ``offset`` under ``path``; return the offset after it."""
        offset = self.skip(offset)
        self.lines[path] = self.line(offset)
        first = self.text[offset : offset + 1]
        if first == "{":
            return self._object(offset + 1, path)
        if first == "[":
            return self._array(offset + 1, path)
        if first == '"':
            return self._string(offset)[1]
        match = _NUMBER_OR_LITERAL.match(self.text, offset)
        if match is None:
            raise ValueError(f"not JSON at offset {offset}")
        return match.end()

    def _string(self, offset: int) -> tuple[str, int]:
        match = _STRING.match(self.text, offset)
        if match is None:
            raise ValueError(f"expected a string at offset {offset}")
        decoded: str = json.loads(match.group())
        return decoded, match.end()

    def _object(self, offset: int, path: str) -> int:
        offset = self.skip(offset)
        if self.text[offset : offset + 1] == "}":
            return offset + 1
        while True:
            key, offset = self._string(self.skip(offset))
            offset = self.skip(offset)
            if self.text[offset : offset + 1] != ":":
                raise ValueError(f"expected ':' at offset {offset}")
            offset = self.skip(self.value(offset + 1, f"{path}.{key}"))
            if self.text[offset : offset + 1] == "}":
                return offset + 1
            if self.text[offset : offset + 1] != ",":
                raise ValueError(f"expected ',' at offset {offset}")
            offset += 1

    def _array(self, offset: int, path: str) -> int:
        offset = self.skip(offset)
        if self.text[offset : offset + 1] == "]":
            return offset + 1
        index = 0
        while True:
            offset = self.skip(self.value(offset, f"{path}[{index}]"))
            if self.text[offset : offset + 1] == "]":
                return offset + 1
            if self.text[offset : offset + 1] != ",":
                raise ValueError(f"expected ',' at offset {offset}")
            offset += 1
            index += 1


def json_lines(text: str) -> dict[str, int]:
    """Return the 1-based line where each value of JSON ``text`` starts, by JSON path.

    The root is ``$``; members are ``$.key`` and ``$.key[0]``. Text that is not JSON (or
    is nested too deeply to walk) gives the lines found before the problem.
    """
    scanner = _Scanner(text.removeprefix("\ufeff"))
    with contextlib.suppress(ValueError, IndexError, RecursionError):
        scanner.value(0, "$")
    return scanner.lines
