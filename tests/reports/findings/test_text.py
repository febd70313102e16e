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
    assert "\x1b[" not in text


def test_accepted_findings_are_counted_not_printed(report):
    text = render_text(report)
    assert "half-width-punctuation" not in text
    assert "(accepted)" not in text
    assert "1 accepted by the baseline" in text
    shown = render_text(report, show_accepted=True)
    assert "half-width-punctuation" in shown
    assert "(accepted)" in shown


def test_colour_on_request(report):
    assert "\x1b[" in render_text(report, color=True)
