import attrs

from dutylist.location import Location
from dutylist.messages import set_language
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
    assert Location(file="a.docx", table=2, row=5).describe() == "a.docx，表格 2，第 5 行"
    set_language("en")
    assert Location(file="a.docx", table=2, row=5).describe() == "a.docx, table 2, row 5"
    assert Location(file="a.pdf", page=12, row=3).describe() == "a.pdf, page 12, table row 3"
    assert Location(line=3).describe() == "line 3"


# -- clauses: printed is evidence, text is what a writer prints (issue 8, item 8) --------


def test_a_clause_built_without_printed_derives_it_from_number_and_text() -> None:
    from dutylist.model import Clause

    assert Clause(number=2, text="做好宣传。").printed == "2.做好宣传。"
    assert Clause(text="不再开展此项工作").printed == "不再开展此项工作"
    assert not Clause(number=2, text="做好宣传。").stale


def test_a_clause_read_as_printed_is_not_stale() -> None:
    from dutylist.model import Clause

    clause = Clause(number=1, text="做好宣传。", printed="1、 做好宣传。")
    assert not clause.stale
    assert clause.printable == "1、 做好宣传。"


def test_an_edited_clause_keeps_printed_but_is_stale() -> None:
    from dutylist.model import Clause

    read = Clause(number=1, text="做好宣传。", printed="（1）做好宣传。")
    edited = attrs.evolve(read, text="做好宣传和培训。")
    assert edited.printed == "（1）做好宣传。"
    assert edited.stale
    assert edited.printable == "（1）做好宣传和培训。"
    renumbered = attrs.evolve(read, number=3)
    assert renumbered.stale
    assert renumbered.printable == "3.做好宣传。"
