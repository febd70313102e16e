"""The .docx reader: every layout offices use reads back item for item; bad files fail clearly.

Expected values are derived from the builders' plain specs (tests/builders), not from
dutylist's own parsing, so a reader bug cannot hide behind a parser bug.
"""

from __future__ import annotations

import io
import re
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dutylist.errors import FormatError, ReadError
from dutylist.io.docx.read import TRACKED_CHANGES_WARNING, read_docx, read_docx_report
from dutylist.model import (
    BasicItem,
    Clause,
    CooperativeItem,
    DutyList,
    Item,
    PartKind,
    RecalledItem,
)
from tests.builders import (
    DELETED_ITEM,
    DELETED_TEXT,
    LAYOUT_VARIANTS,
    TEXT_BOX_TEXT,
    DocSpec,
    Layout,
    build_corrupt_zip,
    build_docx,
    build_docx_without_tables,
    build_fake_doc,
    build_renamed_non_docx,
    rewrite_heading,
    sample_spec,
)

SPEC = sample_spec()
KINDS = (PartKind.BASIC, PartKind.COOPERATIVE, PartKind.RECALLED)
_HEADING = re.compile(
    r"^\s*([一二三四五六七八九十]+)\s*、\s*(.*?)\s*[（(]\s*(\d+)\s*项\s*[）)]\s*$"
)
_NUMBERED = re.compile(r"^(\d+)\.(.*)$")
_EXTRA_TEXTS = ("", "无", "2024年动态调整保留")
_ORDINALS = "一二三四五六七八九十"


# -- what a reader must find, derived from the spec alone --------------------------------


@dataclass(frozen=True)
class Expected:
    part: PartKind
    number: int
    name: str
    category: tuple[int, str, int]
    departments: tuple[tuple[str, bool], ...] = ()
    superior: tuple[tuple[str | None, int | None, str], ...] = ()
    local: tuple[tuple[str | None, int | None, str], ...] = ()
    receiving: tuple[str, ...] = ()
    method: tuple[tuple[str | None, int | None, str], ...] = ()
    discontinued: bool = False
    extra: tuple[tuple[str, str], ...] = ()


def _clauses(paragraphs: tuple[str, ...]) -> tuple[tuple[str | None, int | None, str], ...]:
    result = []
    department = None
    for paragraph in paragraphs:
        if paragraph.endswith("："):
            department = paragraph[:-1]
            continue
        match = _NUMBERED.match(paragraph)
        if match:
            result.append((department, int(match.group(1)), match.group(2)))
        else:
            result.append((department, None, paragraph))
    return tuple(result)


def _departments(text: str) -> tuple[tuple[str, bool], ...]:
    return tuple(
        (name.removesuffix("牵头"), name.endswith("牵头")) for name in text.split("、") if name
    )


def _category(heading: str) -> tuple[int, str, int]:
    match = _HEADING.match(heading)
    assert match is not None
    return _ORDINALS.index(match.group(1)) + 1, match.group(2), int(match.group(3))


def expected_items(spec: DocSpec, layout: Layout) -> list[Expected]:
    result = []
    for kind, part in zip(KINDS, spec.parts, strict=True):
        extra_index = 0
        for category in part.categories:
            for row in category.rows:
                cells = dict(zip(part.columns, row, strict=True))
                common = {
                    "part": kind,
                    "number": int(cells["序号"][0]),
                    "name": cells["事项名称"][0],
                    "category": _category(category.heading),
                    "extra": tuple(
                        sorted(
                            (column, _EXTRA_TEXTS[(extra_index + k) % 3])
                            for k, column in enumerate(layout.extra_columns)
                        )
                    ),
                }
                extra_index += 1
                if kind is PartKind.COOPERATIVE:
                    result.append(
                        Expected(
                            **common,
                            departments=_departments(cells["对应上级部门"][0]),
                            superior=_clauses(cells["上级部门职责"]),
                            local=_clauses(cells["街道配合职责"]),
                        )
                    )
                elif kind is PartKind.RECALLED:
                    lines = cells["承接部门及工作方式"]
                    receiving = lines[0].removeprefix("承接部门：")
                    method = (lines[1].removeprefix("工作方式："), *lines[2:])
                    result.append(
                        Expected(
                            **common,
                            receiving=tuple(receiving.split("、")),
                            method=_clauses(tuple(line for line in method if line)),
                            discontinued=any("不再开展" in line for line in method),
                        )
                    )
                else:
                    result.append(Expected(**common))
    return result


