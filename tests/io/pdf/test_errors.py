"""PDFs dutylist cannot read are refused with one clear line and exit code 2."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING

import attrs
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dutylist.cli import main
from dutylist.errors import FormatError, ReadError
from dutylist.io.pdf.read import read_pdf
from dutylist.messages import set_language
from tests.builders.pdf_documents import damaged, draw_list, draw_text, scanned, strip_unicode_maps

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

    from dutylist.model import DutyList


@pytest.fixture(autouse=True)
def _chinese() -> Iterator[None]:
    set_language("zh")
    yield
    set_language(None)


@pytest.fixture
def small(mingzhu: DutyList) -> DutyList:
    parts = tuple(
        attrs.evolve(part, categories=(attrs.evolve(part.categories[0], items=part.items[:2]),))
        for part in mingzhu.parts
    )
    return attrs.evolve(mingzhu, parts=parts)


BAD_PDFS: dict[str, tuple[Callable[[DutyList, Path], Path], type[Exception], str]] = {
    "scanned": (lambda _, p: scanned(p), FormatError, "不支持文字识别（OCR）"),
    "no-unicode-map": (
        lambda small, p: strip_unicode_maps(draw_list(small, p)),
        FormatError,
        "缺少 ToUnicode 映射",
    ),
    "user-password": (
        lambda small, p: draw_list(small, p, encrypt=("user-secret", "owner-secret")),
        ReadError,
        "打开密码",
    ),
    "damaged": (
        lambda small, p: damaged(draw_list(small, p.with_name("whole.pdf")), p),
        ReadError,
        "已损坏",
    ),
    "not-a-pdf": (lambda _, p: _write(p, b"<html>not a pdf</html>"), ReadError, "不是 PDF"),
    "no-tables": (
        lambda _, p: draw_text(p, ["吉林省长春市南关区明珠街道办事处履行职责事项清单", "说明文字"]),
        FormatError,
        "没有找到表格",
    ),
    "ambiguous-columns": (
        lambda _, p: draw_text(
            p,
            [
                [(72, "序号"), (140, "事项名称"), (300, "备注")],
                [(72, "1"), (100, "加强党建"), (250, "区委组织部")],
                [(72, "2"), (200, "做好统战工作"), (400, "区委统战部")],
            ],
        ),
        FormatError,
        "表格没有框线",
    ),
}


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("kind", sorted(BAD_PDFS))
def test_a_bad_pdf_gets_its_error(small: DutyList, tmp_path: Path, kind: str) -> None:
    build, error, words = BAD_PDFS[kind]
    path = build(small, tmp_path / f"{kind}.pdf")
    with pytest.raises(error) as caught:
        read_pdf(path)
    assert words in caught.value.message
    assert caught.value.location is not None
    assert caught.value.location.file == str(path)


@pytest.mark.parametrize("kind", sorted(BAD_PDFS))
def test_the_cli_says_why_in_one_line_and_exits_2(
    small: DutyList, tmp_path: Path, kind: str
) -> None:
    build, _error, words = BAD_PDFS[kind]
    path = build(small, tmp_path / f"{kind}.pdf")
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"dutylist: error: {path}")
    assert words in lines[0]
    assert "Traceback" not in result.output


def test_unreadable_fonts_name_the_page(small: DutyList, tmp_path: Path) -> None:
    path = strip_unicode_maps(draw_list(small, tmp_path / "cid.pdf"))
    with pytest.raises(FormatError) as caught:
        read_pdf(path)
    assert caught.value.location is not None
    assert caught.value.location.page == 1


def test_a_few_undecodable_characters_are_noted(small: DutyList, tmp_path: Path) -> None:
    path = draw_list(small, tmp_path / "list.pdf", note="附注：本清单动态调整")
    read = read_pdf(strip_unicode_maps(path, note_only=True))
    assert read.parts == small.parts
    assert any("(cid:N)" in note for note in read.notes)
    assert any("(cid:" in text.text for text in read.unplaced)


def test_ambiguous_columns_name_the_page(tmp_path: Path) -> None:
    build, _, _ = BAD_PDFS["ambiguous-columns"]
    with pytest.raises(FormatError) as caught:
        read_pdf(build(None, tmp_path / "columns.pdf"))  # type: ignore[arg-type]
    assert caught.value.location is not None
    assert caught.value.location.describe().endswith("columns.pdf，第 1 页")


def test_a_missing_pdfplumber_names_the_extra(
    small: DutyList, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = draw_list(small, tmp_path / "list.pdf")
    real_import = builtins.__import__

    def without_pdfplumber(name: str, *args: object, **kwargs: object) -> object:
        if name.startswith("pdfplumber"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", without_pdfplumber)
    result = CliRunner().invoke(main, ["convert", str(path), str(tmp_path / "out.json")])
    assert result.exit_code == 2
    assert "pip install 'dutylist[pdf]'" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_a_scanned_page_among_text_pages_is_noted(small: DutyList, tmp_path: Path) -> None:
    read = read_pdf(draw_list(small, tmp_path / "list.pdf", scanned_page=True))
    assert read.parts == small.parts
    assert len(read.notes) == 1
    assert "第 4 页" in read.notes[0]


@pytest.fixture(scope="module")
def drawn_bytes(tmp_path_factory: pytest.TempPathFactory, mingzhu: DutyList) -> bytes:
    parts = tuple(
        attrs.evolve(part, categories=(attrs.evolve(part.categories[0], items=part.items[:1]),))
        for part in mingzhu.parts
    )
    folder = tmp_path_factory.mktemp("drawn")
    return draw_list(attrs.evolve(mingzhu, parts=parts), folder / "list.pdf").read_bytes()


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    cut=st.floats(0.05, 1.0),
    spots=st.lists(st.tuples(st.floats(0, 1), st.binary(min_size=1, max_size=8))),
)
def test_a_damaged_pdf_never_crashes(
    drawn_bytes: bytes, tmp_path: Path, cut: float, spots: list[tuple[float, bytes]]
) -> None:
    data = bytearray(drawn_bytes[: max(16, int(len(drawn_bytes) * cut))])
    for where, garbage in spots:
        start = int(where * (len(data) - 1))
        data[start : start + len(garbage)] = garbage
    path = tmp_path / "damaged.pdf"
    path.write_bytes(bytes(data))
    error: ReadError | FormatError | None = None
    try:
        read_pdf(path)
    except (ReadError, FormatError) as exc:
        error = exc
    if error is not None:
        assert error.location is not None
        assert error.location.file == str(path)
