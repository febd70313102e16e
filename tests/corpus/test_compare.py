from __future__ import annotations

import dutylist
from dutylist.corpus.compare import Comparison, compare_lists
from tests.builders.corpus import Corpus, base_list


def _planted(plan) -> set[tuple[str, str]]:
    return (
        {("missing", name) for name in plan.missing}
        | {("only-here", name) for name in plan.extra}
        | {("other-part", name) for name in plan.moved}
        | {("other-departments", name) for name in plan.department}
    )


def _found(comparison: Comparison, office: int, base_names: set[str]) -> set[tuple[str, str]]:
    found = set()
    for difference in comparison.of_office(office):
        index = comparison.duties.index(difference.duty)
        names = {holding.name for holding in comparison.holdings[index]}
        # the base list's own wording identifies the duty (some office keeps it unchanged)
        name = min(names & base_names) if names & base_names else difference.duty.name
        found.add((difference.kind, name))
    return found


def test_every_planted_difference_is_found_and_nothing_else(small_corpus: Corpus):
    lists = [(str(plan.path), dutylist.load(plan.path)) for plan in small_corpus.offices]
    comparison = compare_lists(lists)
    base_names = {item.name for item in base_list().items}
    assert sum(1 for plan in small_corpus.offices if plan.reworded) >= 10
    for index, plan in enumerate(small_corpus.offices):
        assert _found(comparison, index, base_names) == _planted(plan), plan.office


def test_reworded_items_join_their_duty(small_corpus: Corpus):
    lists = [(str(plan.path), dutylist.load(plan.path)) for plan in small_corpus.offices]
    comparison = compare_lists(lists)
    plan = small_corpus.offices[3]
    for base_name, printed in plan.reworded.items():
        duty = next(
            index
            for index, holdings in enumerate(comparison.holdings)
            if any(h.office == 3 and h.name == printed for h in holdings)
        )
        assert any(h.name == base_name for h in comparison.holdings[duty])


def test_a_template_is_what_every_office_is_compared_with(small_corpus: Corpus):
    template_plan, *others = small_corpus.offices[:5]
    template = (str(template_plan.path), dutylist.load(template_plan.path))
    lists = [(str(plan.path), dutylist.load(plan.path)) for plan in others]
    comparison = compare_lists(lists, template)
    assert comparison.offices[0].template
    template_names = {item.name for item in template[1].items}
    for index in range(1, len(others) + 1):
        missing = {d.duty.name for d in comparison.of_office(index) if d.kind == "missing"}
        # every duty the template has and the office lacks, by the template's wording
        own = {h.name for holdings in comparison.holdings for h in holdings if h.office == index}
        assert missing <= template_names
        assert not missing & own


def test_the_matrix_has_one_column_per_office(small_corpus: Corpus):
    lists = [(str(plan.path), dutylist.load(plan.path)) for plan in small_corpus.offices[:4]]
    comparison = compare_lists(lists)
    for duty, parts in comparison.matrix():
        assert len(parts) == 4
        assert any(part is not None for part in parts), duty
