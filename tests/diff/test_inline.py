"""Character-level inline diffs of Chinese text, and the cosmetic test."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from dutylist.diff.changes import ChangeClass, EditOp
from dutylist.diff.inline import classify, inline_diff, new_text, normalize, old_text

_TEXT = st.text(alphabet="党建设经济发展民生服务工作、，；（）。 ab", max_size=40)


@given(_TEXT, _TEXT)
def test_an_inline_diff_rebuilds_both_texts(old: str, new: str) -> None:
    edits = inline_diff(old, new)
    assert old_text(edits) == old
    assert new_text(edits) == new


@given(_TEXT)
def test_equal_texts_are_one_equal_segment(text: str) -> None:
    edits = inline_diff(text, text)
    assert all(edit.op is EditOp.EQUAL for edit in edits)


def test_an_inserted_phrase_is_one_insertion() -> None:
    edits = inline_diff("开展各类儿童福利项目。", "开展各类儿童福利项目及关爱活动。")
    assert [(e.op, e.text) for e in edits] == [
        (EditOp.EQUAL, "开展各类儿童福利项目"),
        (EditOp.INSERT, "及关爱活动"),
        (EditOp.EQUAL, "。"),
    ]


def test_short_equal_runs_between_edits_are_folded() -> None:
    edits = inline_diff("组织开展安全检查", "定期组织排查隐患")
    ops = [e.op for e in edits if e.op is not EditOp.EQUAL]
    # one rewrite of the tail, not alternating one-character edits
    assert len(ops) <= 3
    assert old_text(edits) == "组织开展安全检查"


def test_an_inserted_list_entry_aligns_to_the_enumeration_comma() -> None:
    # "、消防" could be shown at several places along the identical text; it is shown
    # as a whole entry after a 、
    edits = inline_diff("安全、环保、卫生", "安全、消防、环保、卫生")
    inserted = [e.text for e in edits if e.op is EditOp.INSERT]
    assert inserted in (["消防、"], ["、消防"])


def test_a_rewrite_is_one_deletion_and_one_insertion() -> None:
    edits = inline_diff("负责辖区统计调查工作", "协助开展征兵宣传动员")
    assert [e.op for e in edits] == [EditOp.DELETE, EditOp.INSERT]


def test_normalize_folds_width_whitespace_and_punctuation() -> None:
    assert normalize("（１） 区住建局、区城管局。") == normalize("(1)区住建局,区城管局")
    assert normalize("10%") != normalize("10")
    assert normalize("二〇二四") == "二〇二四"


def test_classify() -> None:
    assert classify("开展工作。", "开展工作；") is ChangeClass.COSMETIC
    assert classify("开展 工作", "开展工作") is ChangeClass.COSMETIC
    assert classify("ＡＢＣ", "ABC") is ChangeClass.COSMETIC
    assert classify("开展工作", "开展检查") is ChangeClass.SUBSTANTIVE
    assert classify(None, "开展工作") is ChangeClass.SUBSTANTIVE


_MIXED = st.text(
    st.sampled_from(
        [chr(code) for code in range(0xFF00, 0xFF70)]  # full-width forms and their edges
        + [chr(code) for code in range(0x0300, 0x0310)]  # combining marks
        + list("abc AZ09(（%％、。，；：区应急局牵头①½ﬁ\u3000\u2002")
    )
)


@given(_MIXED)
def test_normalize_is_the_same_for_a_text_and_its_nfkc_form(text: str) -> None:
    # Full-width forms take a fast path; it must agree with full NFKC character for character.
    assert normalize(text) == normalize(unicodedata.normalize("NFKC", text))
