"""Text laid over a page (watermarks, seals) is told from text set into it."""

from __future__ import annotations

import math

from dutylist.io.pdf.overlay import overlay_runs, split_overlay


def _char(
    text: str, x: float, y: float, *, size: float = 10, degrees: float = 0
) -> dict[str, object]:
    angle = math.radians(degrees)
    matrix = (math.cos(angle), math.sin(angle), -math.sin(angle), math.cos(angle), x, y)
    return {"text": text, "x0": x, "x1": x + size, "top": 800 - y - size, "bottom": 800 - y,
            "size": size, "matrix": matrix}  # fmt: skip


def _body(count: int = 20) -> list[dict[str, object]]:
    return [_char("字", 72 + 10 * (k % 10), 700 - 14 * (k // 10)) for k in range(count)]


def test_slanted_text_is_overlaid_and_text_turned_by_a_right_angle_is_not() -> None:
    slanted = [
        _char(c, 200 + 40 * k, 300 + 28 * k, size=10, degrees=35) for k, c in enumerate("内部资料")
    ]
    vertical = [_char(c, 50, 600 - 10 * k, degrees=90) for k, c in enumerate("党的建设")]
    kept, overlaid = split_overlay([*_body(), *slanted, *vertical])
    assert "".join(str(c["text"]) for c in overlaid) == "内部资料"
    assert len(kept) == 24


def test_text_far_larger_than_the_page_s_is_overlaid_and_a_title_is_not() -> None:
    title = [_char(c, 200 + 22 * k, 760, size=22) for k, c in enumerate("履行职责事项清单")]
    huge = [_char(c, 100 + 60 * k, 400, size=60) for k, c in enumerate("样本")]
    kept, overlaid = split_overlay([*title, *_body(40), *huge])
    assert [c["text"] for c in overlaid] == ["样", "本"]
    assert len(kept) == 48


def test_an_upright_character_amid_a_seal_s_ring_belongs_to_the_ring() -> None:
    ring = []
    for k, c in enumerate("明珠街道办"):
        degrees = 60 - 30 * k  # the middle character stands upright
        angle = math.radians(90 + degrees)
        ring.append(
            _char(
                c, 400 + 40 * math.cos(angle), 200 + 40 * math.sin(angle), size=13, degrees=degrees
            )
        )
    _kept, overlaid = split_overlay([*_body(), *ring])
    assert overlay_runs(overlaid) == ["明珠街道办"]


def test_runs_break_where_the_drawing_jumps_elsewhere() -> None:
    first = [
        _char(c, 100 + 50 * k, 300 + 35 * k, size=48, degrees=35) for k, c in enumerate("内部")
    ]
    second = [
        _char(c, 300 + 50 * k, 600 + 35 * k, size=48, degrees=35) for k, c in enumerate("资料")
    ]
    assert overlay_runs([*first, _char(" ", 0, 0), *second]) == ["内部", "资料"]
