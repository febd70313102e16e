from __future__ import annotations

from dutylist.reports.findings.text import render_text


def test_grouped_by_part_with_a_summary_line(report):
    text = render_text(report)
    basic = text.index("基本履职事项清单 (basic)")
    cooperative = text.index("配合履职事项清单 (cooperative)")
    recalled = text.index("上级部门收回事项清单 (recalled)")
    assert basic < cooperative < recalled
    assert text.index("stray-space") < cooperative
    assert cooperative < text.index("clause-number-sequence") < recalled
    assert recalled < text.index("number-gap")
    last = text.strip().splitlines()[-1]
    assert last.startswith("FAILED: 1 error, 2 warnings, 1 info (1 accepted by the baseline)")
    assert "(accepted)" in text
    assert "\x1b[" not in text


def test_colour_on_request(report):
    assert "\x1b[" in render_text(report, colour=True)
