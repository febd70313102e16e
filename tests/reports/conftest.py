from __future__ import annotations

import attrs
import pytest

from dutylist.checks import check
from dutylist.checks.baseline import Baseline
from dutylist.checks.findings import Report
from dutylist.model import PartKind
from tests.checks.model_builders import clauses, clean_list, replace_item


@pytest.fixture
def report() -> Report:
    """A report with an error, a warning and an info finding, one of them accepted."""
    duty_list = replace_item(
        clean_list(),
        PartKind.COOPERATIVE,
        1,
        lambda i: attrs.evolve(i, local_duties=clauses("1.开展宣传,上报", "3.做好记录。")),
    )
    duty_list = replace_item(
        duty_list, PartKind.BASIC, 2, lambda i: attrs.evolve(i, name="做好党员教育 管理")
    )
    duty_list = replace_item(duty_list, PartKind.RECALLED, 3, lambda i: attrs.evolve(i, number=4))
    found = check(duty_list)
    accepted = Baseline.of(found.filter(code="half-width-punctuation"))
    return attrs.evolve(accepted.apply(found), source="list.txt")
