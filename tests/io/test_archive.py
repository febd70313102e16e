from __future__ import annotations

import zlib

import pytest

from dutylist.errors import ReadError
from dutylist.io.archive import open_package
from tests.hostile.cases import Member, bomb, build_zip, deflated

XML = b"<w:document/>" * 100


def _package(member: Member) -> bytes:
    return build_zip([deflated("a.txt", b"hello"), member])


def test_members_read_back() -> None:
    with open_package(_package(deflated("word/document.xml", XML)), "x.docx", ".docx") as package:
        assert package.read("word/document.xml") == XML
        assert package.read("missing.xml") is None


@pytest.mark.parametrize(
    "change",
    [
        {"flags": 1},
        {"method": 6},
        {"method": 99},
        {"declared": 0xFFFFFFFF},
        {"declared": len(XML) - 1},
        {"declared": len(XML) + 1},
        {"crc": 0},
    ],
)
def test_lying_or_unsupported_members_are_read_errors(change: dict[str, int]) -> None:
    good = deflated("word/document.xml", XML)
    fields = {"name": good.name, "data": good.data, "size": good.size, "crc": good.crc}
    package = open_package(_package(Member(**{**fields, **change})), "x.docx", ".docx")
    with package, pytest.raises(ReadError) as caught:
        package.read("word/document.xml")
    assert caught.value.location is not None
    assert caught.value.location.file == "x.docx"


def test_a_bomb_stops_at_the_limit() -> None:
    member = bomb("word/document.xml", b"<w:p/>", 8 << 20)
    assert len(member.data) < 100_000
    for declared in (None, 1000):
        lying = Member(
            name=member.name, data=member.data, size=member.size, crc=member.crc, declared=declared
        )
        package = open_package(_package(lying), "x.docx", ".docx", limit=1 << 20)
        with package, pytest.raises(ReadError):
            package.read("word/document.xml")


def test_a_damaged_directory_is_a_read_error() -> None:
    data = _package(deflated("word/document.xml", XML))
    for damaged in (data[:-5], b"PK" + zlib.compress(data)):
        with pytest.raises(ReadError):
            open_package(damaged, "x.docx", ".docx")
