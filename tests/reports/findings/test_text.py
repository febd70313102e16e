from __future__ import annotations

from dutylist.messages import set_language
from dutylist.reports.findings.text import render_text


def test_grouped_by_part_with_a_summary_line(report):
    text = render_text(report)
    basic = text.index("基本履职事项清单")
    cooperative = text.index("配合履职事项清单")
    recalled = text.index("上级部门收回事项清单")
    assert basic < cooperative < recalled
    assert text.index("stray-space") < cooperative
    assert cooperative < text.index("clause-number-sequence") < recalled
    assert recalled < text.index("number-gap")
    last = text.strip().splitlines()[-1]
    assert last.startswith("未通过：1 个错误，2 个警告，1 条提示（另有 1 个已被基线接受）")
    assert "\x1b[" not in text


def test_accepted_findings_are_counted_not_printed(report):
    text = render_text(report)
    assert "half-width-punctuation" not in text
    assert "（已接受）" not in text
    assert "另有 1 个已被基线接受" in text
    shown = render_text(report, show_accepted=True)
    assert "half-width-punctuation" in shown
    assert "（已接受）" in shown


def test_in_english_on_request(report):
    set_language("en")
    text = render_text(report)
    assert text.index("Basic duties") < text.index("stray-space")
    last = text.strip().splitlines()[-1]
    assert last == (
        "FAILED: 1 error, 2 warnings, 1 info (1 accepted by the baseline); "
        "failing at error and above"
    )
    assert "(accepted)" in render_text(report, show_accepted=True)


def test_colour_on_request(report):
    assert "\x1b[" in render_text(report, color=True)
