"""Recalled-item rules: the 工作方式 label and discontinued duties.

That a recalled item has both a receiving department and a working method is checked by
``empty-cell`` (fields ``receiving_departments`` and ``working_method``); a discontinued
item (不再开展此项工作) needs no receiving department.
"""

from __future__ import annotations

from collections.abc import Iterator

from dutylist.checks.context import Context, Issue, Rule, item_label, where
from dutylist.checks.findings import Severity
from dutylist.messages import N_, _, ngettext
from dutylist.model import DutyList, RecalledItem
from dutylist.parse.cells import DISCONTINUED_MARK


def method_labelled(item: RecalledItem) -> bool | None:
    """Return whether the 工作方式 label was printed; None when the reader cannot tell.

    Readers that know (a combined 承接部门及工作方式 cell) record it on the item as
    ``method_labelled``; for separate columns the label is not needed.
    """
    return item.method_labelled


def missing_method_label(duty_list: DutyList, _context: Context) -> Iterator[Issue]:
    """Report a combined 承接部门及工作方式 cell whose method lacks its 工作方式： label."""
    for part, category, item in duty_list.iter_items():
        if isinstance(item, RecalledItem) and method_labelled(item) is False:
            yield Issue(
                message=_("{item}：工作方式紧接在承接部门之后，缺少“工作方式：”标签").format(
                    item=item_label(item)
                ),
                location=where(part, category, item, field="working_method"),
                subject="工作方式",
                hint=_("在工作方式各条之前加一行“工作方式：”"),
            )


def discontinued_with_method(duty_list: DutyList, _context: Context) -> Iterator[Issue]:
    """Report a discontinued item that still describes how the duty is done."""
    for part, category, item in duty_list.iter_items():
        if not isinstance(item, RecalledItem) or not item.discontinued:
            continue
        extra = [c for c in item.working_method if DISCONTINUED_MARK not in c.text]
        if extra:
            yield Issue(
                message=ngettext(
                    "{item}已不再开展，却仍写有{count}条工作方式",
                    "{item}已不再开展，却仍写有{count}条工作方式",
                    len(extra),
                ).format(item=item_label(item), count=len(extra)),
                location=where(part, category, item, field="working_method"),
                subject=extra[0].text,
                hint=_("该事项要么不再开展，要么交由部门承接：只保留一种"),
            )


RULES = (
    Rule(
        code="missing-method-label",
        severity=Severity.WARNING,
        summary=N_("合并的“承接部门及工作方式”单元格缺少“工作方式：”标签。"),
        check=missing_method_label,
    ),
    Rule(
        code="discontinued-with-method",
        severity=Severity.WARNING,
        summary=N_("不再开展的收回事项仍写有工作方式。"),
        check=discontinued_with_method,
    ),
)