def _triples(clauses: tuple[Clause, ...]) -> tuple[tuple[str | None, int | None, str], ...]:
    return tuple((clause.department, clause.number, clause.text) for clause in clauses)


def _fields(columns: tuple[str, ...], item: Item) -> dict[str, str]:
    """Return the remarks and basis columns of ``item`` as header -> text, like ``extra``."""
    fields = {"备注": item.remarks, "依据": item.basis}
    return {column: fields[column] for column in columns if column in fields}


def actual_items(duty_list: DutyList) -> list[Expected]:
    result = []
    for part, category, item in duty_list.iter_items():
        assert category.ordinal is not None
        assert category.declared_count is not None
        assert item.number is not None
        common = {
            "part": part.kind,
            "number": item.number,
            "name": item.name,
            "category": (category.ordinal, category.title, category.declared_count),
            "extra": tuple(sorted({**item.extra, **_fields(part.columns, item)}.items())),
        }
        if isinstance(item, CooperativeItem):
            result.append(
                Expected(
                    **common,
                    departments=tuple((d.name, d.lead) for d in item.departments),
                    superior=_triples(item.superior_duties),
                    local=_triples(item.local_duties),
                )
            )
        elif isinstance(item, RecalledItem):
            result.append(
                Expected(
                    **common,
                    receiving=tuple(d.name for d in item.receiving_departments),
                    method=_triples(item.working_method),
                    discontinued=item.discontinued,
                )
            )
        else:
            assert isinstance(item, BasicItem)
            result.append(Expected(**common))
    return result


def expected_columns(spec: DocSpec, layout: Layout) -> list[tuple[str, ...]]:
    result = []
    for part in spec.parts:
        names = part.columns + layout.extra_columns
        slots = [i for i, name in enumerate(names) if name in layout.column_order]
        ranked = sorted(slots, key=lambda i: layout.column_order.index(names[i]))
        order = list(range(len(names)))
        for slot, source in zip(slots, ranked, strict=True):
            order[slot] = source
        columns = tuple(names[i] for i in order)
        if layout.categories == "vmerge_column":
            columns = ("类别", *columns)
        result.append(columns)
    return result


def check_layout(path: Path, layout: Layout) -> DutyList:
    """Read ``path`` and assert it holds exactly what ``SPEC`` laid out as ``layout`` says."""
    duty_list, warnings = read_docx_report(path)
    assert [part.kind for part in duty_list.parts] == list(KINDS)
    assert [part.title for part in duty_list.parts] == [part.title for part in SPEC.parts]
    assert [part.columns for part in duty_list.parts] == expected_columns(SPEC, layout)
    for part, spec_part in zip(duty_list.parts, SPEC.parts, strict=True):
        assert [c.heading.strip() for c in part.categories] == [
            rewrite_heading(c.heading, layout.brackets, i).strip()
            for i, c in enumerate(spec_part.categories)
        ]
    assert actual_items(duty_list) == expected_items(SPEC, layout)
    for item in duty_list.items:
        assert item.source is not None
        assert item.source.file == str(path)
        assert item.source.table is not None
        assert item.source.row is not None
    assert duty_list.unplaced == ()
    assert duty_list.metadata.source_file == path.name
    everything = repr(duty_list)
    assert DELETED_TEXT not in everything
    assert DELETED_ITEM[1] not in everything
    assert TEXT_BOX_TEXT not in everything
    assert (TRACKED_CHANGES_WARNING in warnings) == layout.tracked_changes
    assert warnings == ((TRACKED_CHANGES_WARNING,) if layout.tracked_changes else ())
    if layout.front_matter:
        assert duty_list.title == SPEC.title
        assert duty_list.office is not None
        assert duty_list.office.name == "明珠街道办事处"
    return duty_list


# -- layouts ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(LAYOUT_VARIANTS))
def test_every_layout_reads_back_item_for_item(tmp_path: Path, name: str) -> None:
    layout = LAYOUT_VARIANTS[name]
    check_layout(build_docx(SPEC, tmp_path / f"{name}.docx", layout), layout)


