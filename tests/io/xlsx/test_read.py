"""The .xlsx reader: hidden rows and sheets, merged cells, old formats and unsafe packages."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import attrs
import pytest

from dutylist.errors import ReadError
from dutylist.io import load
from dutylist.io.files import input_limit
from dutylist.io.xlsx.read import read_xlsx
from tests.builders import OLE2_MAGIC, sample_spec
from tests.builders.offices import COVER_NOTES, Office, build_xlsx_office, expected_items
from tests.hostile.cases import bomb, build_zip, deflated
from tests.io.test_offices import actual_items

SPEC = sample_spec()
RELS = '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'


def test_hidden_rows_and_sheets_are_not_read_and_the_notes_say_so(tmp_path: Path) -> None:
    path = build_xlsx_office(SPEC, Office(), tmp_path / "list.xlsx", hidden=True)
    duty_list = read_xlsx(path)
    assert actual_items(duty_list) == expected_items(SPEC, Office())
    assert all("隐藏" not in item.name for item in duty_list.items)
    assert len(duty_list.notes) == 2
    assert any("草稿" in note for note in duty_list.notes)
    assert duty_list.unplaced == ()


def test_a_stream_reads_like_a_path(tmp_path: Path) -> None:
    path = build_xlsx_office(SPEC, Office(category_column=True), tmp_path / "list.xlsx")
    from_stream = read_xlsx(io.BytesIO(path.read_bytes()))
    assert actual_items(from_stream) == actual_items(read_xlsx(path))


@pytest.mark.parametrize("suffix", [".xls", ".et"])
def test_old_binary_workbooks_get_the_conversion_command(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"list{suffix}"
    path.write_bytes(OLE2_MAGIC + b"\x00" * 512)
    with pytest.raises(ReadError, match="libreoffice --headless --convert-to xlsx") as caught:
        load(path)
    assert str(path) in str(caught.value)


def test_a_renamed_xlsx_with_an_xls_suffix_is_read(tmp_path: Path) -> None:
    built = build_xlsx_office(SPEC, Office(), tmp_path / "list.xlsx")
    renamed = tmp_path / "list.xls"
    renamed.write_bytes(built.read_bytes())
    assert actual_items(load(renamed)) == expected_items(SPEC, Office())


def test_text_that_is_not_a_workbook_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "list.xlsx"
    path.write_text("序号,事项名称\n1,甲\n", encoding="utf-8")
    with pytest.raises(ReadError, match="zip"):
        read_xlsx(path)


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("xl/worksheets/sheet1.xml", b"\0" * (8 << 20))
        package.writestr("xl/_rels/workbook.xml.rels", RELS)
    assert path.stat().st_size < 1024 * 1024
    with input_limit(4 << 20), pytest.raises(ReadError) as caught:
        read_xlsx(path)
    message = str(caught.value)
    assert "bomb.xlsx" in message
    assert "xl/worksheets/sheet1.xml" in message
    assert "4194304" in message  # the limit in force, not a fixed one
    assert "\n" not in message


def _members(path: Path) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(path) as package:
        return [(info.filename, package.read(info)) for info in package.infolist()]


def test_a_sheet_inflating_to_more_than_it_declares_is_stopped(tmp_path: Path) -> None:
    """A header declaring a small sheet is not believed: inflation stops at the lie."""
    good = build_xlsx_office(SPEC, Office(), tmp_path / "good.xlsx")
    members = [deflated(name, data) for name, data in _members(good)]
    sheet = next(i for i, m in enumerate(members) if m.name == "xl/worksheets/sheet1.xml")
    lying = bomb(members[sheet].name, b"<c/>", 8 << 20)
    members[sheet] = attrs.evolve(lying, declared=1000)
    path = tmp_path / "lying.xlsx"
    path.write_bytes(build_zip(members))
    with pytest.raises(ReadError, match=r"lying\.xlsx.*sheet1\.xml") as caught:
        read_xlsx(path)
    assert "\n" not in str(caught.value)


def test_an_encrypted_sheet_is_refused_naming_it(tmp_path: Path) -> None:
    good = build_xlsx_office(SPEC, Office(), tmp_path / "good.xlsx")
    members = [deflated(name, data) for name, data in _members(good)]
    members = [
        attrs.evolve(m, flags=1) if m.name == "xl/worksheets/sheet2.xml" else m for m in members
    ]
    path = tmp_path / "locked.xlsx"
    path.write_bytes(build_zip(members))
    with pytest.raises(ReadError, match=r"locked\.xlsx.*sheet2\.xml.*已加密"):
        read_xlsx(path)


def test_members_the_reader_does_not_use_are_never_inflated(tmp_path: Path) -> None:
    """A picture (or any other member) that is a bomb does not stop the list being read."""
    good = build_xlsx_office(SPEC, Office(), tmp_path / "good.xlsx")
    members = [deflated(name, data) for name, data in _members(good)]
    members.append(bomb("xl/media/image1.png", b"\0", 16 << 20))
    path = tmp_path / "picture.xlsx"
    path.write_bytes(build_zip(members))
    with input_limit(4 << 20):  # the picture alone would inflate to four times the limit
        assert actual_items(read_xlsx(path)) == expected_items(SPEC, Office())


def test_a_damaged_package_is_a_read_error(tmp_path: Path) -> None:
    good = build_xlsx_office(SPEC, Office(), tmp_path / "list.xlsx").read_bytes()
    path = tmp_path / "damaged.xlsx"
    path.write_bytes(good[: len(good) // 2])
    with pytest.raises(ReadError, match=r"damaged\.xlsx"):
        read_xlsx(path)


def test_a_sheet_that_is_not_xml_is_a_read_error_naming_the_sheet(tmp_path: Path) -> None:
    good = build_xlsx_office(SPEC, Office(), tmp_path / "list.xlsx")
    path = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            target.writestr(name, b"<garbage" if name == "xl/worksheets/sheet2.xml" else data)
    with pytest.raises(ReadError, match=r"broken\.xlsx，表格 2"):
        read_xlsx(path)


def test_a_damaged_member_is_one_read_error(tmp_path: Path) -> None:
    """Corrupt deflate data in a part the reader itself opens: ReadError, no zlib traceback."""
    good = build_xlsx_office(sample_spec(), Office(), tmp_path / "good.xlsx")
    with zipfile.ZipFile(good) as package:
        info = package.getinfo("xl/workbook.xml")
    data = bytearray(good.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for offset in range(start + 2, start + min(info.compress_size, 40)):
        data[offset] ^= 0x5A
    damaged = tmp_path / "damaged.xlsx"
    damaged.write_bytes(bytes(data))
    with pytest.raises(ReadError):
        load(damaged)


@pytest.mark.parametrize("cover", [False, True])
def test_sheets_named_after_their_parts_keep_the_title_above_the_first_table(
    tmp_path: Path, cover: bool
) -> None:
    office = Office(title="广东省佛山市南海区桂城街道履行职责事项清单", categories="（一）")
    path = build_xlsx_office(SPEC, office, tmp_path / "list.xlsx", named_sheets=True, cover=cover)
    duty_list = load(path)
    assert actual_items(duty_list) == expected_items(SPEC, office)
    assert duty_list.title == office.title
    assert duty_list.office is not None
    assert duty_list.office.name in office.title
    assert [part.title for part in duty_list.parts] == [part.title for part in SPEC.parts]
    assert duty_list.front_matter == (COVER_NOTES if cover else ())
    assert not duty_list.unplaced
