"""Regular expressions compiled the first time they are used.

dutylist's modules state their regular expressions at module level, where a reader sees
them beside the code that uses them. Compiling them all would cost ``import dutylist``
tens of milliseconds, spent again by every command whether or not it reads a document, so
each is declared with :func:`compile_on_use`: the first call of one of its methods
compiles it, and from then on its methods are the compiled pattern's own, at the same
speed.
"""

from __future__ import annotations

import re
from typing import Any, AnyStr, cast

_FILLED = (
    *("match", "fullmatch", "search", "sub", "subn", "split", "finditer", "findall"),
    *("pattern", "flags", "groups", "groupindex"),
)


class _OnUse:
    """A pattern's source, compiled and bound into its slots on first use."""

    __slots__ = ("_flags", "_source", *_FILLED)

    def __init__(self, source: str | bytes, flags: int) -> None:
        self._source = source
        self._flags = flags

    def __getattr__(self, name: str) -> Any:  # noqa: ANN401 - whatever re.Pattern holds
        # Called only while the slots are empty (or for a name they do not hold): compile,
        # fill the slots with the compiled pattern's methods and attributes, answer.
        if name.startswith("_"):
            raise AttributeError(name)
        compiled = re.compile(self._source, self._flags)
        for slot in _FILLED:
            setattr(self, slot, getattr(compiled, slot))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"compile_on_use({self._source!r}, {self._flags!r})"


def compile_on_use(pattern: AnyStr, flags: int | re.RegexFlag = 0) -> re.Pattern[AnyStr]:
    """Return ``re.compile(pattern, flags)``, compiled when one of its methods is first used.

    The result offers the methods of :class:`re.Pattern` (``match``, ``search``,
    ``sub`` …) and its attributes; it is not an instance of :class:`re.Pattern`, so pass
    it to no ``re`` function: call its methods.
    """
    return cast("re.Pattern[AnyStr]", _OnUse(pattern, int(flags)))
