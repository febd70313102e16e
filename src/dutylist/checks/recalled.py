"""Recalled-item rules: the 工作方式 label and discontinued duties.

That a recalled item has both a receiving department and a working method is checked by
``empty-cell`` (fields ``receiving_departments`` and ``working_method``); a discontinued
item (不再开展此项工作) needs no receiving department.
"""

from __future__ import annotations

from collections.abc import Iterator

from dutylist.checks.context import Context, Issue, Rule, item_label, where
from dutylist.checks.findings import Severity
from dutylist.model import DutyList, RecalledItem
from dutylist.parse.cells import DISCONTINUED_MARK


def method_labelled(item: RecalledItem) -> bool | None:
    """Return whether the 工作方式 label was printed; None when the reader cannot tell.

    Readers that know (a combined 承接部门及工作方式 cell) record it on the item as
    ``method_labelled``; for separate columns the label is not needed.
    """
    return item.method_labelled


def missing_method_label(duty_list: DutyList, _: Context) -> Iterator[Issue]:
    """Report a combined 承接部门及工作方式 cell whose method lacks its 工作方式： label."""
    for part, category, item in duty_list.iter_items():
        if isinstance(item, RecalledItem) and method_labelled(item) is False:
            yield Issue(
                message=f"{item_label(item)}: the working method follows 承接部门 without "
                "the label 工作方式：",
                location=where(part, category, item, field="working_method"),
                subject="工作方式",
                hint="insert a line 工作方式： before the method clauses",
            )


def discontinued_with_method(duty_list: DutyList, _: Context) -> Iterator[Issue]:
    """Report a discontinued item that still describes how the duty is done."""
    for part, category, item in duty_list.iter_items():
        if not isinstance(item, RecalledItem) or not item.discontinued:
            continue
        extra = [c for c in item.working_method if DISCONTINUED_MARK not in c.text]
        if extra:
            yield Issue(
                message=f"{item_label(item)} is discontinued (不再开展) but also describes "
                f"{len(extra)} working-method clause(s)",
                location=where(part, category, item, field="working_method"),
                subject=extra[0].text,
                hint="either the duty is discontinued or it is handed over: keep one",
            )


RULES = (
    Rule(
        code="missing-method-label",
        severity=Severity.WARNING,
        summary="A combined 承接部门及工作方式 cell lacks the label 工作方式：.",
        check=missing_method_label,
    ),
    Rule(
        code="discontinued-with-method",
        severity=Severity.WARNING,
        summary="A discontinued recalled item still describes a working method.",
        check=discontinued_with_method,
    ),
)
