"""The HTML reader: pages as government sites publish them."""

from __future__ import annotations

import contextlib
import io
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dutylist.errors import DutylistError, FormatError
from dutylist.io.html import decode, read_html
from tests.builders import sample_spec
from tests.builders.offices import Office, build_html_office, expected_items, html_page
from tests.io.test_offices import actual_items
from tests.parse.test_content import unknown_offices, vocabulary_offices

SPEC = sample_spec()
OFFICE = Office(remarks=True, category_column=True)


@pytest.mark.parametrize(
    ("encoding", "declare"),
    [("utf-8", True), ("utf-8", False), ("gbk", True), ("gb2312", True), ("gb18030", False)],
)
def test_encodings_declared_or_detected(tmp_path: Path, encoding: str, declare: bool) -> None:
    path = build_html_office(
        SPEC, OFFICE, tmp_path / "page.html", encoding=encoding, declare=declare
    )
    assert actual_items(read_html(path)) == expected_items(SPEC, OFFICE)


def test_a_gb2312_page_with_characters_only_gb18030_has_is_decoded(tmp_path: Path) -> None:
    # Publishers declare gb2312 but their editors write GBK/GB18030 characters (镕, 堃).
    page = html_page(SPEC, OFFICE, charset="gb2312").replace("某某街道办事处", "朱镕堃街道办事处")
    assert decode(page.encode("gb18030"), "page.html") == page


def test_an_http_equiv_declaration_is_honoured() -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"></head>'
        "<body>明珠</body></html>"
    )
    assert "明珠" in decode(page.encode("gbk"), "page.html")


def test_cells_split_by_line_breaks_read_like_paragraphs(tmp_path: Path) -> None:
    path = build_html_office(SPEC, OFFICE, tmp_path / "page.html")
    broken = build_html_office(SPEC, OFFICE, tmp_path / "br.html", cells="br")
    assert actual_items(read_html(broken)) == actual_items(read_html(path))


@pytest.mark.parametrize("name_header", ["具体事项", "工作任务"])
def test_one_table_with_a_header_word_no_one_listed_is_found_by_its_part_titles(
    tmp_path: Path, name_header: str
) -> None:
    # All parts in one table, the part titles in merged rows, the name column headed in
    # words the vocabulary lacks: the part titles mark the table as the list's.
    office = Office(one_table=True, headers={"name": name_header}, categories="（一）")
    duty_list = read_html(build_html_office(SPEC, office, tmp_path / "page.html"))
    assert actual_items(duty_list) == expected_items(SPEC, office)


def test_tables_outside_the_list_go_to_unplaced_with_a_note(tmp_path: Path) -> None:
    duty_list = read_html(build_html_office(SPEC, OFFICE, tmp_path / "page.html"))
    contacts = [u for u in duty_list.unplaced if "联系电话" in u.text]
    assert len(contacts) == 1
    assert contacts[0].location is not None
    assert contacts[0].location.table is not None
    assert not any("首页" in line or "版权" in line for line in duty_list.front_matter)
    assert duty_list.notes  # navigation and footers were not read, and it says so


def test_the_article_is_found_inside_a_layout_table(tmp_path: Path) -> None:
    page = html_page(SPEC, OFFICE)
    start, end = page.index('<div class="article">'), page.index('<div class="footer">')
    wrapped = (
        page[:start]
        + '<table class="layout"><tr><td class="side"><a href="/">导航</a></td><td>'
        + page[start:end]
        + "</td></tr></table>"
        + page[end:]
    )
    path = tmp_path / "page.html"
    path.write_text(wrapped, encoding="utf-8")
    duty_list = read_html(path)
    assert actual_items(duty_list) == expected_items(SPEC, OFFICE)
    assert duty_list.title == OFFICE.title


def test_scripts_are_neither_run_nor_read(tmp_path: Path) -> None:
    duty_list = read_html(build_html_office(SPEC, OFFICE, tmp_path / "page.html"))
    texts = [duty_list.title, *duty_list.front_matter, *(u.text for u in duty_list.unplaced)]
    assert not any("脚本" in text for text in texts)


def test_a_page_without_a_list_is_a_format_error(tmp_path: Path) -> None:
    path = tmp_path / "news.html"
    path.write_text(
        "<html><body><h1>新闻</h1><table><tr><td>电话</td><td>123</td></tr></table></body></html>",
        encoding="utf-8",
    )
    with pytest.raises(FormatError, match=r"news\.html"):
        read_html(path)


@given(st.binary(max_size=2000) | st.text(max_size=500).map(lambda text: text.encode("utf-8")))
def test_any_bytes_read_or_fail_with_a_dutylist_error(data: bytes) -> None:
    # Anything but a DutylistError (a crash) fails the test.
    with contextlib.suppress(DutylistError):
        read_html(io.BytesIO(b"<html><body><table><tr><td>" + data + b"</td></tr></table>"))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(vocabulary_offices(), unknown_offices()))
def test_any_office_layout_published_as_a_page_reads_back(office: Office) -> None:
    with tempfile.TemporaryDirectory() as folder:
        duty_list = read_html(build_html_office(SPEC, office, Path(folder) / "page.html"))
    assert actual_items(duty_list) == expected_items(SPEC, office)
    assert [u.text.split(" | ")[0] for u in duty_list.unplaced] == ["主办单位"]  # the footer
