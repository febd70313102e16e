"""PDFs from a producer other than LibreOffice (reportlab) read back as the list drawn."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dutylist.io.pdf.read import read_pdf
from dutylist.model import Clause, DutyList
from tests.builders.pdf_documents import draw_list
from tests.strategies import duty_lists

if TYPE_CHECKING:
    from pathlib import Path


def _one_paragraph_per_clause(duty_list: DutyList) -> DutyList:
    """Return the list with every clause in its own paragraph.

    Two clauses in one paragraph cannot always be told from two paragraphs in a PDF: when
    the first ends a full line, the second starts the next line either way.
    """

    def split(clauses: tuple[Clause, ...]) -> tuple[Clause, ...]:
        return tuple(attrs.evolve(clause, same_paragraph=False) for clause in clauses)

    def item(value: object) -> object:
        fields = ("superior_duties", "local_duties", "working_method")
        return attrs.evolve(
            value, **{name: split(getattr(value, name)) for name in fields if hasattr(value, name)}
        )

    return attrs.evolve(
        duty_list,
        parts=tuple(
            attrs.evolve(
                part,
                categories=tuple(
                    attrs.evolve(category, items=tuple(item(i) for i in category.items))
                    for category in part.categories
                ),
            )
            for part in duty_list.parts
        ),
    )


def _sample(duty_list: DutyList, per_category: int = 4) -> DutyList:
    """Return the first two categories of each part, ``per_category`` items each."""
    return attrs.evolve(
        duty_list,
        parts=tuple(
            attrs.evolve(
                part,
                categories=tuple(
                    attrs.evolve(category, items=category.items[:per_category])
                    for category in part.categories[:2]
                ),
            )
            for part in duty_list.parts
        ),
    )


@pytest.fixture(scope="module")
def sample(mingzhu: DutyList) -> DutyList:
    return _sample(mingzhu)


@pytest.mark.parametrize(
    "options",
    [
        pytest.param({}, id="ruled-portrait-repeated-header"),
        pytest.param({"landscape": True}, id="ruled-landscape"),
        # Lines filled to within a tenth of a point: the next character did not fit.
        pytest.param({"landscape": True, "font_size": 11.5}, id="ruled-landscape-full-lines"),
        # A 。 or 、 ending a full line hangs past the cell's right border.
        pytest.param({"landscape": True, "font_size": 12.5}, id="ruled-landscape-hanging-stop"),
        pytest.param({"landscape": True, "font_size": 13.5}, id="ruled-landscape-hanging-comma"),
        pytest.param({"repeat_header": False, "font_size": 14}, id="no-repeated-header"),
        pytest.param({"ruled": False}, id="no-ruling-lines"),
        pytest.param({"ruled": False, "landscape": True}, id="no-ruling-lines-landscape"),
        pytest.param({"ruled": False, "font_size": 12}, id="no-ruling-lines-pages"),
        pytest.param(
            {"ruled": False, "font_size": 12, "repeat_header": False},
            id="no-ruling-lines-pages-no-repeated-header",
        ),
    ],
)
def test_a_reportlab_drawing_reads_back_as_the_list_drawn(
    sample: DutyList, tmp_path: Path, options: dict[str, object]
) -> None:
    back = read_pdf(draw_list(sample, tmp_path / "list.pdf", **options))  # type: ignore[arg-type]
    assert back.parts == sample.parts
    assert back.title == sample.title
    assert back.unplaced == ()


def test_repeated_header_rows_are_skipped(sample: DutyList, tmp_path: Path) -> None:
    path = draw_list(sample, tmp_path / "list.pdf", font_size=14)
    back = read_pdf(path)
    assert back.parts == sample.parts
    assert len({item.source.page for item in back.items if item.source}) > 3


def test_items_point_at_their_page_and_table_row(sample: DutyList, tmp_path: Path) -> None:
    back = read_pdf(draw_list(sample, tmp_path / "list.pdf"))
    first = back.parts[0].items[0]
    assert first.source is not None
    assert (first.source.page, first.source.row) == (1, 3)  # header, category, item
    assert first.source.describe() == f"{tmp_path / 'list.pdf'}，第 1 页，表格第 3 行"


@settings(max_examples=15, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(duty_lists(), st.sampled_from([10.0, 11.5, 12.5, 13.5]), st.booleans())
def test_model_to_pdf_to_model_is_the_identity(
    tmp_path: Path, duty_list: DutyList, font_size: float, landscape: bool
) -> None:
    duty_list = _one_paragraph_per_clause(duty_list)
    path = tmp_path / "drawn.pdf"
    back = read_pdf(draw_list(duty_list, path, font_size=font_size, landscape=landscape))
    assert attrs.evolve(back, metadata=duty_list.metadata) == duty_list


@settings(max_examples=10, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(duty_lists())
def test_a_watermark_and_a_seal_change_nothing_but_the_unplaced_text(
    tmp_path: Path, duty_list: DutyList
) -> None:
    duty_list = _one_paragraph_per_clause(duty_list)
    path = draw_list(duty_list, tmp_path / "drawn.pdf", watermark="内部资料", seal="明珠街道办事处")
    back = read_pdf(path)
    assert attrs.evolve(back, metadata=duty_list.metadata, unplaced=()) == duty_list
    assert {u.text for u in back.unplaced} <= {"内部资料 明珠街道办事处", "明珠街道办事处 内部资料"}
    assert all(_OVERLAID in u.reason for u in back.unplaced)


_OVERLAID = "叠加在页面上的文字"


@pytest.mark.parametrize(
    ("options", "overlaid"),
    [
        pytest.param({"watermark": "内部资料"}, "内部资料", id="watermark"),
        pytest.param(
            {"watermark": "明珠街道办事处", "ruled": False, "landscape": True},
            "明珠街道办事处",
            id="watermark-no-ruling-lines-landscape",
        ),
        pytest.param(
            {"seal": "吉林省长春市南关区明珠街道办事处"},
            "吉林省长春市南关区明珠街道办事处",
            id="seal",
        ),
        pytest.param(
            {"seal": "明珠街道办事处", "ruled": False}, "明珠街道办事处", id="seal-no-ruling-lines"
        ),
    ],
)
def test_a_watermark_or_seal_over_the_table_is_unplaced_not_read_into_cells(
    sample: DutyList, tmp_path: Path, options: dict[str, object], overlaid: str
) -> None:
    back = read_pdf(draw_list(sample, tmp_path / "list.pdf", font_size=12, **options))  # type: ignore[arg-type]
    assert back.parts == sample.parts
    [unplaced] = back.unplaced
    assert unplaced.text == overlaid  # the seal's ring in the order it was drawn
    assert _OVERLAID in unplaced.reason
    assert unplaced.location is not None
    assert unplaced.location.page == 1


def test_page_headers_and_numbered_footers_around_a_watermark(
    sample: DutyList, tmp_path: Path
) -> None:
    path = draw_list(
        sample,
        tmp_path / "list.pdf",
        font_size=13,
        running="明珠街道（2025年版）",
        watermark="内部资料",
    )
    back = read_pdf(path)
    assert back.parts == sample.parts
    assert [(u.text, _OVERLAID in u.reason) for u in back.unplaced] == [
        ("明珠街道（2025年版）", False),  # the running header; 第 n 页 共 99 页 is dropped
        ("内部资料", True),
    ]


def test_a_stream_and_load_read_as_a_path(sample: DutyList, tmp_path: Path) -> None:
    import dutylist

    path = draw_list(sample, tmp_path / "list.pdf")
    with path.open("rb") as stream:
        assert read_pdf(stream).parts == sample.parts
    assert dutylist.load(path).parts == sample.parts


def test_a_pdf_on_standard_input_is_recognised(sample: DutyList, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from dutylist.cli import main

    data = draw_list(sample, tmp_path / "list.pdf").read_bytes()
    result = CliRunner().invoke(main, ["convert", "-", str(tmp_path / "out.json")], input=data)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out.json").exists()
