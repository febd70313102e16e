"""Text hygiene rules: stray spaces, brackets, full/half-width forms, punctuation, repeats.

Texts checked: item names, category headings, department names as printed and every
clause as printed (number prefix included).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from dutylist.checks.context import Context, Issue, Rule, field_name, item_label, part_name, where
from dutylist.checks.findings import FindingLocation, Severity
from dutylist.departments.occurrences import clauses_of
from dutylist.fields import department_field
from dutylist.messages import N_, _
from dutylist.model import Category, DutyList, Item, Part
from dutylist.patterns import compile_on_use

_SPACE = " \u3000\u00a0\t"
_CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’《》【】（）"
_STRAY = compile_on_use(
    rf"^[{_SPACE}]+|[{_SPACE}]+$|[{_SPACE}]{{2,}}|(?<=[{_CJK}])[{_SPACE}]|[{_SPACE}](?=[{_CJK}])"
)
_LABEL_SPACE = compile_on_use(
    r"^(第[〇零一二三四五六七八九十百]+(?:类|部分))[ \u3000](?=[^ \u3000])"
)
"""The one space that separates a heading's label from its title (``第一类 党的建设``)."""
_PAIRS = (("（", "）"), ("(", ")"), ("“", "”"), ("《", "》"), ("【", "】"), ("‘", "’"))
_CLOSING = "。；;！!？?…"
_TRAILING_CLOSERS = "”’）)》】"
_HALF_PUNCT = compile_on_use(r"(?<=[\u4e00-\u9fff])[,;:?!](?=[\u4e00-\u9fff“])")
_FULL_WIDTH_NUMBER = compile_on_use(
    r"^[ \u3000]*(?:[(（][ \u3000]*)?[０-９]|^[ \u3000]*[0-9]{1,2}．"
)
_REPEAT = compile_on_use(r"([\u4e00-\u9fff]{3,16})\1")


@attrs.frozen
class _Text:
    """One text to check; where it is and how a message names it are worked out on report."""

    text: str
    site: tuple[Part, Category, Item | None, str, int | None]
    """Part, category, item, field and clause (or department) index."""
    kind: str
    """``name``, ``heading``, ``department`` or ``clause``."""

    @property
    def location(self) -> FindingLocation:
        """Return where the text is."""
        part, category, item, field, clause = self.site
        return where(part, category, item, field=field, clause=clause)

    @property
    def what(self) -> str:
        """Return how a message names the text (``基本事项第3项的事项名称``)."""
        part, _category, item, field, index = self.site
        if item is None:
            return _("{part}的类别标题").format(part=part_name(part.kind))
        label = item_label(item)
        if self.kind == "name":
            return _("{item}的事项名称").format(item=label)
        if self.kind == "department":
            return _("{item}的{field}").format(item=label, field=field_name(field))
        return _("{item}的{field}第{index}条").format(
            item=label, field=field_name(field), index=index
        )

    def issue(self, message: str, hint: str) -> Issue:
        """Return the issue ``message`` about this text: where it is, the text as subject."""
        return Issue(message=message, location=self.location, subject=self.text, hint=hint)


def _item_texts(part: Part, category: Category, item: Item) -> Iterator[_Text]:
    yield _Text(item.name, (part, category, item, "name", None), "name")
    cell = department_field(item)
    if cell is not None:
        field, departments = cell
        for index, department in enumerate(departments, start=1):
            printed = department.printed if department.printed is not None else department.name
            yield _Text(printed, (part, category, item, field, index), "department")
    for field, index, clause in clauses_of(item):
        yield _Text(clause.printed, (part, category, item, field, index), "clause")


def _texts(context: Context) -> list[_Text]:
    def compute() -> list[_Text]:
        texts: list[_Text] = []
        for part in context.duty_list.parts:
            for category in part.categories:
                if category.heading:
                    site = (part, category, None, "heading", None)
                    texts.append(_Text(category.heading, site, "heading"))
                for item in category.items:
                    texts.extend(_item_texts(part, category, item))
        return texts

    return context.memo("texts", compute)


def _matches(context: Context, pattern: re.Pattern[str]) -> Iterator[tuple[_Text, re.Match[str]]]:
    """Yield each text ``pattern`` is found in, with the first match."""
    search = pattern.search
    for text in _texts(context):
        match = search(text.text)
        if match is not None:
            yield text, match


