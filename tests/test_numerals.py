from hypothesis import given
from hypothesis import strategies as st

from dutylist.numerals import (
    parse_chinese_number,
    parse_int,
    split_number,
    to_ascii_digits,
    to_chinese_number,
)


def test_chinese_ordinals_of_category_headings() -> None:
    texts = ["一", "九", "十", "十一", "十二", "二十", "二十三"]
    assert [parse_chinese_number(t) for t in texts] == [1, 9, 10, 11, 12, 20, 23]
    assert parse_chinese_number("党建") is None
    assert parse_chinese_number("") is None


@given(st.integers(0, 999))
def test_chinese_numbers_round_trip(value: int) -> None:
    assert parse_chinese_number(to_chinese_number(value)) == value


def test_full_width_digits_are_numbers() -> None:
    assert to_ascii_digits("１２") == "12"
    assert parse_int(" １２ ") == 12
    assert parse_int("12a") is None


def test_clause_number_forms() -> None:
    assert split_number("1.支持帮助") == (1, "支持帮助", "1.")
    assert split_number("2、开展") == (2, "开展", "1、")
    assert split_number("（3）组织") == (3, "组织", "(1)")
    assert split_number("④落实") == (4, "落实", "①")
    assert split_number("10.协助") == (10, "协助", "1.")
    assert split_number("1．全角") == (1, "全角", "1.")


def test_number_missing_its_separator_is_still_a_number() -> None:
    assert split_number("1对离校未就业") == (1, "对离校未就业", "1")


def test_text_that_is_not_numbered() -> None:
    assert split_number("负责规范村社区") == (None, "负责规范村社区", "")
    assert split_number("2.5万元补贴") == (None, "2.5万元补贴", "")
    assert split_number("12345公开电话")[0] is None