def test_items_remember_their_table_and_row(tmp_path: Path) -> None:
    path = build_docx(SPEC, tmp_path / "split.docx", Layout(tables="split", split_every=2))
    duty_list = read_docx(path)
    basic = duty_list.parts[0].items
    # Table 1: header, category, items 1-1; table 2: header, item 2, item 3 …
    locations = [(item.source.table, item.source.row) for item in basic if item.source]
    assert locations[:3] == [(1, 3), (2, 2), (2, 3)]


def test_front_matter_is_kept_and_page_numbers_are_dropped(tmp_path: Path) -> None:
    layout = Layout(front_matter=True, tables="split")
    duty_list = read_docx(build_docx(SPEC, tmp_path / "front.docx", layout))
    assert duty_list.front_matter[0] == "目  录"
    assert len(duty_list.front_matter) == 4
    assert not any("页" in line for line in duty_list.front_matter)


def test_reads_a_binary_stream(tmp_path: Path) -> None:
    path = build_docx(SPEC, tmp_path / "stream.docx")
    from_stream = read_docx(io.BytesIO(path.read_bytes()))
    assert from_stream == read_docx(path)


_LAYOUTS = st.builds(
    Layout,
    tables=st.sampled_from(["per_part", "split", "single"]),
    split_every=st.integers(1, 4),
    part_titles=st.sampled_from(["heading", "paragraph", "in_table"]),
    categories=st.sampled_from(["merged_row", "vmerge_column"]),
    brackets=st.sampled_from(["full", "half", "spaced"]),
    column_order=st.permutations(["序号", "事项名称", "对应上级部门", "上级部门职责"]).map(tuple),
    extra_columns=st.sampled_from([(), ("备注",), ("备注", "依据")]),
    clauses=st.sampled_from(
        ["paragraphs", "line_breaks", "one_paragraph", "autonumber", "autonumber_style"]
    ),
    empty_paragraphs=st.booleans(),
    tracked_changes=st.booleans(),
    front_matter=st.booleans(),
    decorations=st.booleans(),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_LAYOUTS)
def test_any_combination_of_layout_options_reads_back(layout: Layout) -> None:
    with tempfile.TemporaryDirectory() as folder:
        check_layout(build_docx(SPEC, Path(folder) / "list.docx", layout), layout)


# -- automatic numbering ----------------------------------------------------------------


def test_automatic_numbers_are_rebuilt(tmp_path: Path) -> None:
    path = build_docx(SPEC, tmp_path / "auto.docx", Layout(clauses="autonumber"))
    item = read_docx(path).parts[1].items[0]
    assert isinstance(item, CooperativeItem)
    assert [(c.department, c.printed) for c in item.superior_duties] == [
        ("区财政局", "1.对接辖区金融机构，组织开展银企对接、小微企业融资等相关活动。"),
        ("区发改局", "1.组织企业填报融资监测平台，填写调查问卷。"),
        ("区发改局", "2.汇总企业融资报表。"),
    ]


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _rewrite_part(path: Path, part: str, edit: object) -> None:
    """Rewrite one part of the package at ``path`` with ``edit(text) -> text``."""
    assert callable(edit)
    with zipfile.ZipFile(path) as archive:
        contents = {info.filename: archive.read(info) for info in archive.infolist()}
    contents[part] = edit(contents[part].decode("utf-8")).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in contents.items():
            archive.writestr(name, data)


def test_numbering_that_cannot_be_rebuilt_keeps_the_clauses(tmp_path: Path) -> None:
    path = build_docx(SPEC, tmp_path / "lost.docx", Layout(clauses="autonumber"))
    _rewrite_part(path, "word/numbering.xml", lambda text: re.sub(r"<w:num .*?</w:num>", "", text))
    duty_list, warnings = read_docx_report(path)
    item = duty_list.parts[1].items[0]
    assert isinstance(item, CooperativeItem)
    assert [(c.number, c.text) for c in item.local_duties] == [
        (None, "了解企业融资需求。"),
        (None, "整合符合条件的企业项目。"),
        (None, "上报企业融资名单。"),
    ]
    assert len(warnings) == 1
    assert "自动编号无法还原" in warnings[0]


