"""The list's title told from the notes and front matter before the first part."""

from __future__ import annotations

import pytest

from dutylist.parse.drafts import split_preamble

TITLE = "吉林省长春市南关区明珠街道办事处履行职责事项清单"


@pytest.mark.parametrize(
    ("preamble", "title", "rest"),
    [
        ([TITLE], TITLE, ()),
        (["吉林省长春市南关区明珠街道办事处", "履行职责事项清单"], TITLE, ()),
        ([TITLE, "区委编办", "2024年12月"], TITLE, ("区委编办", "2024年12月")),
        (
            ["说明", "1.本清单依据有关法律法规编制。", TITLE],
            TITLE,
            ("说明", "1.本清单依据有关法律法规编制。"),
        ),
        (["附件1", TITLE], "附件1" + TITLE, ()),
        (["目录", "基本履职事项清单……1", TITLE], TITLE, ("目录", "基本履职事项清单……1")),
        (["某某街道", "2024年12月"], "某某街道", ("2024年12月",)),
    ],
)
def test_the_title_is_the_first_line_ending_in_qingdan_with_its_start_not_notes(
    preamble: list[str], title: str, rest: tuple[str, ...]
) -> None:
    assert split_preamble(preamble) == (title, rest)