def stray_space(_list: DutyList, context: Context) -> Iterator[Issue]:
    """Report leading, trailing, doubled or CJK-adjacent spaces (also U+3000)."""
    search = _STRAY.search
    for text in _texts(context):
        checked = _LABEL_SPACE.sub(r"\1", text.text) if text.kind == "heading" else text.text
        match = search(checked)
        if match is None:
            continue
        start = max(0, match.start() - 6)
        excerpt = checked[start : match.end() + 6]
        yield text.issue(
            _("{what}：“{excerpt}”中有多余的空格").format(what=text.what, excerpt=excerpt),
            _("删除空格（中文文字之间不需要空格）"),
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


def unbalanced_brackets(_list: DutyList, context: Context) -> Iterator[Issue]:
    """Report a text whose brackets or quotes （）()“”《》【】 do not pair up."""
    for text in _texts(context):
        odd = _unbalanced(text.text)
        if odd is not None:
            yield text.issue(
                _("{what}：“{text}”中的“{mark}”不成对").format(
                    what=text.what, text=text.text[:30], mark=odd
                ),
                _("补上缺少的括号或引号，或删除多余的一个"),
            )


def full_width_numbering(duty_list: DutyList, context: Context) -> Iterator[Issue]:
    """Report full-width digits or separators in numbering (``１２``, ``１．``, ``1．``)."""
    for part, category, item in duty_list.iter_items():
        if any("０" <= char <= "９" for char in item.printed_number):
            yield Issue(
                message=_("{item}：序号“{number}”使用了全角数字").format(
                    item=item_label(item), number=item.printed_number
                ),
                location=where(part, category, item, field="number"),
                subject=item.printed_number,
                hint=_("使用半角数字"),
            )
    for text in _texts(context):
        if text.kind == "clause" and _FULL_WIDTH_NUMBER.search(text.text):
            yield text.issue(
                _("{what}：条目序号“{number}”使用了全角形式").format(
                    what=text.what, number=text.text[:4]
                ),
                _("用半角数字编号：1. 2. 3."),
            )
        elif text.kind == "heading" and re.search(r"[（(][０-９]+项", text.text):
            yield text.issue(
                _("{what}：“{heading}”的事项数使用了全角数字").format(
                    what=text.what, heading=text.text.strip()
                ),
                _("使用半角数字"),
            )


def half_width_punctuation(_list: DutyList, context: Context) -> Iterator[Issue]:
    """Report half-width punctuation (``,`` ``;`` ``:``) between Chinese characters."""
    for text, match in _matches(context, _HALF_PUNCT):
        excerpt = text.text[max(0, match.start() - 4) : match.end() + 4]
        yield text.issue(
            _("{what}：“{excerpt}”中使用了半角的“{mark}”").format(
                what=text.what, excerpt=excerpt, mark=match.group()
            ),
            _("使用全角标点（，；：？！）"),
        )


def missing_closing_punctuation(_list: DutyList, context: Context) -> Iterator[Issue]:
    """Report a clause that does not end with 。；！？ (its siblings usually do)."""
    for text in _texts(context):
        if text.kind != "clause":
            continue
        body = text.text.rstrip(" \u3000\t").rstrip(_TRAILING_CLOSERS)
        if len(body) >= 4 and body[-1] not in _CLOSING:
            yield text.issue(
                _("{what}未以“。”结尾：“{end}”").format(what=text.what, end=text.text[-12:]),
                _("在该条末尾加上“。”"),
            )


def name_trailing_punctuation(_list: DutyList, context: Context) -> Iterator[Issue]:
    """Report an item name ending with punctuation (``…的处罚。``); names are not sentences."""
    for text in _texts(context):
        stripped = text.text.rstrip(" \u3000")
        if text.kind == "name" and stripped and stripped[-1] in "。；;，,、.":
            yield text.issue(
                _("{what}以“{mark}”结尾：“{end}”").format(
                    what=text.what, mark=stripped[-1], end=stripped[-12:]
                ),
                _("删除末尾的标点"),
            )


def repeated_text(_list: DutyList, context: Context) -> Iterator[Issue]:
    """Report words printed twice in a row (``主次街路主次街路``), three characters or more."""
    for text, match in _matches(context, _REPEAT):
        yield text.issue(
            _("{what}：“{words}”连续重复了两次").format(what=text.what, words=match.group(1)),
            _("“{words}”只保留一次").format(words=match.group(1)),
        )


RULES = (
    Rule(
        code="stray-space",
        severity=Severity.WARNING,
        summary=N_("开头、结尾、连续或紧挨中文的空格（包括 U+3000）。"),
        check=stray_space,
    ),
    Rule(
        code="unbalanced-brackets",
        severity=Severity.WARNING,
        summary=N_("括号或引号（）()“”《》【】不成对。"),
        check=unbalanced_brackets,
    ),
    Rule(
        code="full-width-numbering",
        severity=Severity.WARNING,
        summary=N_("事项序号、条目序号或事项数中使用了全角数字或分隔符。"),
        check=full_width_numbering,
    ),
    Rule(
        code="half-width-punctuation",
        severity=Severity.INFO,
        summary=N_("中文之间使用了半角标点（, ; :）。"),
        check=half_width_punctuation,
    ),
    Rule(
        code="missing-closing-punctuation",
        severity=Severity.INFO,
        summary=N_("条目未以“。”或其他结束标点结尾。"),
        check=missing_closing_punctuation,
    ),
    Rule(
        code="name-trailing-punctuation",
        severity=Severity.INFO,
        summary=N_("事项名称以“。”等标点结尾。"),
        check=name_trailing_punctuation,
    ),
    Rule(
        code="repeated-text",
        severity=Severity.INFO,
        summary=N_("文字连续重复两次（主次街路主次街路）。"),
        check=repeated_text,
    ),
)
