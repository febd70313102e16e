import pytest

from dutylist.departments.context import office_of_title
from dutylist.model import PartKind
from dutylist.parse.vocabulary import (
    Role,
    header_role,
    is_header_row,
    is_page_marker,
    is_toc_line,
    kind_from_roles,
    parse_category_heading,
    part_kind_of_title,
    using_words,
)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("基本履职事项清单", PartKind.BASIC),
        ("一、基本履职事项清单", PartKind.BASIC),
        ("配合履职事项清单", PartKind.COOPERATIVE),
        ("附件2：明珠街道配合履职事项清单", PartKind.COOPERATIVE),
        ("上级部门收回事项清单", PartKind.RECALLED),
        ("（三）上级部门收回事项清单", PartKind.RECALLED),
        # as other offices title them
        ("基本职责事项清单", PartKind.BASIC),
        ("配合履职清单", PartKind.COOPERATIVE),
        ("上级部门收回乡镇（街道）履职事项清单", PartKind.RECALLED),
        ("内蒙古自治区呼伦贝尔市鄂温克族自治旗巴彦托海镇配合履职事项清单", PartKind.COOPERATIVE),
        ("河北省石家庄市正定县正定镇人民政府上级部门收回事项清单", PartKind.RECALLED),
    ],
)
def test_part_titles(text: str, kind: PartKind) -> None:
    assert part_kind_of_title(text) is kind


def test_table_of_contents_lines_are_not_part_titles() -> None:
    line = "1. 基本履职事项清单……………………1"
    assert part_kind_of_title(line) is None
    assert is_toc_line(line)
    assert is_toc_line("目  录")


def test_long_sentences_mentioning_a_part_are_not_titles() -> None:
    assert (
        part_kind_of_title("按照配合履职事项清单要求，做好辖区内相关工作的组织实施与上报") is None
    )


@pytest.mark.parametrize(
    ("text", "ordinal", "title", "count"),
    [
        ("一、党的建设（25项）", 1, "党的建设", 25),
        ("十二、教育培训监管（3项）", 12, "教育培训监管", 3),
        ("六、 文化和旅游 （1项）", 6, "文化和旅游", 1),
        ("二、经济发展(8项)", 2, "经济发展", 8),
        ("三、民生服务", 3, "民生服务", None),
        ("\u3000四、平安法治（ 8 项 ）", 4, "平安法治", 8),
        # as other offices write them
        ("五、社会治理（共12个）", 5, "社会治理", 12),
        ("五、社会治理：12项", 5, "社会治理", 12),
        ("五、社会治理【12项】", 5, "社会治理", 12),
        ("五 社会治理", 5, "社会治理", None),
        ("五\u3000社会治理（12项）", 5, "社会治理", 12),
    ],
)
def test_category_headings(text: str, ordinal: int, title: str, count: int | None) -> None:
    heading = parse_category_heading(text)
    assert heading is not None
    assert (heading.ordinal, heading.title, heading.declared_count) == (ordinal, title, count)


def test_clause_text_is_not_a_category_heading() -> None:
    assert parse_category_heading("（二）区发改局：") is None  # heads a block of duties
    assert parse_category_heading("1.支持帮助民主党派") is None
    assert parse_category_heading("区财政局：") is None


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("承接上级部门", Role.RECEIVING),
        ("承接的上级部门", Role.RECEIVING),
        ("收回后承接部门", Role.RECEIVING),
        ("配合内容", Role.LOCAL_DUTIES),
        ("乡镇（街道）配合内容", Role.LOCAL_DUTIES),
        ("苏木镇配合内容", Role.LOCAL_DUTIES),
        ("县级责任部门", Role.DEPARTMENTS),
        ("对应区级部门", Role.DEPARTMENTS),
        ("县级主管部门", Role.DEPARTMENTS),
        ("市直部门（单位）", Role.DEPARTMENTS),
    ],
)
def test_header_words_of_other_offices(header: str, role: Role) -> None:
    # 承接上级部门 ends in 上级部门 but names the receiving departments of a recalled part
    assert header_role(header) is role


def test_header_variants_and_roles() -> None:
    assert header_role("序 号") is Role.NUMBER
    assert header_role("乡镇配合职责") is Role.LOCAL_DUTIES
    assert header_role("牵头部门") is Role.DEPARTMENTS
    assert header_role("承接部门及工作方式") is Role.RECEIVING_AND_METHOD
    assert header_role("备注") is Role.REMARKS
    assert header_role("负责规范村社区") is None
    assert is_header_row(("序号", "事项名称", "对应上级部门", "上级部门职责", "街道配合职责"))
    assert not is_header_row(("1", "统战工作融入基层党建和社会治理体系"))
    roles = (Role.NUMBER, Role.NAME, Role.RECEIVING, Role.WORKING_METHOD)
    assert kind_from_roles(roles) is PartKind.RECALLED


def test_page_markers() -> None:
    assert is_page_marker("第 12 页")
    assert is_page_marker("- 3 -")
    assert not is_page_marker("12")


@pytest.mark.parametrize(
    ("text", "loose", "expected"),
    [
        ("一、党的建设（25项）", False, (1, "党的建设", 25)),
        ("（二）经济发展", False, (2, "经济发展", None)),
        ("第三类 民生服务（共4项）", False, (3, "民生服务", 4)),
        ("1.党的建设", True, (1, "党的建设", None)),
        ("１２、平安法治（３项）", True, (12, "平安法治", 3)),
        ("（3）城乡建设", True, (3, "城乡建设", None)),
        ("党的建设（25项）", True, (None, "党的建设", 25)),
        ("1.党的建设", False, None),  # only in a merged row or a category column
        ("注：本清单自发布之日起施行", True, None),
        ("1.对接辖区金融机构，组织开展银企对接。", True, None),
    ],
)
def test_category_headings_in_every_numbering_style(
    text: str, loose: bool, expected: tuple[int | None, str, int | None] | None
) -> None:
    heading = parse_category_heading(text, loose=loose)
    found = None if heading is None else (heading.ordinal, heading.title, heading.declared_count)
    assert found == expected


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("一、基本履职事项（共93项）", PartKind.BASIC),
        ("基本履职事项清单", PartKind.BASIC),
        ("二、配合履职事项清单（共106项）", PartKind.COOPERATIVE),
        ("３、上级部门收回事项清单", PartKind.RECALLED),
    ],
)
def test_part_titles_in_usual_forms(title: str, kind: PartKind) -> None:
    assert part_kind_of_title(title) is kind


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("某某省某某市某某县某某镇履行职责事项清单", "某某镇"),
        ("某某县某某乡履行职责事项清单", "某某乡"),
        ("长春市南关区明珠街道办事处履行职责事项清单", "明珠街道办事处"),
    ],
)
def test_township_and_subdistrict_titles_name_the_office(title: str, name: str) -> None:
    office = office_of_title(title)
    assert office is not None
    assert office.name == name


def test_words_added_for_a_read_are_known_only_inside_the_block() -> None:
    assert header_role("职责事项清单名") is None
    with using_words({"name": ["职责事项清单名"]}):
        assert header_role("职责事项清单名") is Role.NAME
    assert header_role("职责事项清单名") is None
    with pytest.raises(ValueError, match="colour"), using_words({"colour": ["色"]}):
        pass
