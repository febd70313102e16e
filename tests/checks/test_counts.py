from __future__ import annotations

import attrs

from dutylist.model import PartKind
from tests.checks.model_builders import clean_list, found, places, replace_part, run

B, C, R = PartKind.BASIC, PartKind.COOPERATIVE, PartKind.RECALLED


def _declare(kind, ordinal, count):
    def change(part):
        return attrs.evolve(
            part,
            categories=tuple(
                attrs.evolve(c, declared_count=count) if c.ordinal == ordinal else c
                for c in part.categories
            ),
        )

    return replace_part(clean_list(), kind, change)


def test_category_count_mismatch():
    findings = found(run(_declare(C, 1, 3)), "category-count-mismatch")
    assert [(f.location.part, f.location.category, f.location.field) for f in findings] == [
        (C, 1, "heading")
    ]


def test_matching_count_passes():
    assert found(run(_declare(C, 1, 2)), "category-count-mismatch") == []


def test_missing_declared_count_when_others_declare():
    assert [
        (f.location.part, f.location.category)
        for f in found(run(_declare(R, 2, None)), "missing-declared-count")
    ] == [(R, 2)]


def test_no_declared_counts_at_all_is_fine():
    duty_list = clean_list()
    for kind in PartKind:
        for ordinal in (1, 2):
            duty_list = replace_part(
                duty_list,
                kind,
                lambda part, o=ordinal: attrs.evolve(
                    part,
                    categories=tuple(
                        attrs.evolve(c, declared_count=None) if c.ordinal == o else c
                        for c in part.categories
                    ),
                ),
            )
    assert found(run(duty_list), "missing-declared-count") == []


def test_stated_total_in_part_title():
    duty_list = replace_part(
        clean_list(), B, lambda part: attrs.evolve(part, title="基本履职事项清单（4项）")
    )
    assert places(run(duty_list), "stated-total-mismatch") == [(B, None, "title")]


def test_stated_totals_in_table_of_contents():
    duty_list = attrs.evolve(
        clean_list(),
        front_matter=(
            "目录",
            "1. 基本履职事项清单（共3项）……1",
            "2. 配合履职事项清单（共4项）……12",
            "全清单共10项",
        ),
    )
    findings = found(run(duty_list), "stated-total-mismatch")
    assert [(f.location.part, f.location.field) for f in findings] == [
        (None, "front_matter"),
        (C, "front_matter"),
    ]


def test_page_numbers_in_table_of_contents_are_not_totals():
    duty_list = attrs.evolve(
        clean_list(), front_matter=("目录", "1. 基本履职事项清单……………1", "2. 配合履职事项清单……12")
    )
    assert found(run(duty_list), "stated-total-mismatch") == []
