from __future__ import annotations

import attrs

from dutylist.model import PartKind
from dutylist.parse.cells import parse_departments
from tests.checks.model_builders import clauses, clean_list, found, places, replace_item, run

B, C, R = PartKind.BASIC, PartKind.COOPERATIVE, PartKind.RECALLED


def _departments(number, text):
    return replace_item(
        clean_list(), C, number, lambda i: attrs.evolve(i, departments=parse_departments(text))
    )


def test_one_character_typo_is_misspelt_with_the_right_suggestion():
    report = run(_departments(1, "区住建局、市公安局南关分区局"))
    findings = found(report, "misspelt-department")
    assert [(f.location.item, f.location.field, f.location.clause) for f in findings] == [
        (1, "departments", 2)
    ]
    assert findings[0].subject == "市公安局南关分区局"
    assert "市公安局南关区分局" in (findings[0].hint or "")
    assert found(report, "unknown-department") == []


def test_substituted_character_is_misspelt():
    findings = found(run(_departments(3, "区应急局、区住键局")), "misspelt-department")
    assert [f.subject for f in findings] == ["区住键局"]
    assert "区住建局" in (findings[0].hint or "")


def test_unknown_department_is_info_never_an_error():
    report = run(_departments(1, "区数据资源管理中心"))
    assert places(report, "unknown-department") == [(C, 1, "departments")]
    assert {f.severity.value for f in found(report, "unknown-department")} == {"info"}
    assert found(report, "misspelt-department") == []


def test_a_name_close_to_one_the_list_uses_more_often_is_misspelt():
    duty_list = _departments(1, "区数据资源管理中心")
    duty_list = replace_item(
        duty_list,
        C,
        2,
        lambda i: attrs.evolve(i, departments=parse_departments("区数据资源管理中心")),
    )
    duty_list = replace_item(
        duty_list,
        C,
        3,
        lambda i: attrs.evolve(i, departments=parse_departments("区数据资源管理中訫")),
    )
    report = run(duty_list)
    assert places(report, "misspelt-department") == [(C, 3, "departments")]
    assert "区数据资源管理中心" in (found(report, "misspelt-department")[0].hint or "")


def test_receiving_department_is_checked_too():
    duty_list = replace_item(
        clean_list(),
        R,
        1,
        lambda i: attrs.evolve(i, receiving_departments=parse_departments("区卫建局")),
    )
    assert places(run(duty_list), "misspelt-department") == [(R, 1, "receiving_departments")]


def test_alias_is_info_with_canonical():
    report = run(_departments(1, "区住房和城乡建设局"))
    findings = found(report, "department-alias")
    assert [(f.location.item, f.subject) for f in findings] == [(1, "区住房和城乡建设局")]
    assert "南关区住房和城乡建设局" in findings[0].message


def test_a_branch_has_no_official_form_so_each_usual_form_is_standard():
    for spelling in ("市市场监管局南关分局", "市市场监督管理局南关区分局"):
        report = run(_departments(1, spelling))
        assert found(report, "department-alias") == []
        assert found(report, "unknown-department") == []


def test_one_department_written_several_ways_is_reported_once_with_all_places():
    duty_list = _departments(1, "南关区住房和城乡建设局")
    duty_list = replace_item(
        duty_list,
        C,
        3,
        lambda i: attrs.evolve(i, departments=parse_departments("区住房和城乡建设局")),
    )
    report = run(duty_list)
    findings = found(report, "inconsistent-department-spelling")
    assert len(findings) == 1
    assert findings[0].subject == "南关区住房和城乡建设局"
    for place in ("配合事项第1项", "配合事项第3项"):
        assert place in findings[0].message
    # the department is reported once, not again as an alias
    assert found(report, "department-alias") == []


def test_standard_spelling_everywhere_is_consistent():
    report = run(_departments(3, "区住建局"))
    assert found(report, "inconsistent-department-spelling") == []


def test_generic_term_in_a_block_prefix():
    duty_list = replace_item(
        clean_list(),
        C,
        1,
        lambda i: attrs.evolve(i, superior_duties=clauses("行业监管部门：", "1.负责监督检查。")),
    )
    findings = found(run(duty_list), "generic-department")
    assert [(f.location.item, f.subject) for f in findings] == [(1, "行业监管部门")]


def test_mention_variant_in_running_text():
    duty_list = replace_item(
        clean_list(),
        C,
        1,
        lambda i: attrs.evolve(
            i, local_duties=clauses("1.配合残联开展工作。", "2.上报全国残联信息服务化平台。")
        ),
    )
    findings = found(run(duty_list), "department-mention-variant")
    assert [(f.location.item, f.location.clause, f.subject) for f in findings] == [
        (1, 1, "南关区残疾人联合会")
    ]