def _numbered_document(tmp_path: Path, level_xml: str, paragraphs: str) -> Path:
    """Return a one-table document whose cooperative duties are numbered by ``level_xml``."""
    path = build_docx(SPEC, tmp_path / "custom.docx", Layout(clauses="autonumber"))
    numbering = (
        f'<w:numbering xmlns:w="{_W}"><w:abstractNum w:abstractNumId="7">{level_xml}'
        '</w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="7"/></w:num>'
        '<w:num w:numId="6"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0">'
        '<w:startOverride w:val="1"/></w:lvlOverride></w:num></w:numbering>'
    )
    _rewrite_part(path, "word/numbering.xml", lambda _text: numbering)

    def replace_body(text: str) -> str:
        start, end = text.index("<w:body>") + len("<w:body>"), text.rindex("<w:sectPr")
        body = (
            "<w:p><w:r><w:t>配合履职事项清单</w:t></w:r></w:p><w:tbl>"
            "<w:tr><w:tc><w:p><w:r><w:t>序号</w:t></w:r></w:p></w:tc>"
            "<w:tc><w:p><w:r><w:t>事项名称</w:t></w:r></w:p></w:tc>"
            "<w:tc><w:p><w:r><w:t>街道配合职责</w:t></w:r></w:p></w:tc></w:tr>"
            "<w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>"
            "<w:tc><w:p><w:r><w:t>安全生产</w:t></w:r></w:p></w:tc>"
            f"<w:tc>{paragraphs}</w:tc></w:tr></w:tbl>"
        )
        return text[:start] + body + text[end:]

    _rewrite_part(path, "word/document.xml", replace_body)
    return path


def _numbered(num_id: int, text: str, ilvl: int = 0) -> str:
    return (
        f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
        f"</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"
    )


def _local_printed(path: Path) -> list[str]:
    item = read_docx(path).parts[0].items[0]
    assert isinstance(item, CooperativeItem)
    return [clause.printed for clause in item.local_duties]


def test_numbering_counts_per_list_and_restarts_with_start_override(tmp_path: Path) -> None:
    level = (
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1、"/></w:lvl>'
    )
    paragraphs = _numbered(5, "甲。") + _numbered(5, "乙。") + _numbered(6, "丙。")
    path = _numbered_document(tmp_path, level, paragraphs)
    assert _local_printed(path) == ["1、甲。", "2、乙。", "1、丙。"]


def test_numbering_formats_and_levels(tmp_path: Path) -> None:
    levels = (
        '<w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/>'
        '<w:lvlText w:val="%2"/></w:lvl>'
    )
    paragraphs = (
        _numbered(5, "甲。")
        + _numbered(5, "子。", 1)
        + _numbered(5, "丑。", 1)
        + _numbered(5, "乙。")
    )
    path = _numbered_document(tmp_path, levels, paragraphs)
    assert _local_printed(path) == ["3.甲。", "①子。", "②丑。", "4.乙。"]


def test_bullets_are_not_numbers(tmp_path: Path) -> None:
    level = (
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
        '<w:lvlText w:val="\u2022"/></w:lvl>'
    )
    path = _numbered_document(tmp_path, level, _numbered(5, "甲。") + _numbered(5, "乙。"))
    assert _local_printed(path) == ["甲。", "乙。"]


def test_content_controls_hyperlinks_and_nested_tables_are_read_through(tmp_path: Path) -> None:
    paragraphs = (
        "<w:sdt><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>1.甲</w:t></w:r>"
        '<w:hyperlink r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships"><w:r><w:t>乙。</w:t></w:r></w:hyperlink></w:p></w:sdtContent></w:sdt>'
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>2.丙。</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
        "<w:p><w:r><w:t>3.丁</w:t></w:r><w:del><w:r><w:delText>删</w:delText></w:r></w:del>"
        "<w:ins><w:r><w:t>戊。</w:t></w:r></w:ins></w:p>"
        '<w:p xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        '<w:r><w:t>4.己</w:t></w:r><mc:AlternateContent><mc:Choice Requires="w14">'
        "<w:r><w:t>新</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>庚。</w:t></w:r>"
        "</mc:Fallback></mc:AlternateContent></w:p>"
    )
    path = _numbered_document(tmp_path, "", paragraphs)
    assert _local_printed(path) == ["1.甲乙。", "2.丙。", "3.丁戊。", "4.己庚。"]


