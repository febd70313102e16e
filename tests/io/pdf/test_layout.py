"""Paragraphs rebuilt from the geometry of printed lines (dutylist.io.pdf.layout)."""

from __future__ import annotations

import pytest

from dutylist.io.pdf.layout import Box, Char, lines, paragraphs
from dutylist.io.pdf.page import is_page_number

SIZE = 10.0
BOX = Box(0.0, 100.0)  # ten Chinese characters per line


def _chars(text: str, *, top: float, x: float = 0.0) -> list[Char]:
    """Lay ``text`` out on one line: Chinese a full em wide, ASCII half."""
    chars = []
    for character in text:
        width = SIZE / 2 if character.isascii() else SIZE
        chars.append(
            {"text": character, "x0": x, "x1": x + width, "top": top, "bottom": top + SIZE,
             "size": SIZE}
        )  # fmt: skip
        x += width
    return chars


def _cell(*printed: str, pitch: float = 13.0) -> tuple[str, ...]:
    chars = [char for n, text in enumerate(printed) for char in _chars(text, top=n * pitch)]
    return paragraphs(lines(chars, page=1), BOX, 13.0)


def test_a_full_line_goes_on_and_a_short_one_ends_its_paragraph() -> None:
    assert _cell("一二三四五六七八九十", "一二三") == ("一二三四五六七八九十一二三",)
    assert _cell("一二三四五六七八九", "一二三") == ("一二三四五六七八九", "一二三")


def test_a_character_that_would_overshoot_the_line_by_a_tenth_of_a_point_did_not_fit() -> None:
    # reportlab and Word break a line as soon as the next character would not fit at all.
    chars = [*_chars("一二三四五六七八九", top=0.0), *_chars("十一", top=13.0)]
    assert paragraphs(lines(chars, page=1), Box(0.0, 99.91), 13.0) == ("一二三四五六七八九十一",)
    assert paragraphs(lines(chars, page=1), Box(0.0, 100.0), 13.0) == ("一二三四五六七八九", "十一")


def test_punctuation_that_may_not_start_a_line_travels_with_the_character_before() -> None:
    # "九" would fit after the first line, but "九，" would not: the line was full.
    assert _cell("一二三四五六七八九", "十，二三") == ("一二三四五六七八九十，二三",)


def test_no_break_on_either_side_of_a_quotation_mark() -> None:
    assert _cell("一二三四五六七八", "心”活动") == ("一二三四五六七八心”活动",)
    assert _cell("一二三四五六七", "心”活动") == ("一二三四五六七", "心”活动")


def test_a_latin_word_is_not_split_and_wrapped_words_keep_their_space() -> None:
    assert _cell("一二三四五六七八九", "APP使用") == ("一二三四五六七八九APP使用",)
    assert _cell("the quick brown fox", "jumps") == ("the quick brown fox jumps",)


def test_a_numbered_clause_after_a_full_line_ending_a_sentence_is_a_new_paragraph() -> None:
    assert _cell("一二三四五六七八九。", "2.二三") == ("一二三四五六七八九。", "2.二三")
    assert _cell("一二三四五六七八九十", "2.二三") == ("一二三四五六七八九十2.二三",)


def test_a_wider_gap_between_lines_is_a_paragraph_break_or_an_empty_paragraph() -> None:
    chars = _chars("一二三四五六七八九十", top=0) + _chars("一二三", top=13) + _chars("四", top=39)
    assert paragraphs(lines(chars, page=1), BOX, 13.0) == ("一二三四五六七八九十一二三", "", "四")


def test_an_empty_cell_has_one_empty_paragraph() -> None:
    assert paragraphs([], BOX, None) == ("",)


def test_spaces_come_from_space_glyphs_or_gaps_between_latin_letters() -> None:
    spaced = _chars("目", top=0) + _chars(" ", top=0, x=10) + _chars("录", top=0, x=20)
    assert lines(spaced, page=1)[0].text == "目  录"  # one glyph drawn for two spaces
    latin = _chars("A", top=0) + _chars("B", top=0, x=9)
    assert lines(latin, page=1)[0].text == "A B"
    autospaced = _chars("B", top=0) + _chars("类", top=0, x=7)  # Latin-Chinese spacing
    assert lines(autospaced, page=1)[0].text == "B类"


@pytest.mark.parametrize("text", ["12", "- 12 -", "第12页", "第 3 页 共 38 页", "3/38", "—5—"])
def test_page_numbers_are_recognised(text: str) -> None:
    assert is_page_number(text)


@pytest.mark.parametrize("text", ["一、党的建设", "12项", "内部资料", "2024年"])
def test_other_text_is_not_a_page_number(text: str) -> None:
    assert not is_page_number(text)


def test_full_width_and_leading_spaces_are_kept() -> None:
    # LibreOffice labels an ideographic space (one em) as a narrow space glyph.
    narrow = dict(_chars(" ", top=0, x=10)[0], x1=14.2)
    ideographic = [*_chars("、", top=0), narrow, *_chars("经", top=0, x=20)]
    assert lines(ideographic, page=1)[0].text == "、\u3000经"
    leading = _chars(" ", top=0) + _chars("一、", top=0, x=5)
    assert lines(leading, page=1)[0].text == " 一、"
