from __future__ import annotations

import attrs
import pytest

from dutylist.checks import RULES
from dutylist.model import PartKind
from tests.checks.model_builders import clean_list, found, places, replace_item, replace_part, run

B, C, R = PartKind.BASIC, PartKind.COOPERATIVE, PartKind.RECALLED


@pytest.mark.parametrize("code", [rule.code for rule in RULES])
def test_clean_list_passes_every_rule(code):
    assert found(run(clean_list()), code) == []


def test_missing_part_is_reported_not_a_crash():
    duty_list = clean_list()
    without = attrs.evolve(duty_list, parts=duty_list.parts[:2])
    assert places(run(without), "missing-part") == [(R, None, None)]


def test_empty_part():
    duty_list = replace_part(clean_list(), C, lambda part: attrs.evolve(part, categories=()))
    assert places(run(duty_list), "empty-part") == [(C, None, "title")]


def test_missing_column():
    duty_list = replace_part(
        clean_list(), C, lambda part: attrs.evolve(part, columns=part.columns[:4])
    )
    findings = found(run(duty_list), "missing-column")
    assert [(f.location.part, f.subject) for f in findings] == [(C, "街道配合职责")]


def test_missing_column_accepts_split_receiving_and_method_columns():
    split = ("序号", "事项名称", "承接部门", "工作方式")
    duty_list = replace_part(clean_list(), R, lambda part: attrs.evolve(part, columns=split))
    assert found(run(duty_list), "missing-column") == []


def test_empty_category():
    def empty_second(part):
        first, second = part.categories
        return attrs.evolve(
            part, categories=(first, attrs.evolve(second, items=(), declared_count=None))
        )

    report = run(replace_part(clean_list(), B, empty_second))
    findings = found(report, "empty-category")
    assert [(f.location.part, f.location.category) for f in findings] == [(B, 2)]


@pytest.mark.parametrize(
    ("kind", "number", "field"),
    [
        (B, 2, "name"),
        (C, 1, "departments"),
        (C, 1, "superior_duties"),
        (C, 3, "local_duties"),
        (R, 2, "receiving_departments"),
        (R, 1, "working_method"),
    ],
)
def test_empty_cell(kind, number, field):
    value = "" if field == "name" else ()
    duty_list = replace_item(
        clean_list(), kind, number, lambda i: attrs.evolve(i, **{field: value})
    )
    assert places(run(duty_list), "empty-cell") == [(kind, number, field)]


def test_discontinued_item_needs_no_receiving_department():
    duty_list = replace_item(
        clean_list(), R, 3, lambda item: attrs.evolve(item, receiving_departments=())
    )
    assert found(run(duty_list), "empty-cell") == []


def test_a_column_placed_by_its_content_is_not_missing():
    unknown = ("序号", "事项名称", "甲列", "乙列", "丙列")  # the reader placed 甲乙丙 by content
    duty_list = replace_part(clean_list(), C, lambda part: attrs.evolve(part, columns=unknown))
    assert found(run(duty_list), "missing-column") == []
