from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dutylist._version import __version__
from dutylist.cli import main
from dutylist.errors import ReadError


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0
    assert __version__ in out


def test_convert_reference_text_to_json_and_json_to_identical_json(
    seed_path: Path, tmp_path: Path
) -> None:
    first = tmp_path / "m.json"
    code, _, err = run("convert", str(seed_path), str(first))
    assert code == 0
    assert "清单的另一个版本" in err  # the unread rendering is reported, not dropped
    data = json.loads(first.read_text(encoding="utf-8"))
    counts = [sum(len(c["items"]) for c in part["categories"]) for part in data["parts"]]
    assert counts == [93, 106, 94]
    second = tmp_path / "m2.json"
    code, _, _ = run("convert", str(first), str(second))
    assert code == 0
    assert second.read_bytes() == first.read_bytes()


def test_convert_reads_the_attachment_rendering_on_request(seed_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "a.json"
    code, _, err = run("convert", "--rendering", "attachment", str(seed_path), str(out))
    assert code == 0
    assert "第 1–3678 行是清单的另一个版本" in err
    data = json.loads(out.read_text(encoding="utf-8"))
    counts = [sum(len(c["items"]) for c in part["categories"]) for part in data["parts"]]
    assert counts == [93, 106, 94]
    assert "notes" not in data


def test_show_prints_categories_with_declared_and_actual_counts(seed_path: Path) -> None:
    code, out, _ = run("show", str(seed_path))
    assert code == 0
    assert "六、 文化和旅游 （1项）" in out
    assert "共 293 项：基本事项 93 项，配合事项 106 项，收回事项 94 项" in out


def test_show_marks_a_count_mismatch(tmp_path: Path, seed_path: Path) -> None:
    from dutylist.io import load
    from dutylist.reports.summary import category_counts

    converted = tmp_path / "m.json"
    run("convert", str(seed_path), str(converted))
    data = json.loads(converted.read_text(encoding="utf-8"))
    data["parts"][0]["categories"][0]["declared_count"] = 26
    converted.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    counts = category_counts(load(converted))
    assert [(c.declared, c.actual, c.matches) for c in counts[:2]] == [
        (26, 25, False),
        (8, 8, True),
    ]
    result = CliRunner().invoke(main, ["show", str(converted)], env={"FORCE_COLOR": "1"})
    assert result.exit_code == 0
    row = next(line for line in result.stdout.splitlines() if "党的建设（25项）" in line)
    assert "\x1b[31m25" in row  # the actual count in red


@pytest.mark.parametrize(
    ("name", "content", "needle"),
    [
        ("empty.json", b"", "文件为空"),
        ("junk.txt", b"\x00\x01\x02\x03", "不是文本文件"),
        ("junk.json", b"\x89PNG\r\n\x1a\n\x00\x00", "不是 UTF-8"),
        ("shape.json", b'{"schema_version": 1, "title": 3}', "$.title"),
        ("letter.txt", "尊敬的领导：\n\n您好。\n".encode(), "没有找到事项清单"),
        ("list.csv", b"a,b\n", "无法从后缀"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    tmp_path: Path, name: str, content: bytes, needle: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    code, out, err = run("convert", str(path), str(tmp_path / "out.json"))
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("dutylist: error: ")
    assert str(path) in lines[0]
    assert needle in lines[0]
    assert "Traceback" not in err + out
    assert not (tmp_path / "out.json").exists()


def test_missing_file_exits_2(tmp_path: Path) -> None:
    code, _, err = run("show", str(tmp_path / "nowhere.json"))
    assert code == 2
    assert err.strip() == f"dutylist: error: {tmp_path / 'nowhere.json'}: 文件不存在"


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["--debug", "show", str(tmp_path / "x.json")])
    assert isinstance(result.exception, ReadError)
    assert result.exception.location is not None
    assert result.exception.location.file == str(tmp_path / "x.json")


def test_refuses_to_overwrite_its_input(seed_path: Path, tmp_path: Path) -> None:
    converted = tmp_path / "m.json"
    run("convert", str(seed_path), str(converted))
    before = converted.read_bytes()
    code, _, err = run("convert", str(converted), str(converted))
    assert code == 2
    assert "拒绝覆盖" in err
    assert converted.read_bytes() == before


def test_cannot_write_text(seed_path: Path, tmp_path: Path) -> None:
    code, _, err = run("convert", str(seed_path), str(tmp_path / "out.txt"))
    assert code == 2
    assert "不能写出 text 格式" in err


def test_convert_records_version_label_and_publication_date(
    seed_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "m.json"
    code, _, _ = run(
        "convert", str(seed_path), str(out), "--label", "2025年版", "--published", "2025-03-01"
    )
    assert code == 0
    metadata = json.loads(out.read_text(encoding="utf-8"))["metadata"]
    assert metadata == {
        "source_file": "mingzhu.txt",
        "version": "2025年版",
        "published": "2025-03-01",
    }


def test_reader_warnings_are_printed_for_docx(tmp_path: Path) -> None:
    from tests.builders import Layout, build_docx, sample_spec

    source = build_docx(sample_spec(), tmp_path / "tracked.docx", Layout(tracked_changes=True))
    code, _, err = run("convert", str(source), str(tmp_path / "out.json"))
    assert code == 0
    assert "已接受修订" in err
    assert err.startswith(f"dutylist: note: {source}: ")


def test_converting_the_revised_example_to_docx_loses_no_edit(tmp_path: Path) -> None:
    # issue 8: `convert mingzhu-revised.json rev.docx && diff mingzhu-revised.json rev.docx`
    revised = Path(__file__).resolve().parents[2] / "examples" / "mingzhu-revised.json"
    runner = CliRunner()
    converted = runner.invoke(main, ["convert", str(revised), str(tmp_path / "rev.docx")])
    assert converted.exit_code == 0, converted.output
    compared = runner.invoke(
        main,
        ["diff", str(revised), str(tmp_path / "rev.docx"), "--format", "json", "--exit-code"],
    )
    assert json.loads(compared.stdout)["changes"] == []
    assert compared.exit_code == 0
