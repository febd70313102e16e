from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from dutylist.errors import FormatError, ReadError
from dutylist.io.text import read_text
from dutylist.model import CooperativeItem, DutyList, PartKind, RecalledItem


def _item(duty_list: DutyList, kind: PartKind, number: int):  # type: ignore[no-untyped-def]
    part = duty_list.part(kind)
    assert part is not None
    return next(item for item in part.items if item.number == number)


def test_reference_counts_exactly(mingzhu: DutyList) -> None:
    counts = [(p.kind, len(p.categories), len(p.items)) for p in mingzhu.parts]
    assert counts == [
        (PartKind.BASIC, 10, 93),
        (PartKind.COOPERATIVE, 12, 106),
        (PartKind.RECALLED, 9, 94),
    ]
    for part in mingzhu.parts:
        assert [item.number for item in part.items] == list(range(1, len(part.items) + 1))
        for category in part.categories:
            assert category.declared_count == len(category.items)


def test_title_office_and_front_matter(mingzhu: DutyList) -> None:
    assert mingzhu.title == "吉林省长春市南关区明珠街道办事处履行职责事项清单"
    assert mingzhu.office is not None
    assert mingzhu.office.district == "南关区"
    assert mingzhu.front_matter[0] == "目  录"
    assert len(mingzhu.front_matter) == 4


def test_every_name_is_exactly_as_printed(mingzhu: DutyList, seed_path: Path) -> None:
    web = seed_path.read_text(encoding="utf-8").split("文档附件")[0]
    lines = [line.removesuffix(" ") for line in web.splitlines() if line]
    printed = [
        lines[index + 1]
        for index, line in enumerate(lines)
        if re.fullmatch(r"\d{1,3}", line) and index > 5
    ]
    assert [item.name for item in mingzhu.items] == printed


def test_two_departments_with_their_own_blocks_of_duties(mingzhu: DutyList) -> None:
    item = _item(mingzhu, PartKind.COOPERATIVE, 10)
    assert isinstance(item, CooperativeItem)
    assert [d.name for d in item.departments] == ["区财政局", "区发改局"]
    blocks = [(c.department, c.number) for c in item.superior_duties]
    assert blocks == [("区财政局", 1), ("区发改局", 1), ("区发改局", 2)]
    assert [c.number for c in item.local_duties] == [1, 2, 3]
    assert all(c.department is None for c in item.local_duties)


def test_lead_department(mingzhu: DutyList) -> None:
    item = _item(mingzhu, PartKind.COOPERATIVE, 95)
    assert isinstance(item, CooperativeItem)
    assert [(d.name, d.lead) for d in item.departments] == [("区应急局", True)]


def test_superior_duties_assigned_to_five_departments(mingzhu: DutyList) -> None:
    item = _item(mingzhu, PartKind.COOPERATIVE, 98)
    assert isinstance(item, CooperativeItem)
    owners = list(dict.fromkeys(c.department for c in item.superior_duties))
    assert owners == ["区应急局", "区住建局", "区财政局", "区民政局", "区商务局"]
    assert [c.number for c in item.local_duties] == list(range(1, 12))


def test_a_block_heading_without_colon_and_inline_blocks(mingzhu: DutyList) -> None:
    item = _item(mingzhu, PartKind.COOPERATIVE, 68)
    assert isinstance(item, CooperativeItem)
    owners = [c.department for c in item.superior_duties]
    assert owners == ["区住建局"] * 3 + ["区文旅局", "区园林局"]
    assert item.superior_duties[3].text == "负责文物保护管理工作。"
    assert [c.number for c in item.local_duties] == [1, 2, 3]


def test_unnumbered_duty_columns(mingzhu: DutyList) -> None:
    item = _item(mingzhu, PartKind.COOPERATIVE, 3)
    assert isinstance(item, CooperativeItem)
    assert len(item.superior_duties) == len(item.local_duties) == 1
    assert item.local_duties[0].text.startswith("负责规范整合社区组织")


