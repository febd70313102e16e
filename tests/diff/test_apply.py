"""Property tests: a change set is a patch; diff_lists(a, a) is empty and diff_lists(b, a) mirrors
diff_lists(a, b)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dutylist.diff import apply, diff_lists
from dutylist.diff.changes import ChangeSet
from dutylist.diff.content import content
from dutylist.model import DutyList, PartKind
from tests.diff.revisions import revisions
from tests.strategies import any_duty_lists, duty_lists

pairs = duty_lists().flatmap(lambda a: st.tuples(st.just(a), revisions(a)))
_settings = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _mirror_view(changeset: ChangeSet) -> tuple[object, ...]:
    """Return what must agree between diff_lists(a, b) and the mirror of diff_lists(b, a)."""
    changes = sorted(
        (
            change.kind.value,
            tuple((ref.part.value, ref.position) for ref in change.old),
            tuple((ref.part.value, ref.position) for ref in change.new),
            tuple(sorted((f.field, f.op.value, f.old or "", f.new or "") for f in change.fields)),
        )
        for change in changeset.changes
    )
    return (
        changes,
        sorted(
            (r.part.value, r.old_position, r.new_position, r.old_number, r.new_number)
            for r in changeset.renumbered
        ),
        sorted((c.kind.value, repr(c.old), repr(c.new)) for c in changeset.categories),
    )


def _mirrored(changeset: ChangeSet) -> ChangeSet:
    return ChangeSet(
        old=changeset.new,
        new=changeset.old,
        changes=tuple(change.mirrored() for change in changeset.changes),
        renumbered=tuple(entry.mirrored() for entry in changeset.renumbered),
        categories=tuple(change.mirrored() for change in changeset.categories),
    )


@_settings
@given(pairs)
def test_apply_reproduces_the_new_content(pair: tuple[DutyList, DutyList]) -> None:
    old, new = pair
    assert content(apply(old, diff_lists(old, new))) == content(new)


@_settings
@given(duty_lists())
def test_a_list_has_no_differences_with_itself(duty_list: DutyList) -> None:
    changeset = diff_lists(duty_list, duty_list)
    assert changeset.is_empty
    assert changeset.changes == ()
    assert changeset.summary.parts == ()


@_settings
@given(pairs)
def test_diff_mirrors_when_the_lists_swap(pair: tuple[DutyList, DutyList]) -> None:
    old, new = pair
    forward, backward = diff_lists(old, new), diff_lists(new, old)
    assert _mirror_view(backward) == _mirror_view(_mirrored(forward))


@_settings
@given(pairs)
def test_diff_is_empty_exactly_when_the_content_is_equal(pair: tuple[DutyList, DutyList]) -> None:
    old, new = pair
    assert diff_lists(old, new).is_empty == (content(old) == content(new))


def test_a_change_set_from_another_list_is_refused(mingzhu: DutyList) -> None:
    import attrs
    import pytest

    from dutylist.errors import UsageError
    from tests.diff import edits

    revised = edits.renumber(edits.remove(mingzhu, PartKind.BASIC, 0, 0))
    changeset = diff_lists(mingzhu, revised)
    empty_basic = edits.replace_part(
        mingzhu, attrs.evolve(edits.part(mingzhu, PartKind.BASIC), categories=())
    )
    with pytest.raises(UsageError):
        apply(empty_basic, changeset)


def test_modified_items_always_name_a_field(mingzhu: DutyList) -> None:
    from tests.reports.revision_pair import make_revision

    changeset = diff_lists(mingzhu, make_revision(mingzhu))
    assert all(c.fields for c in changeset.changes if c.kind.value == "modified")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_duty_lists(), any_duty_lists())
def test_apply_works_on_anything_the_model_can_hold(old: DutyList, new: DutyList) -> None:
    # odd Unicode, missing and repeated parts, numbers that are None or repeat
    assert content(apply(old, diff_lists(old, new))) == content(new)


def test_mirror_images_in_reading_order_are_told_apart_by_content() -> None:
    # Items with one name: the old list's 2nd and 3rd cooperative items land in each
    # other's reading-order places, so only their content says which one stays in place.
    from dutylist.model import BasicItem, Category, CooperativeItem, Department, Part

    def cooperative(number: int, department: str) -> CooperativeItem:
        return CooperativeItem(
            number=number, name="上上", departments=(Department(name=department),)
        )

    def duty_list(basic_count: int) -> DutyList:
        basic = tuple(BasicItem(number=n, name="上上") for n in range(1, basic_count + 1))
        offices = ("区财政局", "区财政局", "市财政局", "区财政局", "区财政局", "区财政局")
        items = [cooperative(n, office) for n, office in enumerate(offices, 1)]
        return DutyList(
            title="清单",
            parts=(
                Part(
                    kind=PartKind.BASIC,
                    title="基本履职事项清单",
                    categories=(Category(ordinal=1, title="上上", heading="", items=basic),),
                ),
                Part(
                    kind=PartKind.COOPERATIVE,
                    title="配合履职事项清单",
                    categories=tuple(
                        Category(ordinal=n + 1, title="上上", heading="", items=tuple(chunk))
                        for n, chunk in enumerate((items[:4], items[4:5], items[5:]))
                    ),
                ),
            ),
        )

    old, new = duty_list(1), duty_list(2)
    forward, backward = diff_lists(old, new), diff_lists(new, old)
    assert _mirror_view(backward) == _mirror_view(_mirrored(forward))
