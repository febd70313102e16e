"""Automatic numbers read from a .docx are the numbers Word prints, whatever the layout.

Each example writes a small package by hand: list definitions (levels, formats, start
values), list instances (some restarting a level), paragraph styles carrying numbering
(through ``w:basedOn`` chains), and paragraphs numbered by their style, their own
``w:numPr`` or both. The expected labels come from replaying Word's rules on what was
generated (:func:`_expected`), not from the reader.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dutylist.io.docx.read import read_docx_blocks
from dutylist.io.docx.wordml import W_NS
from dutylist.parse.rows import Paragraph, Row

_ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
_DIGITS = "〇一二三四五六七八九"


def _chinese(value: int) -> str:
    if value < 10:
        return _DIGITS[value]
    tens, units = divmod(value, 10)
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + ("" if units == 0 else _DIGITS[units])


_FORMATS = {
    "decimal": str,
    "lowerLetter": lambda value: "abcdefghijklmnopqrstuvwxyz"[value - 1],
    "upperRoman": lambda value: _ROMAN[value] if value <= 10 else "X" + _ROMAN[value - 10],
    "decimalEnclosedCircle": lambda value: chr(0x2460 + value - 1),
    "chineseCounting": _chinese,
}
_LEVELS = 3
_DEFAULT = ' w:default="1"'
_W14 = "http://schemas.microsoft.com/office/word/2010/wordml"


@st.composite
def _level(draw: st.DrawFn, ilvl: int) -> tuple[int, str, str]:
    fmt = draw(st.sampled_from([*_FORMATS, "bullet"]))
    if fmt == "bullet":
        return 1, fmt, "\u2022"
    start = draw(st.sampled_from([0, 1, 3] if fmt == "decimal" else [1, 3]))
    texts = [f"%{ilvl + 1}.", f"（%{ilvl + 1}）", f"%{ilvl + 1}"]
    if ilvl:
        texts.append(f"%1.%{ilvl + 1}")
    return start, fmt, draw(st.sampled_from(texts))


NumPr = tuple[str, int | None]
"""A ``w:numPr``: its numId ("" without one) and its ilvl (None without one)."""


@dataclass(frozen=True)
class _Document:
    abstracts: list[list[tuple[int, str, str]]]
    """Each list definition's levels: start value, format, level text."""
    nums: list[tuple[int, tuple[int, int] | None]]
    """Each list instance (numId 1, 2 …): its definition and a restarted level and value."""
    styles: dict[str, tuple[str | None, NumPr | None]]
    """Each paragraph style: the style it is based on and its numbering."""
    paragraphs: list[tuple[str | None, NumPr | None, str]]
    """Each paragraph: its style, its own numbering and its text."""
    in_table: int
    """How many paragraphs come before the table, which holds the others in one cell."""
    filler: bool
    """Whether unnumbered styles fill styles.xml as in Word's template."""
    form: str
    """How the list instances are written: as Word does (``word``, ``durable``), or not."""


_NUM_PR = st.tuples(st.sampled_from(["", "0", "1", "2", "3"]), st.sampled_from([None, 0, 1, 2]))


@st.composite
def _documents(draw: st.DrawFn) -> _Document:
    abstracts = [
        [draw(_level(ilvl)) for ilvl in range(_LEVELS)] for _ in range(draw(st.integers(1, 2)))
    ]
    nums = [
        (
            draw(st.integers(0, len(abstracts) - 1)),
            draw(st.none() | st.tuples(st.integers(0, _LEVELS - 1), st.sampled_from([1, 5]))),
        )
        for _ in range(3)
    ]
    styles: dict[str, tuple[str | None, NumPr | None]] = {
        "Normal": (None, draw(st.none() | _NUM_PR) if draw(st.integers(0, 4)) == 0 else None)
    }
    for index in range(draw(st.integers(0, 4))):
        parent = draw(st.sampled_from([None, *styles]))
        styles[f"S{index}"] = (parent, draw(st.none() | _NUM_PR))
    paragraphs = [
        (
            draw(st.sampled_from([None, *styles])),
            draw(st.none() | _NUM_PR),
            draw(st.sampled_from(["", " ", "甲", "乙丙"])),
        )
        for _ in range(draw(st.integers(1, 12)))
    ]
    return _Document(
        abstracts=abstracts,
        nums=nums,
        styles=styles,
        paragraphs=paragraphs,
        in_table=draw(st.integers(0, len(paragraphs))),
        filler=draw(st.booleans()),
        form=draw(st.sampled_from(["word", "durable", "indented", "comment", "reordered"])),
    )


def _num_pr(num_pr: NumPr | None) -> str:
    if num_pr is None:
        return ""
    num_id, ilvl = num_pr
    return (
        "<w:numPr>"
        + ("" if ilvl is None else f'<w:ilvl w:val="{ilvl}"/>')
        + (f'<w:numId w:val="{num_id}"/>' if num_id else "")
        + "</w:numPr>"
    )


