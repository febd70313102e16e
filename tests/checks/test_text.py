from __future__ import annotations

import attrs
import pytest

from dutylist.model import Department, PartKind
from tests.checks.model_builders import (
    clauses,
    clean_list,
    found,
    places,
    replace_item,
    replace_part,
    run,
)

B, C, R = PartKind.BASIC, PartKind.COOPERATIVE, PartKind.RECALLED


def _local(*paragraphs, number=1):
    return replace_item(
        clean_list(), C, number, lambda i: attrs.evolve(i, local_duties=clauses(*paragraphs))
    )


@pytest.mark.parametrize(
    "name",
    ["加强党的建设 ", "\u3000做好党员教育管理", "加强党的  建设", "加强党的 建设"],
)
def test_stray_space_in_names(name):
    duty_list = replace_item(clean_list(), B, 1, lambda i: attrs.evolve(i, name=name))
    assert places(run(duty_list), "stray-space") == [(B, 1, "name")]


def test_stray_space_in_heading_and_clause():
    duty_list = replace_part(
        clean_list(),
        R,
        lambda p: attrs.evolve(
            p,
            categories=(
                p.categories[0],
                attrs.evolve(p.categories[1], heading="二、 社会保障 （1项）"),
            ),
        ),
    )
    assert [f.location.field for f in found(run(duty_list), "stray-space")] == ["heading"]
    report = run(_local("1.开展宣传。", "2. 上报情况。"))
    assert [(f.location.item, f.location.clause) for f in found(report, "stray-space")] == [(1, 2)]


@pytest.mark.parametrize(
    ("heading", "stray"),
    [("第二类 社会保障（1项）", False), ("第二部分　社会保障", False),
     ("第二类  社会保障", True), ("第二类 社会 保障", True)],
)  # fmt: skip
def test_the_space_after_a_heading_label_is_no_stray_space(heading: str, stray: bool) -> None:
    duty_list = replace_part(
        clean_list(),
        R,
        lambda p: attrs.evolve(
            p, categories=(p.categories[0], attrs.evolve(p.categories[1], heading=heading))
        ),
    )
    assert bool(found(run(duty_list), "stray-space")) is stray


def test_spaces_between_latin_words_pass():
    duty_list = replace_item(clean_list(), B, 1, lambda i: attrs.evolve(i, name="推广 APP 使用"))
    assert found(run(duty_list), "stray-space") != []  # CJK-adjacent spaces are stray
    duty_list = replace_item(clean_list(), B, 1, lambda i: attrs.evolve(i, name="推广Wi Fi使用"))
    assert found(run(duty_list), "stray-space") == []


@attrs.frozen(kw_only=True)
class PrintedDepartment(Department):
    printed: str


def test_stray_space_in_a_department_as_printed():
    departments = (
        Department(name="区财政局"),
        PrintedDepartment(name="区发改局", printed=" 区发改局"),
    )
    duty_list = replace_item(clean_list(), C, 2, lambda i: attrs.evolve(i, departments=departments))
    findings = found(run(duty_list), "stray-space")
    assert [(f.location.item, f.location.field, f.location.clause) for f in findings] == [
        (2, "departments", 2)
    ]


@pytest.mark.parametrize("text", ["1.学习《条例》。", "1.开展“三会一课”（含主题党日）。"])
def test_balanced_brackets_pass(text):
    assert found(run(_local(text)), "unbalanced-brackets") == []


@pytest.mark.parametrize("text", ["1.学习《条例。", "1.开展“三会一课。", "1.社区（村）)工作。"])
def test_unbalanced_brackets(text):
    assert places(run(_local(text)), "unbalanced-brackets") == [(C, 1, "local_duties")]


def test_full_width_numbering():
    report = run(_local("1.开展宣传。", "２.上报情况。"))
    assert [(f.location.clause) for f in found(report, "full-width-numbering")] == [2]
    duty_list = replace_item(clean_list(), B, 3, lambda i: attrs.evolve(i, number_text="３"))
    assert places(run(duty_list), "full-width-numbering") == [(B, 3, "number")]


def test_half_width_punctuation():
    report = run(_local("1.提供就业帮扶,并定期回访。"))
    assert places(report, "half-width-punctuation") == [(C, 1, "local_duties")]
    assert found(run(_local("1.做好2,000户走访。")), "half-width-punctuation") == []


def test_missing_closing_punctuation():
    report = run(_local("1.开展宣传", "2.上报情况。"))
    findings = found(report, "missing-closing-punctuation")
    assert [(f.location.item, f.location.clause) for f in findings] == [(1, 1)]
    assert found(run(_local("1.开展“宣传月”活动。”")), "missing-closing-punctuation") == []


def test_name_trailing_punctuation():
    duty_list = replace_item(
        clean_list(), R, 2, lambda i: attrs.evolve(i, name="对建设单位整改的处罚。")
    )
    assert places(run(duty_list), "name-trailing-punctuation") == [(R, 2, "name")]


def test_repeated_text():
    report = run(_local("1.清理主次街路主次街路积雪。"))
    assert places(report, "repeated-text") == [(C, 1, "local_duties")]
    assert found(run(_local("1.清理主次街路、背街小巷积雪。")), "repeated-text") == []