# -- bad files --------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".doc", ".wps", ".docx"])
def test_old_binary_documents_are_refused_with_a_conversion_hint(
    tmp_path: Path, suffix: str
) -> None:
    path = build_fake_doc(tmp_path / f"清单{suffix}")
    with pytest.raises(ReadError) as caught:
        read_docx(path)
    assert caught.value.location is not None
    assert caught.value.location.file == str(path)
    assert f"libreoffice --headless --convert-to docx {path}" in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_renamed_non_docx_is_refused_with_a_conversion_hint(tmp_path: Path) -> None:
    path = build_renamed_non_docx(tmp_path / "清单.docx")
    with pytest.raises(ReadError) as caught:
        read_docx(path)
    assert caught.value.location is not None
    assert caught.value.location.file == str(path)
    assert "--convert-to docx" in str(caught.value)


def test_a_truncated_docx_is_refused(tmp_path: Path) -> None:
    path = build_corrupt_zip(tmp_path / "half.docx")
    with pytest.raises(ReadError) as caught:
        read_docx(path)
    assert caught.value.location is not None
    assert caught.value.location.file == str(path)


def test_a_zip_without_a_word_document_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "book.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(ReadError) as caught:
        read_docx(path)
    assert caught.value.location is not None
    assert caught.value.location.file == str(path)


