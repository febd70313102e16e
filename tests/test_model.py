import attrs

from dutylist.location import Location
from dutylist.model import BasicItem, Category, DutyList, ItemKey, Part, PartKind


def _list() -> DutyList:
    first = BasicItem(number=1, name="甲", source=Location(line=3))
    second = BasicItem(number=2, name="乙")
    categories = (
        Category(
            ordinal=1, title="党建", heading="一、党建（1项）", declared_count=1, items=(first,)
        ),
        Category(ordinal=2, title="经济", heading="二、经济", items=(second,)),
    )
    return DutyList(
        title="清单",
        parts=(Part(kind=PartKind.BASIC, title="基本履职事项清单", categories=categories),),
    )


def test_items_keys_and_categories() -> None:
    duty_list = _list()
    assert [item.name for item in duty_list.items] == ["甲", "乙"]
    second = duty_list.items[1]
    assert second.key == ItemKey(part=PartKind.BASIC, number=2)
    assert second.key.describe() == "basic 2"
    category = duty_list.category_of(second)
    assert category is not None
    assert category.title == "经济"
    assert duty_list.find(ItemKey(part=PartKind.BASIC, number=1)) is duty_list.items[0]
    assert duty_list.find(ItemKey(part=PartKind.RECALLED, number=1)) is None
    assert duty_list.part(PartKind.COOPERATIVE) is None
    assert [(p.kind, c.title, i.number) for p, c, i in duty_list.iter_items()] == [
        (PartKind.BASIC, "党建", 1),
        (PartKind.BASIC, "经济", 2),
    ]


def test_source_positions_do_not_affect_equality() -> None:
    duty_list = _list()
    moved = attrs.evolve(duty_list.items[0], source=Location(file="other.docx", table=1, row=2))
    assert moved == duty_list.items[0]
    assert moved.printed_number == "1"


def test_location_descriptions() -> None:
    assert Location(file="a.txt", line=12).describe() == "a.txt:12"
    assert Location(file="a.docx", table=2, row=5).describe() == "a.docx, table 2, row 5"
