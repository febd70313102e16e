"""Rebuild the numbers Word prints in front of automatically numbered paragraphs.

Word keeps list definitions in ``word/numbering.xml``: a ``w:abstractNum`` describes
each level (start value, format, level text such as ``%1.``) and each ``w:num`` instance
points at one, perhaps restarting a level with ``w:lvlOverride/w:startOverride``. A
paragraph is numbered by ``w:numPr`` on itself or on its paragraph style (followed
through ``w:basedOn``). :class:`Numbering` replays the counters in document order and
returns the printed label (``1.``, ``（2）``, ``③``) of each numbered paragraph.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple, TypeAlias

import attrs

from dutylist.io.docx.formats import FORMATS, MAX_NUMBER, NO_NUMBER
from dutylist.io.docx.stylesheet import list_instances
from dutylist.io.docx.wordml import VAL, w
from dutylist.patterns import compile_on_use

if TYPE_CHECKING:
    from lxml import etree

_ABSTRACT_NUM = w("abstractNum")
_ABSTRACT_NUM_ID = w("abstractNumId")
_NUM_ID = w("numId")
_LVL = w("lvl")
_ILVL = w("ilvl")
_START = w("start")
_NUM_FMT = w("numFmt")
_LVL_TEXT = w("lvlText")
_NUM_STYLE_LINK = w("numStyleLink")
_P_STYLE = w("pStyle")
_STYLE = w("style")
_STYLE_ID = w("styleId")
_TYPE = w("type")
_DEFAULT = w("default")
_BASED_ON = w("basedOn")
_PPR = w("pPr")
_NUMPR = w("numPr")

_PLACEHOLDER = compile_on_use(r"%([1-9])")


Counters: TypeAlias = list[int | None]
"""The current value of each of the nine levels of a list (None: not started)."""


@attrs.frozen
class Level:
    """One level of a list definition."""

    start: int
    """The first value of the level."""
    fmt: str
    """The number format (``decimal``, ``chineseCounting`` …)."""
    text: str | None
    """The level text with ``%1`` … placeholders, or None when absent."""
    style: str | None = None
    """The paragraph style linked to this level, if any."""


class NumberingRef(NamedTuple):
    """What numbers a paragraph: a ``w:num`` id and a level (a tuple: made in numbers)."""

    num_id: str
    ilvl: int | None

    @classmethod
    def of(cls, num_id: str | None, ilvl: str | None) -> NumberingRef:
        """Return the reference of a ``w:numPr`` from its ``w:numId`` and ``w:ilvl`` values."""
        return cls(num_id or "", None if ilvl is None else _int(ilvl, 0))


def _val(element: etree._Element | None) -> str | None:
    return None if element is None else element.get(VAL)


def _int(text: str | None, default: int) -> int:
    if text is None or len(text) > 12:  # a longer number is no value Word writes
        return default
    try:
        return int(text)
    except ValueError:
        return default


def _num_pr(parent: etree._Element | None) -> NumberingRef | None:
    """Return the ``w:numPr`` of a ``w:pPr``; ``num_id`` may be empty (level only)."""
    num_pr = None if parent is None else parent.find(_NUMPR)
    if num_pr is None:
        return None
    return NumberingRef.of(_val(num_pr.find(_NUM_ID)), _val(num_pr.find(_ILVL)))


@attrs.define
class Numbering:
    """The list definitions and paragraph styles of a document, and the running counters."""

    abstracts: dict[str, etree._Element] = attrs.Factory(dict)
    """Each ``w:abstractNum``, by abstractNumId; its levels are read when first used."""
    links: dict[str, str] = attrs.Factory(dict)
    """The abstractNum whose definition each linking ``w:abstractNum`` takes."""
    nums: dict[str, list[list[str]]] = attrs.Factory(dict)
    """Each ``w:num`` by numId, as :func:`~dutylist.io.docx.stylesheet.list_instances`."""
    styles: dict[str, NumberingRef] = attrs.Factory(dict)
    """The numbering each paragraph style carries (resolved through ``w:basedOn``)."""
    default_style: str | None = None
    """The styleId of the default paragraph style."""
    counters: dict[str, Counters] = attrs.Factory(dict)
    enabled: bool = False
    """True once read from a document that numbers paragraphs; False: nothing is numbered."""
    unresolved: int = 0
    """How many numbered paragraphs could not be given their number."""
    _levels: dict[str, dict[int, Level]] = attrs.field(factory=dict, init=False, repr=False)
    _instances: dict[object, tuple[str | None, dict[int, int], tuple[object, ...]]] = attrs.field(
        factory=dict, init=False, repr=False
    )
    _plans: dict[tuple[object, ...], Plan] = attrs.field(factory=dict, init=False, repr=False)

    @classmethod
    def parse(cls, numbering: etree._Element | None, styles: etree._Element | None) -> Numbering:
        """Return the numbering of a document from its numbering and styles parts."""
        result = cls(enabled=True)
        if styles is not None:
            result._read_styles(styles)
        if numbering is not None:
            result.read_definitions(numbering)
        return result

    def _read_styles(self, root: etree._Element) -> None:
        own: dict[str, NumberingRef | None] = {}
        based_on: dict[str, str] = {}
        for style in root.iter(_STYLE):
            if style.get(_TYPE) != "paragraph":
                continue
            style_id = style.get(_STYLE_ID) or ""
            if style.get(_DEFAULT) in ("1", "true", "on"):
                self.default_style = style_id
            own[style_id] = _num_pr(style.find(_PPR))
            parent = _val(style.find(_BASED_ON))
            if parent is not None:
                based_on[style_id] = parent
        for style_id in own:
            num_id: str = ""
            ilvl: int | None = None
            seen: set[str] = set()
            current: str | None = style_id
            while current is not None and current not in seen:
                seen.add(current)
                ref = own.get(current)
                if ref is not None:
                    num_id = num_id or ref.num_id
                    ilvl = ref.ilvl if ilvl is None else ilvl
                current = based_on.get(current)
            if num_id:
                self.styles[style_id] = NumberingRef(num_id=num_id, ilvl=ilvl)

    def read_definitions(
        self, root: etree._Element, nums: dict[str, list[list[str]]] | None = None
    ) -> None:
        """Read the list definitions of a numbering part, after the styles (links use them).

        ``nums``: the list instances, when read from the bytes (see :mod:`.styles`).
        """
        links: dict[str, str] = {}
        for abstract in root.iter(_ABSTRACT_NUM):
            abstract_id = abstract.get(_ABSTRACT_NUM_ID) or ""
            self.abstracts[abstract_id] = abstract
            link = _val(abstract.find(_NUM_STYLE_LINK))
            if link is not None:
                links[abstract_id] = link
        self.nums = list_instances(root) if nums is None else nums
        # An abstractNum that only links to a numbering style takes that style's definition.
        for abstract_id, style_id in links.items():
            ref = self.styles.get(style_id)
            target = self.instance(ref.num_id)[0] if ref is not None else None
            if target is None:
                continue
            target = self.links.get(target, target)
            definition = self.abstracts.get(target)
            if definition is not None and next(definition.iter(_LVL), None) is not None:
                self.links[abstract_id] = target

    def instance(self, num_id: str) -> tuple[str | None, dict[int, int], tuple[object, ...]]:
        """Return the abstractNumId of a ``w:num`` (None without one) and its start overrides.

        The overrides map a level (ilvl) to the value it restarts at; then as a tuple.
        """
        found = self._instances.get(num_id)
        if found is None:
            nums = self.nums.get(num_id, [])
            # Instances written alike (a restart in every cell) are read once.
            written = tuple(nums[0]) if len(nums) == 1 else tuple(map(tuple, nums))
            found = self._instances.get(written)
            if found is None:
                abstract_id = nums[-1][0] if nums else None
                overrides: dict[int, int] = {}
                for fields in nums:
                    for index in range(1, len(fields) - 1, 2):
                        overrides[_int(fields[index], 0)] = _int(fields[index + 1], 1)
                restarts = tuple(overrides.items())
                found = self._instances[written] = (abstract_id, overrides, restarts)
            self._instances[num_id] = found
        return found

    def levels(self, abstract_id: str) -> dict[int, Level]:
        """Return the levels of a ``w:abstractNum`` by ilvl (empty when it has none)."""
        levels = self._levels.get(abstract_id)
        if levels is None:
            abstract = self.abstracts.get(self.links.get(abstract_id, abstract_id))
            lvls = () if abstract is None else abstract.iter(_LVL)
            levels = self._levels[abstract_id] = {
                _int(lvl.get(_ILVL), 0): _level(lvl) for lvl in lvls
            }
        return levels

    def resolve(self, style: str | None, own: NumberingRef | None) -> NumberingRef | None:
        """Return the list and level that number a paragraph, or None when none does.

        Args:
            style: the paragraph's style (``w:pStyle``), None or empty for the default.
            own: the paragraph's own ``w:numPr``, if it has one.
        """
        if own is None and not self.styles:
            return None
        style_ref = self.styles.get(style or self.default_style or "")
        if own is not None and own.num_id and own.ilvl is not None:
            return None if own.num_id == "0" else own
        num_id = (own.num_id if own is not None else "") or (style_ref.num_id if style_ref else "")
        if not num_id or num_id == "0":
            return None
        ilvl = own.ilvl if own is not None else None
        if ilvl is None and style_ref is not None:
            ilvl = style_ref.ilvl
        return NumberingRef(num_id, ilvl)

    def plan(self, style: str | None, own: NumberingRef | None) -> tuple[Plan, Counters] | None:
        """Return how to number a paragraph (arguments as :meth:`resolve`); None: it is not.

        The plan, and the counters it advances, serve every paragraph with the same style
        and ``w:numPr``; :meth:`number` then numbers each of them in turn.
        """
        ref = self.resolve(style, own)
        if ref is None:
            return None
        abstract_id, overrides, restarts = self.instance(ref.num_id)
        if abstract_id is None:
            return _UNRESOLVED, _UNSET
        ilvl = ref.ilvl  # list instances that restart alike share a plan:
        shape = (abstract_id, ilvl, style if ilvl is None else None, restarts)
        plan = self._plans.get(shape)
        if plan is None:
            plan = self._plans[shape] = self._plan(abstract_id, ilvl, style, overrides)
        if plan.unresolved:
            return plan, _UNSET
        # Instances that restart a level count on their own; the others share the list.
        key = f"num:{ref.num_id}" if overrides else f"abstract:{abstract_id}"
        counters = self.counters.get(key)
        if counters is None:
            counters = self.counters[key] = [None] * 9
        return plan, counters

    def _plan(
        self, abstract_id: str, ilvl: int | None, style: str | None, overrides: dict[int, int]
    ) -> Plan:
        levels = self.levels(abstract_id)
        if not levels:
            return _UNRESOLVED
        if ilvl is None:
            linked = [index for index, level in levels.items() if style and level.style == style]
            ilvl = linked[0] if linked else 0
        level = levels.get(ilvl)
        if level is None or not 0 <= ilvl < 9:
            return _UNRESOLVED
        start = overrides.get(ilvl, level.start)
        if level.fmt in NO_NUMBER or level.text is None:
            return Plan(ilvl=ilvl, start=start)
        pieces: list[tuple[str, int, int, Callable[[int], str | None]]] = []
        position = 0
        for match in _PLACEHOLDER.finditer(level.text):
            index = int(match.group(1)) - 1
            shown = levels.get(index)
            formatter = FORMATS.get(shown.fmt) if shown is not None else None
            if shown is None or formatter is None:
                return Plan(ilvl=ilvl, start=start, pieces=(), broken=True)
            default = overrides.get(index, shown.start)
            pieces.append((level.text[position : match.start()], index, default, formatter))
            position = match.end()
        tail = level.text[position:]
        own = (pieces[0][0], pieces[0][3], tail) if [p[1] for p in pieces] == [ilvl] else None
        return Plan(ilvl, start, tuple(pieces), tail, own=own)

    def number(self, plan: Plan, counters: Counters) -> str | None:
        """Return the number Word prints before the next paragraph numbered by ``plan``.

        ``plan`` and ``counters`` are what :meth:`plan` returned. Advances the counters,
        so call it once per paragraph in document order. Returns None for a bulleted
        paragraph, or one whose number cannot be rebuilt (counted in :attr:`unresolved`).
        """
        if plan.unresolved:
            self.unresolved += 1
            return None
        ilvl = plan.ilvl
        current = counters[ilvl]
        counters[ilvl] = count = plan.start if current is None else current + 1
        counters[ilvl + 1 :] = _RESETS[ilvl]  # deeper levels start again
        if plan.own is not None:  # the level shows its own number only: "%1."
            literal, formatter, tail = plan.own
            shown = formatter(count) if 0 <= count <= MAX_NUMBER else None
            if shown is None:
                self.unresolved += 1
                return None
            return literal + shown + tail
        pieces = plan.pieces
        if pieces is None:
            return None
        if plan.broken:
            self.unresolved += 1
            return None
        text: list[str] = []
        for literal, index, default, formatter in pieces:
            value = counters[index]
            if value is None:
                value = default
            shown = formatter(value) if 0 <= value <= MAX_NUMBER else None
            if shown is None:
                self.unresolved += 1
                return None
            text += (literal, shown)
        text.append(plan.tail)
        return "".join(text)


@attrs.frozen
class Plan:
    """How the paragraphs of one list level are numbered (see :meth:`Numbering.plan`)."""

    ilvl: int = 0
    start: int = 0
    """The level's first value."""
    pieces: tuple[tuple[str, int, int, Callable[[int], str | None]], ...] | None = None
    """Literal text, level, its first value and format, for each ``%N`` of the level
    text; None when the level prints no number (bullets)."""
    tail: str = ""
    """The level text after its last ``%N``."""
    broken: bool = False
    """True when a ``%N`` names a level without a known format."""
    unresolved: bool = False
    """True when the list, its definition or the level is missing: no number at all."""
    own: tuple[str, Callable[[int], str | None], str] | None = None
    """When the level text shows the level's own number only: the text before, its
    format and the text after."""


_UNRESOLVED = Plan(unresolved=True)
_UNSET: Counters = [None] * 9
_RESETS: list[Counters] = [[None] * (8 - ilvl) for ilvl in range(9)]


def _level(lvl: etree._Element) -> Level:
    return Level(
        start=_int(_val(lvl.find(_START)), 0),
        fmt=_val(lvl.find(_NUM_FMT)) or "decimal",
        text=_val(lvl.find(_LVL_TEXT)),
        style=_val(lvl.find(_P_STYLE)),
    )
