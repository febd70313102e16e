from __future__ import annotations

import attrs

from dutylist.checks.numbering import Scheme, detect_scheme
from dutylist.model import PartKind
from tests.checks.model_builders import (
    basic,
    category,
    clauses,
    clean_list,
    found,
    part,
    places,
    replace_item,
    replace_part,
    run,
)

B, C, R = PartKind.BASIC, PartKind.COOPERATIVE, PartKind.RECALLED


def _renumber(kind, old, new):
    return replace_item(clean_list(), kind, old, lambda item: attrs.evolve(item, number=new))


def test_not_numeric():
    duty_list = replace_item(
        clean_list(), B, 2, lambda i: attrs.evolve(i, number=None, number_text="2a")
    )
    findings = found(run(duty_list), "number-not-numeric")
    assert [(f.location.part, f.subject) for f in findings] == [(B, "2a")]


def test_gap_is_reported_at_the_item_after_it():
    assert places(run(_renumber(C, 3, 4)), "number-gap") == [(C, 4, "number")]


def test_duplicate_number():
    assert places(run(_renumber(R, 2, 1)), "number-duplicate") == [(R, 1, "number")]


def test_out_of_order_swap_is_one_finding():
    duty_list = replace_item(clean_list(), B, 2, lambda i: attrs.evolve(i, number=3))
    duty_list = replace_part(
        duty_list,
        B,
        lambda p: attrs.evolve(
            p,
            categories=(
                p.categories[0],
                attrs.evolve(
                    p.categories[1], items=(attrs.evolve(p.categories[1].items[0], number=2),)
                ),
            ),
        ),
    )
    report = run(duty_list)
    assert places(report, "number-out-of-order") == [(B, 2, "number")]
    assert found(report, "number-gap") == []
    assert found(report, "number-duplicate") == []


def _restarting():
    first = category(1, "党的建设", [basic(1, "甲事项名称"), basic(2, "乙事项名称")])
    second = category(2, "经济发展", [basic(1, "丙事项名称"), basic(2, "丁事项名称")])
    return part(B, [first, second])


def test_restarting_scheme_is_detected_and_valid():
    basic_part = _restarting()
    assert detect_scheme(basic_part) is Scheme.RESTARTING
    assert detect_scheme(clean_list().parts[0]) is Scheme.CONTINUOUS
    duty_list = replace_part(clean_list(), B, lambda _: basic_part)
    report = run(duty_list)
    assert report.filter(code=["number-gap", "number-duplicate", "number-out-of-order"]) == ()


def test_restarting_scheme_gap_within_a_category():
    basic_part = _restarting()
    second = basic_part.categories[1]
    broken = attrs.evolve(second, items=(second.items[0], attrs.evolve(second.items[1], number=3)))
    duty_list = replace_part(
        clean_list(),
        B,
        lambda _: attrs.evolve(basic_part, categories=(basic_part.categories[0], broken)),
    )
    assert places(run(duty_list), "number-gap") == [(B, 3, "number")]


def test_category_ordinal_sequence():
    duty_list = replace_part(
        clean_list(),
        C,
        lambda p: attrs.evolve(
            p, categories=(p.categories[0], attrs.evolve(p.categories[1], ordinal=3))
        ),
    )
    findings = found(run(duty_list), "category-ordinal-sequence")
    assert [(f.location.part, f.location.category) for f in findings] == [(C, 3)]


def _local(number, *paragraphs):
    return replace_item(
        clean_list(), C, number, lambda item: attrs.evolve(item, local_duties=clauses(*paragraphs))
    )


def test_clause_missing_separator():
    report = run(_local(1, "1对辖区进行摸排。", "2.组织招聘会。"))
    assert places(report, "clause-missing-separator") == [(C, 1, "local_duties")]
    assert found(report, "clause-missing-separator")[0].location.clause == 1


def test_clause_number_jump():
    report = run(_local(2, "1.开展宣传。", "3.上报情况。"))
    findings = found(report, "clause-number-sequence")
    assert [(f.location.item, f.location.clause) for f in findings] == [(2, 2)]


def test_clause_numbers_restart_per_department_block():
    duty_list = clean_list()  # cooperative 2 has 区财政局：1. and 区发改局：1.2.
    assert found(run(duty_list), "clause-number-sequence") == []


def test_clause_style_mixed():
    report = run(_local(1, "1.开展宣传。", "2、上报情况。", "3.做好记录。"))
    findings = found(report, "clause-style-mixed")
    assert [(f.location.item, f.location.clause, f.subject) for f in findings] == [(1, 2, "1、")]


def test_clause_run_together():
    report = run(_local(3, "1.开展宣传。", "2.上报情况。3.做好记录。"))
    findings = found(report, "clause-run-together")
    assert [(f.location.item, f.location.clause) for f in findings] == [(3, 3)]


def test_whole_cell_in_one_paragraph_is_a_valid_layout():
    report = run(_local(3, "1.开展宣传。2.上报情况。3.做好记录。"))
    assert found(report, "clause-run-together") == []


def test_nested_clause_numbers_are_not_a_slip_or_a_style_mix():
    report = run(_local(1, "1.开展宣传：", "（1）张贴海报。", "（2）发放手册。", "2.上报情况。"))
    assert found(report, "clause-number-sequence") == []
    assert found(report, "clause-style-mixed") == []


def test_category_column_without_ordinals_is_not_an_ordinal_error():
    def no_ordinals(part):
        return attrs.evolve(
            part,
            categories=tuple(
                attrs.evolve(c, ordinal=None, heading=c.title) for c in part.categories
            ),
        )

    report = run(replace_part(clean_list(), B, no_ordinals))
    assert found(report, "category-ordinal-sequence") == []