def _package(document: _Document) -> bytes:
    abstracts, nums = document.abstracts, document.nums
    styles, paragraphs = document.styles, document.paragraphs
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    numbering = "".join(
        f'<w:abstractNum w:abstractNumId="{a}"><w:multiLevelType w:val="multilevel"/>'
        + "".join(
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/></w:lvl>'
            for ilvl, (start, fmt, text) in enumerate(levels)
        )
        + "</w:abstractNum>"
        for a, levels in enumerate(abstracts)
    ) + ("<!-- w:num -->" if document.form == "comment" else "")
    space = "\n  " if document.form == "indented" else ""
    for index, (abstract, override) in enumerate(nums):
        attributes = {
            "durable": f' w:numId="{index + 1}" w14:durableId="{index + 90}"',
            "reordered": f' w14:durableId="{index + 90}" w:numId="{index + 1}"',
        }.get(document.form, f' w:numId="{index + 1}"')
        numbering += f'<w:num{attributes}>{space}<w:abstractNumId w:val="{abstract}"/>'
        if override is not None:
            numbering += (
                f'{space}<w:lvlOverride w:ilvl="{override[0]}">{space}'
                f'<w:startOverride w:val="{override[1]}"/>{space}</w:lvlOverride>'
            )
        numbering += f"{space}</w:num>{space}"
    filler = "".join(
        f'<w:style w:type="paragraph" w:styleId="Filler{index}"><w:name w:val="f{index}"/>'
        '<w:basedOn w:val="Normal"/><w:pPr><w:spacing w:before="0"/></w:pPr></w:style>'
        f'<w:style w:type="character" w:styleId="Char{index}"><w:rPr><w:b/></w:rPr></w:style>'
        for index in range(5 if document.filler else 0)
    )
    style_xml = "".join(
        f'<w:style w:type="paragraph"{_DEFAULT if style_id == "Normal" else ""}'
        f' w:styleId="{style_id}"><w:name w:val="{style_id.lower()}"/>'
        + ("" if parent is None else f'<w:basedOn w:val="{parent}"/>')
        + (f"<w:pPr>{_num_pr(num_pr)}</w:pPr>" if num_pr else "")
        + "</w:style>"
        for style_id, (parent, num_pr) in styles.items()
    )
    latent = '<w:latentStyles w:count="2"><w:lsdException w:name="Normal"/></w:latentStyles>'

    def paragraph(style: str | None, num_pr: NumPr | None, text: str) -> str:
        properties = ("" if style is None else f'<w:pStyle w:val="{style}"/>') + _num_pr(num_pr)
        return (
            f"<w:p>{f'<w:pPr>{properties}</w:pPr>' if properties else ''}"
            f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'
        )

    split = document.in_table
    body = "".join(paragraph(*p) for p in paragraphs[:split])
    cell = "".join(paragraph(*p) for p in paragraphs[split:])
    body += f"<w:tbl><w:tr><w:tc>{cell or '<w:p/>'}</w:tc></w:tr></w:tbl>"
    parts = {
        "word/document.xml": f'{head}<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body>'
        "</w:document>",
        "word/styles.xml": f'{head}<w:styles xmlns:w="{W_NS}"><w:docDefaults/>{latent}'
        f"{filler}{style_xml}</w:styles>",
        "word/numbering.xml": f'{head}<w:numbering xmlns:w="{W_NS}" xmlns:w14="{_W14}">'
        f"{numbering}</w:numbering>",
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text.encode())
    return buffer.getvalue()


def _expected(document: _Document) -> list[str]:
    """Replay Word's numbering over the generated paragraphs: the texts Word shows."""
    abstracts, nums = document.abstracts, document.nums
    styles, paragraphs = document.styles, document.paragraphs

    def style_numbering(style_id: str) -> tuple[str, int | None]:
        # Along the basedOn chain, the nearest numId and the nearest ilvl, each on its own.
        num_id, ilvl, seen = "", None, set()
        current = style_id
        while current is not None and current not in seen:
            seen.add(current)
            parent, num_pr = styles[current]
            if num_pr is not None:
                num_id = num_id or num_pr[0]
                ilvl = num_pr[1] if ilvl is None else ilvl
            current = parent
        # A style numbers only when its chain names a list: a level alone is no numbering.
        return (num_id, ilvl) if num_id else ("", None)

    counters: dict[str, list[int | None]] = {}
    shown = []
    for style, own, text in paragraphs:
        style_num_id, style_ilvl = style_numbering(style or "Normal")
        num_id = (own[0] if own else "") or style_num_id
        if num_id in {"", "0"}:
            shown.append(text)
            continue
        ilvl = own[1] if own and own[1] is not None else style_ilvl
        ilvl = ilvl or 0
        abstract, override = nums[int(num_id) - 1]
        levels = abstracts[abstract]
        restarts = dict([override]) if override else {}
        values = counters.setdefault(f"num{num_id}" if override else f"abs{abstract}", [None] * 9)
        start = restarts.get(ilvl, levels[ilvl][0])
        values[ilvl] = start if values[ilvl] is None else values[ilvl] + 1
        values[ilvl + 1 :] = [None] * (8 - ilvl)
        _start, fmt, label = levels[ilvl]
        if fmt == "bullet" or not text.strip():
            shown.append(text)
            continue
        shown_levels = [level for level in range(_LEVELS) if f"%{level + 1}" in label]
        if any(levels[level][1] == "bullet" for level in shown_levels):
            shown.append(text)  # a bullet's level has no number to show: not rebuilt
            continue
        for level in shown_levels:
            value = values[level]
            if value is None:
                value = restarts.get(level, levels[level][0])
            label = label.replace(f"%{level + 1}", _FORMATS[levels[level][1]](value))
        shown.append(label + text)
    return shown


def _read_texts(package: bytes) -> list[str]:
    texts: list[str] = []
    for block in read_docx_blocks(io.BytesIO(package)):
        if isinstance(block, Paragraph):
            texts.append(block.text)
        elif isinstance(block, Row):
            texts += [line for cell in block.cells for line in cell]
    return texts


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_documents())
def test_paragraphs_get_the_numbers_word_prints(document: _Document) -> None:
    texts = _read_texts(_package(document))
    expected = _expected(document)
    if document.in_table == len(document.paragraphs):
        expected.append("")  # the table's cell holds one empty paragraph
    assert texts == expected
