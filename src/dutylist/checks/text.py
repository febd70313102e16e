"""Text hygiene rules: stray spaces, brackets, full/half-width forms, punctuation, repeats.

Texts checked: item names, category headings, department names as printed and every
clause as printed (number prefix included).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from dutylist.checks.context import Context, Issue, Rule, item_label, where
from dutylist.checks.findings import FindingLocation, Severity
from dutylist.departments.occurrences import clauses_of, departments_of
from dutylist.model import Category, DutyList, Item, Part

_SPACE = " \u3000\u00a0\t"
_CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’《》【】（）"
_STRAY = re.compile(
    rf"^[{_SPACE}]+|[{_SPACE}]+$|[{_SPACE}]{{2,}}|(?<=[{_CJK}])[{_SPACE}]|[{_SPACE}](?=[{_CJK}])"
)
_PAIRS = (("（", "）"), ("(", ")"), ("“", "”"), ("《", "》"), ("【", "】"), ("‘", "’"))
_CLOSING = "。；;！!？?…"
_TRAILING_CLOSERS = "”’）)》】"
_HALF_PUNCT = re.compile(r"(?<=[\u4e00-\u9fff])[,;:?!](?=[\u4e00-\u9fff“])")
_FULL_WIDTH_NUMBER = re.compile(r"^[ \u3000]*(?:[(（][ \u3000]*)?[０-９]|^[ \u3000]*[0-9]{1,2}．")
_REPEAT = re.compile(r"([\u4e00-\u9fff]{3,16})\1")


@attrs.frozen
class _Text:
    text: str
    site: tuple[Part, Category, Item | None, str, int | None]
    """Part, category, item, field and clause: the location, built only when reported."""
    what: str
    kind: str
    """``name``, ``heading``, ``department`` or ``clause``."""

    @property
    def location(self) -> FindingLocation:
        """Return where the text is."""
        part, category, item, field, clause = self.site
        return where(part, category, item, field=field, clause=clause)


def _item_texts(part: Part, category: Category, item: Item) -> Iterator[_Text]:
    label = item_label(item)
    yield _Text(item.name, (part, category, item, "name", None), f"{label} name", "name")
    cell = departments_of(item)
    if cell is not None:
        field, departments = cell
        for index, department in enumerate(departments, start=1):
            yield _Text(
                department.printed if department.printed is not None else department.name,
                (part, category, item, field, index),
                f"{label} {field}",
                "department",
            )
    for field, index, clause in clauses_of(item):
        yield _Text(
            clause.printed,
            (part, category, item, field, index),
            f"{label} {field} clause {index}",
            "clause",
        )


def _texts(context: Context) -> list[_Text]:
    def compute() -> list[_Text]:
        texts: list[_Text] = []
        for part in context.duty_list.parts:
            for category in part.categories:
                if category.heading:
                    texts.append(
                        _Text(
                            category.heading,
                            (part, category, None, "heading", None),
                            f"{part.kind.value} category heading",
                            "heading",
                        )
                    )
                for item in category.items:
                    texts.extend(_item_texts(part, category, item))
        return texts

    return context.memo("texts", compute)


def stray_space(_: DutyList, context: Context) -> Iterator[Issue]:
    """Report leading, trailing, doubled or CJK-adjacent spaces (also U+3000)."""
    for text in _texts(context):
        match = _STRAY.search(text.text)
        if match is None:
            continue
        start = max(0, match.start() - 6)
        excerpt = text.text[start : match.end() + 6]
        yield Issue(
            message=f"{text.what}: stray space in {excerpt!r}",
            location=text.location,
            subject=text.text,
            hint="remove the space (Chinese text needs no spaces)",
        )


def _unbalanced(text: str) -> str | None:
    for opening, closing in _PAIRS:
        if opening not in text and closing not in text:
            continue
        depth = 0
        for char in text:
            if char == opening:
                depth += 1
            elif char == closing:
                depth -= 1
                if depth < 0:
                    return closing
        if depth > 0:
            return opening
    return None


def unbalanced_brackets(_: DutyList, context: Context) -> Iterator[Issue]:
    """Report a text whose brackets or quotes （）()“”《》【】 do not pair up."""
    for text in _texts(context):
        odd = _unbalanced(text.text)
        if odd is not None:
            yield Issue(
                message=f"{text.what}: unpaired {odd!r} in {text.text[:30]!r}",
                location=text.location,
                subject=text.text,
                hint="add the missing bracket or quote, or remove the stray one",
            )


def full_width_numbering(duty_list: DutyList, context: Context) -> Iterator[Issue]:
    """Report full-width digits or separators in numbering (``１２``, ``１．``, ``1．``)."""
    for part, category, item in duty_list.iter_items():
        if any("０" <= char <= "９" for char in item.printed_number):
            yield Issue(
                message=f"{item_label(item)}: the sequence number {item.printed_number!r} "
                "uses full-width digits",
                location=where(part, category, item, field="number"),
                subject=item.printed_number,
                hint="use half-width digits",
            )
    for text in _texts(context):
        if text.kind == "clause" and _FULL_WIDTH_NUMBER.search(text.text):
            yield Issue(
                message=f"{text.what}: full-width form in the clause number {text.text[:4]!r}",
                location=text.location,
                subject=text.text,
                hint="number clauses as 1. 2. 3. with half-width digits",
            )
        elif text.kind == "heading" and re.search(r"[（(][０-９]+项", text.text):
            yield Issue(
                message=f"{text.what}: full-width digits in the count of {text.text.strip()!r}",
                location=text.location,
                subject=text.text,
                hint="use half-width digits",
            )


def half_width_punctuation(_: DutyList, context: Context) -> Iterator[Issue]:
    """Report half-width punctuation (``,`` ``;`` ``:``) between Chinese characters."""
    for text in _texts(context):
        match = _HALF_PUNCT.search(text.text)
        if match is not None:
            excerpt = text.text[max(0, match.start() - 4) : match.end() + 4]
            yield Issue(
                message=f"{text.what}: half-width {match.group()!r} in {excerpt!r}",
                location=text.location,
                subject=text.text,
                hint="use the full-width form (，；：？！)",
            )


def missing_closing_punctuation(_: DutyList, context: Context) -> Iterator[Issue]:
    """Report a clause that does not end with 。；！？ (its siblings usually do)."""
    for text in _texts(context):
        if text.kind != "clause":
            continue
        body = text.text.rstrip(" \u3000\t").rstrip(_TRAILING_CLOSERS)
        if len(body) >= 4 and body[-1] not in _CLOSING:
            yield Issue(
                message=f"{text.what} does not end with 。: {text.text[-12:]!r}",
                location=text.location,
                subject=text.text,
                hint="end the clause with 。",
            )


def name_trailing_punctuation(_: DutyList, context: Context) -> Iterator[Issue]:
    """Report an item name ending with punctuation (``…的处罚。``); names are not sentences."""
    for text in _texts(context):
        stripped = text.text.rstrip(" \u3000")
        if text.kind == "name" and stripped and stripped[-1] in "。；;，,、.":
            yield Issue(
                message=f"{text.what} ends with {stripped[-1]!r}: {stripped[-12:]!r}",
                location=text.location,
                subject=text.text,
                hint="remove the trailing punctuation",
            )


def repeated_text(_: DutyList, context: Context) -> Iterator[Issue]:
    """Report words printed twice in a row (``主次街路主次街路``), three characters or more."""
    for text in _texts(context):
        match = _REPEAT.search(text.text)
        if match is not None:
            yield Issue(
                message=f"{text.what}: {match.group(1)!r} is printed twice in a row",
                location=text.location,
                subject=text.text,
                hint=f"print {match.group(1)} once",
            )


RULES = (
    Rule(
        code="stray-space",
        severity=Severity.WARNING,
        summary="Leading, trailing, doubled or CJK-adjacent spaces (also U+3000).",
        check=stray_space,
    ),
    Rule(
        code="unbalanced-brackets",
        severity=Severity.WARNING,
        summary="Brackets or quotes （）()“”《》【】 that do not pair up.",
        check=unbalanced_brackets,
    ),
    Rule(
        code="full-width-numbering",
        severity=Severity.WARNING,
        summary="Full-width digits or separators in item, clause or count numbers.",
        check=full_width_numbering,
    ),
    Rule(
        code="half-width-punctuation",
        severity=Severity.INFO,
        summary="Half-width punctuation (, ; :) between Chinese characters.",
        check=half_width_punctuation,
    ),
    Rule(
        code="missing-closing-punctuation",
        severity=Severity.INFO,
        summary="A clause does not end with 。 or other closing punctuation.",
        check=missing_closing_punctuation,
    ),
    Rule(
        code="name-trailing-punctuation",
        severity=Severity.INFO,
        summary="An item name ends with punctuation such as 。.",
        check=name_trailing_punctuation,
    ),
    Rule(
        code="repeated-text",
        severity=Severity.INFO,
        summary="Words printed twice in a row (主次街路主次街路).",
        check=repeated_text,
    ),
)
