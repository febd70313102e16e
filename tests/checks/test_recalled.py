from __future__ import annotations

import attrs

from dutylist.model import PartKind
from tests.checks.model_builders import clauses, clean_list, found, places, replace_item, run

R = PartKind.RECALLED


def _labelled(*, value):
    def change(item):
        return attrs.evolve(item, method_labelled=value)

    return replace_item(clean_list(), R, 2, change)


def test_missing_method_label():
    assert places(run(_labelled(value=False)), "missing-method-label") == [(R, 2, "working_method")]


def test_printed_or_unknown_method_label_passes():
    assert found(run(_labelled(value=True)), "missing-method-label") == []
    assert found(run(_labelled(value=None)), "missing-method-label") == []


def test_discontinued_with_method():
    duty_list = replace_item(
        clean_list(),
        R,
        3,
        lambda i: attrs.evolve(
            i, working_method=clauses("1.不再开展此项工作。", "2.由区人社局负责考核。")
        ),
    )
    assert places(run(duty_list), "discontinued-with-method") == [(R, 3, "working_method")]


def test_receiving_department_and_method_both_present():
    duty_list = replace_item(clean_list(), R, 1, lambda i: attrs.evolve(i, working_method=()))
    assert places(run(duty_list), "empty-cell") == [(R, 1, "working_method")]