def test_clause_slips_are_kept_as_printed(mingzhu: DutyList) -> None:
    item = _item(mingzhu, PartKind.COOPERATIVE, 23)
    assert isinstance(item, CooperativeItem)
    assert item.local_duties[0].number == 1
    assert item.local_duties[0].printed.startswith("1对离校")
    run_together = _item(mingzhu, PartKind.COOPERATIVE, 14)
    assert isinstance(run_together, CooperativeItem)
    assert [(c.number, c.same_paragraph) for c in run_together.local_duties] == [
        (1, False), (2, False), (3, True),
    ]  # fmt: skip


def test_recalled_items(mingzhu: DutyList) -> None:
    first = _item(mingzhu, PartKind.RECALLED, 1)
    assert isinstance(first, RecalledItem)
    assert [d.name for d in first.receiving_departments] == ["区文联"]
    assert [c.number for c in first.working_method] == [1, 2]
    assert not first.discontinued
    stopped = _item(mingzhu, PartKind.RECALLED, 60)
    assert isinstance(stopped, RecalledItem)
    assert stopped.discontinued
    assert stopped.working_method[0].text == "不再开展此项工作。"
    discontinued = [i.number for i in mingzhu.part(PartKind.RECALLED).items if i.discontinued]  # type: ignore[union-attr]
    assert discontinued == [15, 60, 61, 62, 64, 65, 66, 67, 68]


def test_items_remember_their_line(mingzhu: DutyList, seed_path: Path) -> None:
    item = _item(mingzhu, PartKind.COOPERATIVE, 95)
    assert item.source is not None
    assert item.source.line is not None
    lines = seed_path.read_text(encoding="utf-8").splitlines()
    assert lines[item.source.line - 1].strip() == "95"


def test_second_rendering_gives_the_same_parts_numbers_and_names(
    mingzhu: DutyList, seed_path: Path
) -> None:
    attachment = read_text(seed_path, rendering="attachment")
    assert [(p.kind, len(p.categories)) for p in attachment.parts] == [
        (p.kind, len(p.categories)) for p in mingzhu.parts
    ]
    assert [(i.number, i.name) for i in attachment.items] == [
        (i.number, i.name) for i in mingzhu.items
    ]
    assert attachment.title == mingzhu.title


def test_the_rendering_not_read_is_noted_but_not_saved(mingzhu: DutyList) -> None:
    assert mingzhu.unplaced == ()
    assert len(mingzhu.notes) == 1
    assert "lines 3680–4916" in mingzhu.notes[0]


def test_reads_a_binary_stream(seed_path: Path) -> None:
    stream = io.BytesIO(seed_path.read_bytes())
    assert len(read_text(stream).items) == 293


def test_gbk_encoded_capture(seed_path: Path, tmp_path: Path) -> None:
    web = seed_path.read_text(encoding="utf-8").split("文档附件")[0]
    path = tmp_path / "gbk.txt"
    path.write_bytes(web.encode("gb18030"))
    assert len(read_text(path).items) == 293


def test_unplaceable_lines_are_reported_not_dropped(tmp_path: Path) -> None:
    path = tmp_path / "list.txt"
    path.write_text(
        "某街道履行职责事项清单\n\n基本履职事项清单\n\n序号 \n\n事项名称 \n\n"
        "一、党的建设（1项） \n\n1 \n\n学习贯彻 \n\n配合履职事项清单\n\n说明：以上事项动态调整\n",
        encoding="utf-8",
    )
    duty_list = read_text(path)
    assert [u.text for u in duty_list.unplaced] == ["说明：以上事项动态调整"]
    assert duty_list.unplaced[0].location is not None
    assert duty_list.unplaced[0].location.line == 17


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "file is empty"),
        (b"   \n\n", "file is empty"),
        (b"\x00\x01\x02binary\xff\xfe junk", "not a text file"),
        ("这是一封普通的信。\n\n谢谢。\n".encode(), "no duty list found"),
    ],
)
def test_bad_text_files(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(FormatError, match=message) as info:
        read_text(path)
    assert info.value.location is not None
    assert info.value.location.file == str(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="文件不存在"):
        read_text(tmp_path / "nothing.txt")