def test_invalid_xml_is_a_format_error(tmp_path: Path) -> None:
    path = build_docx(SPEC, tmp_path / "bad.docx")
    _rewrite_part(path, "word/document.xml", lambda text: text[: len(text) // 2])
    with pytest.raises(FormatError) as caught:
        read_docx(path)
    assert caught.value.location is not None
    assert caught.value.location.file == str(path)


def test_a_document_without_tables_is_a_format_error(tmp_path: Path) -> None:
    path = build_docx_without_tables(tmp_path / "typed.docx")
    with pytest.raises(FormatError) as caught:
        read_docx(path)
    assert caught.value.location is not None
    assert caught.value.location.file == str(path)


def test_a_document_with_unrelated_tables_is_a_format_error(tmp_path: Path) -> None:
    from docx import Document

    document = Document()
    document.add_paragraph("会议通知")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "时间"
    table.cell(1, 1).text = "地点"
    path = tmp_path / "notice.docx"
    document.save(str(path))
    with pytest.raises(FormatError) as caught:
        read_docx(path)
    assert caught.value.location is not None
    assert caught.value.location.file == str(path)


def test_a_missing_file_is_a_read_error(tmp_path: Path) -> None:
    with pytest.raises(ReadError) as caught:
        read_docx(tmp_path / "missing.docx")
    assert caught.value.location is not None
    assert caught.value.location.file == str(tmp_path / "missing.docx")


# -- merged cells, blocks, command line ---------------------------------------------------


def test_vertically_merged_cells_repeat_the_text_of_the_first_row(tmp_path: Path) -> None:
    from docx import Document

    document = Document()
    document.add_paragraph("配合履职事项清单")
    table = document.add_table(rows=4, cols=5)
    header = ("序号", "事项名称", "对应上级部门", "上级部门职责", "街道配合职责")
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    table.cell(1, 0).merge(table.cell(1, 4)).text = "一、应急管理（2项）"
    for row, (number, name) in enumerate((("1", "森林防火"), ("2", "防汛抗旱")), start=2):
        table.cell(row, 0).text = number
        table.cell(row, 1).text = name
        table.cell(row, 3).text = "1.统筹指导。"
        table.cell(row, 4).text = "1.协助开展。"
    table.cell(2, 2).merge(table.cell(3, 2)).text = "区应急局牵头"
    path = tmp_path / "vmerge.docx"
    document.save(str(path))
    items = read_docx(path).parts[0].items
    departments = [
        [(d.name, d.lead) for d in item.departments]
        for item in items
        if isinstance(item, CooperativeItem)
    ]
    assert departments == [[("区应急局", True)], [("区应急局", True)]]


def test_blocks_are_the_rows_the_assembler_sees(tmp_path: Path) -> None:
    from dutylist.io.docx.read import read_docx_blocks
    from dutylist.parse.rows import Row

    path = build_docx(SPEC, tmp_path / "blocks.docx")
    rows = [block for block in read_docx_blocks(path) if isinstance(block, Row)]
    assert rows[0].texts() == ("序号", "事项名称")
    assert rows[1].texts() == ("一、党的建设（3项）",)
    assert (rows[2].location.table, rows[2].location.row) == (1, 3)


def test_the_command_line_converts_a_docx_and_refuses_a_doc(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from dutylist.cli import main

    source = build_docx(SPEC, tmp_path / "list.docx", LAYOUT_VARIANTS["everything"])
    target = tmp_path / "list.json"
    result = CliRunner().invoke(main, ["convert", str(source), str(target)])
    assert result.exit_code == 0
    assert len(read_docx(source).items) == 12
    old = build_fake_doc(tmp_path / "list.doc")
    result = CliRunner().invoke(
        main, ["convert", str(old), str(tmp_path / "old.json"), "--from", "docx"]
    )
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert str(old) in result.stderr


@pytest.mark.parametrize("suffix", [".doc", ".wps"])
def test_loading_a_doc_or_wps_by_suffix_gives_the_conversion_hint(
    tmp_path: Path, suffix: str
) -> None:
    import dutylist

    path = build_fake_doc(tmp_path / f"清单{suffix}")
    with pytest.raises(ReadError) as caught:
        dutylist.load(path)
    assert f"libreoffice --headless --convert-to docx {path}" in str(caught.value)


def test_a_docx_renamed_to_doc_is_read(tmp_path: Path) -> None:
    import dutylist

    source = build_docx(SPEC, tmp_path / "list.docx")
    renamed = tmp_path / "list.doc"
    renamed.write_bytes(source.read_bytes())
    assert dutylist.load(renamed) == read_docx(source)


def test_a_two_row_header_with_merged_cells_names_the_columns(tmp_path: Path) -> None:
    from docx import Document

    document = Document()
    document.add_paragraph("上级部门收回事项清单")
    table = document.add_table(rows=5, cols=4)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "序号"
    table.cell(0, 1).merge(table.cell(1, 1)).text = "事项名称"
    table.cell(0, 2).merge(table.cell(0, 3)).text = "承接部门及工作方式"
    table.cell(1, 2).text = "承接部门"
    table.cell(1, 3).text = "工作方式"
    table.cell(2, 0).merge(table.cell(2, 3)).text = "一、城乡建设（2项）"
    rows = (
        ("1", "加装电梯", "区住建局", "1.负责审核。"),
        ("2", "户外广告", "区执法局", "不再开展此项工作"),
    )
    for index, row in enumerate(rows, start=3):
        for column, text in enumerate(row):
            table.cell(index, column).text = text
    path = tmp_path / "two-row-header.docx"
    document.save(str(path))
    part = read_docx(path).parts[0]
    assert part.kind is PartKind.RECALLED
    assert part.columns == ("序号", "事项名称", "承接部门", "工作方式")
    summary = [
        (
            item.name,
            [d.name for d in item.receiving_departments],
            _triples(item.working_method),
            item.discontinued,
        )
        for item in part.items
        if isinstance(item, RecalledItem)
    ]
    assert summary == [
        ("加装电梯", ["区住建局"], ((None, 1, "负责审核。"),), False),
        ("户外广告", ["区执法局"], ((None, None, "不再开展此项工作"),), True),
    ]


def test_the_main_part_is_found_through_the_package_relationships(tmp_path: Path) -> None:
    path = build_docx(SPEC, tmp_path / "renamed-part.docx")
    with zipfile.ZipFile(path) as archive:
        contents = {info.filename: archive.read(info) for info in archive.infolist()}
    contents["word/main.xml"] = contents.pop("word/document.xml")
    contents["word/_rels/main.xml.rels"] = contents.pop("word/_rels/document.xml.rels")
    for name in ("_rels/.rels", "[Content_Types].xml"):
        contents[name] = contents[name].replace(b"word/document.xml", b"word/main.xml")
    moved = tmp_path / "moved.docx"
    with zipfile.ZipFile(moved, "w") as archive:
        for name, data in contents.items():
            archive.writestr(name, data)
    assert actual_items(read_docx(moved)) == expected_items(SPEC, Layout())


def test_a_document_in_another_vocabulary_asks_to_be_resaved(tmp_path: Path) -> None:
    path = build_docx(SPEC, tmp_path / "strict.docx")
    strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    _rewrite_part(path, "word/document.xml", lambda text: text.replace(_W, strict))
    with pytest.raises(FormatError) as caught:
        read_docx(path)
    assert caught.value.location is not None
    assert caught.value.location.file == str(path)
    assert "--convert-to docx" in str(caught.value)
