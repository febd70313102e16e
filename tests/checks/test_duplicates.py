from __future__ import annotations

import attrs
from hypothesis import given
from hypothesis import strategies as st

from dutylist.checks.duplicates import MAX_CANDIDATES, nearest_earlier
from dutylist.config import Config
from dutylist.model import PartKind
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


def test_duplicate_category_title():
    duty_list = replace_part(
        clean_list(),
        R,
        lambda p: attrs.evolve(
            p, categories=(p.categories[0], attrs.evolve(p.categories[1], title=" 卫生健康 "))
        ),
    )
    findings = found(run(duty_list), "duplicate-category-title")
    assert [(f.location.part, f.location.category) for f in findings] == [(R, 2)]


def test_duplicate_item_name_across_parts():
    duty_list = replace_item(clean_list(), R, 2, lambda i: attrs.evolve(i, name="加强党的建设。"))
    assert places(run(duty_list), "duplicate-item-name") == [(R, 2, "name")]


def test_similar_item_name():
    duty_list = replace_item(
        clean_list(), C, 2, lambda i: attrs.evolve(i, name="服务小微型企业融资工作")
    )
    duty_list = replace_item(
        duty_list, C, 1, lambda i: attrs.evolve(i, name="服务小微企业融资工作")
    )
    report = run(duty_list)
    assert places(report, "similar-item-name") == [(C, 2, "name")]
    assert found(report, "duplicate-item-name") == []


def test_similar_names_below_threshold_pass():
    duty_list = replace_item(
        clean_list(), C, 1, lambda i: attrs.evolve(i, name="规范处置建筑垃圾工作")
    )
    duty_list = replace_item(
        duty_list, C, 2, lambda i: attrs.evolve(i, name="规范处置生活垃圾工作")
    )
    assert found(run(duty_list), "similar-item-name") == []
    strict = Config(similarity=75)
    assert places(run(duty_list, strict), "similar-item-name") == [(C, 2, "name")]


def test_duplicated_duty():
    text = "对无职业且缺乏就业能力的戒毒人员提供就业援助。"
    duty_list = replace_item(
        clean_list(),
        C,
        1,
        lambda i: attrs.evolve(
            i,
            superior_duties=clauses("1.负责社区戒毒工作。", f"2.{text}"),
            local_duties=clauses(text),
        ),
    )
    findings = found(run(duty_list), "duplicated-duty")
    assert [(f.location.item, f.location.field, f.location.clause) for f in findings] == [
        (1, "local_duties", 1)
    ]


@given(
    names=st.lists(st.text(alphabet="甲乙丙丁戊己", max_size=14), max_size=MAX_CANDIDATES),
    threshold=st.sampled_from([50.0, 70.0, 80.0, 90.0, 95.0]),
)
def test_the_candidate_index_finds_what_comparing_every_pair_finds(
    names: list[str], threshold: float
) -> None:
    from rapidfuzz import fuzz, process

    found = {later: (earlier, score) for later, earlier, score in nearest_earlier(names, threshold)}
    for later in range(1, len(names)):
        best = process.extractOne(
            names[later], names[:later], scorer=fuzz.ratio, score_cutoff=threshold
        )
        assert found.get(later) == (None if best is None else (best[2], best[1]))
