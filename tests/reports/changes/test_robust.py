"""Every change report renders whatever the model can hold (odd Unicode, control characters)."""

from __future__ import annotations

import io
import zipfile

from hypothesis import HealthCheck, given, settings

from dutylist.diff import diff
from dutylist.model import DutyList
from dutylist.reports.changes import CHANGE_FORMATS, render_changes
from tests.strategies import any_duty_lists


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_duty_lists(), any_duty_lists())
def test_every_format_renders(old: DutyList, new: DutyList) -> None:
    changeset = diff(old, new)
    for name in CHANGE_FORMATS:
        data = render_changes(changeset, name)
        if name == "docx":
            assert zipfile.is_zipfile(io.BytesIO(data))
        else:
            data.decode("utf-8")
    redline = render_changes(changeset, "docx", new=new, redline=True)
    assert zipfile.is_zipfile(io.BytesIO(redline))
