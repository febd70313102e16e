"""Every change report renders whatever the model can hold (odd Unicode, control characters)."""

from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings

from dutylist.diff import diff_lists
from dutylist.errors import UsageError
from dutylist.model import DutyList
from dutylist.reports.changes import RENDERERS, render_changes
from tests.strategies import any_duty_lists


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_duty_lists(), any_duty_lists())
def test_every_format_renders(old: DutyList, new: DutyList) -> None:
    changeset = diff_lists(old, new)
    for name in RENDERERS:
        data = render_changes(changeset, name)
        if name in {"docx", "redline"}:
            assert zipfile.is_zipfile(io.BytesIO(data))
        else:
            data.decode("utf-8")


def test_an_unknown_format_is_a_usage_error_naming_the_known_ones() -> None:
    with pytest.raises(UsageError, match="markdown"):
        render_changes(diff_lists(DutyList(title="x"), DutyList(title="x")), "pdf")
