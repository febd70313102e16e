"""The command-line conventions every command follows (issue 8): ``-`` for standard input
and output, ``-q``/``-v``, devices written in place, writable ``--to`` formats, text diffs
that keep their markers in a pipe, and reports that name both versions."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from dutylist.cli import main
from tests.reports.docx_dump import dump_docx

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
MINGZHU = EXAMPLES / "mingzhu.json"
REVISED = EXAMPLES / "mingzhu-revised.json"


def _invoke(*args: object, stdin: bytes | None = None):
    return CliRunner().invoke(main, [str(arg) for arg in args], input=stdin)


def _run(*args: object, cwd: Path, stdout: object = subprocess.PIPE):
    return subprocess.run(  # noqa: S603 - our own interpreter and package
        [sys.executable, "-m", "dutylist", *map(str, args)],
        cwd=cwd,
        stdout=stdout,
        stderr=subprocess.PIPE,
        check=False,
        env={**os.environ, "PYTHONPATH": str(REPO / "src")},
    )


# -- standard input -----------------------------------------------------------------------


def test_check_reads_standard_input() -> None:
    result = _invoke("check", "-", "--format", "json", stdin=MINGZHU.read_bytes())
    assert result.exit_code == 1, result.stderr
    report = json.loads(result.stdout)
    assert report["summary"]["error"] >= 1
    assert report["source"] is None


@pytest.mark.parametrize("command", ["show", "departments", "check"])
def test_a_text_capture_on_standard_input_is_told_by_its_content(command: str) -> None:
    result = _invoke(command, "-", stdin=(EXAMPLES / "mingzhu.txt").read_bytes())
    assert result.exit_code in {0, 1}, result.stderr
    assert result.stdout


def test_convert_from_standard_input_to_standard_output() -> None:
    result = _invoke("convert", "-", "-", "--to", "json", stdin=MINGZHU.read_bytes())
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == json.loads(MINGZHU.read_text(encoding="utf-8"))


def test_standard_input_of_unknown_format_needs_from() -> None:
    result = _invoke("show", "-", stdin=b"\x00\x01\x02 binary")
    assert result.exit_code == 2
    assert "--from" in result.stderr
    assert "Traceback" not in result.output
    named = _invoke("show", "-", "--from", "json", stdin=MINGZHU.read_bytes())
    assert named.exit_code == 0


def test_diff_takes_one_side_from_standard_input() -> None:
    result = _invoke("diff", MINGZHU, "-", "--format", "json", stdin=REVISED.read_bytes())
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["changes"]
    assert _invoke("diff", "-", "-", stdin=b"{}").exit_code == 2


# -- standard output and devices ----------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "marker"),
    [
        (("check", MINGZHU, "--format", "sarif"), b'"version": "2.1.0"'),
        (("diff", MINGZHU, REVISED, "--format", "html"), b"<!DOCTYPE html>"),
        (("diff", MINGZHU, REVISED, "--format", "docx"), b"PK\x03\x04"),
    ],
)
def test_dash_output_is_standard_output(
    command: tuple[object, ...], marker: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, [*map(str, command), "-o", "-"])
    assert result.exit_code in {0, 1}, result.stderr
    assert marker in result.stdout_bytes
    assert not (tmp_path / "-").exists()


def test_dev_stdout_redirected_to_a_file_is_written_in_place(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    with target.open("wb") as stream:
        inode = os.fstat(stream.fileno()).st_ino
        result = _run(
            "check", MINGZHU, "--format", "json", "-o", "/dev/stdout", cwd=tmp_path, stdout=stream
        )
    assert result.returncode == 1, result.stderr
    # written through the shell's open file, not replaced by a rename behind its back
    assert target.stat().st_ino == inode
    assert json.loads(target.read_text(encoding="utf-8"))["dutylist_report"] == 1


def test_dev_stdout_as_a_pipe_and_dev_null(tmp_path: Path) -> None:
    piped = _run("convert", MINGZHU, "/dev/stdout", "--to", "json", cwd=tmp_path)
    assert piped.returncode == 0, piped.stderr
    assert json.loads(piped.stdout)["title"]
    quiet = _run("diff", MINGZHU, REVISED, "--format", "markdown", "-o", "/dev/null", cwd=tmp_path)
    assert quiet.returncode == 0, quiet.stderr
    assert Path("/dev/null").is_char_device()


def test_convert_offers_only_writable_formats(tmp_path: Path) -> None:
    help_text = _invoke("convert", "--help").stdout
    assert "[docx|json|xlsx]" in help_text
    refused = _invoke("convert", MINGZHU, tmp_path / "out.txt", "--to", "text")
    assert refused.exit_code == 2
    assert not (tmp_path / "out.txt").exists()


# -- quiet and verbose --------------------------------------------------------------------


def test_quiet_hides_notes_and_verbose_adds_detail(tmp_path: Path) -> None:
    capture = EXAMPLES / "mingzhu.txt"
    plain = _invoke("show", capture)
    assert "note:" in plain.stderr
    assert "note:" not in _invoke("-q", "show", capture).stderr
    verbose = _invoke("-v", "convert", capture, tmp_path / "out.json")
    assert verbose.exit_code == 0
    assert "293" in verbose.stderr
    assert str(tmp_path / "out.json") in verbose.stderr
    assert "293" not in plain.stderr


# -- the text diff in a pipe --------------------------------------------------------------


def test_a_piped_text_diff_keeps_its_markers_and_long_lines() -> None:
    result = _invoke("diff", MINGZHU, REVISED)
    assert result.exit_code == 0
    assert "[-区人社局-]{+区人力资源和社会保障局+}" in result.stdout
    assert "{+" in result.stdout
    long_line = next(line for line in result.stdout.splitlines() if "主次街路主次街路" in line)
    assert long_line.rstrip().endswith("进行清理。")


# -- versions named -----------------------------------------------------------------------

LABELS = ("--label", "2024版", "--label", "2025年第一次调整")


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
def test_every_text_report_names_both_versions(fmt: str) -> None:
    result = _invoke("diff", MINGZHU, REVISED, "--format", fmt, *LABELS)
    assert result.exit_code == 0, result.stderr
    body = result.stdout.partition("<body>")[2] if fmt == "html" else result.stdout
    head = body if fmt == "json" else body[:2000]
    assert "2024版" in head
    assert "2025年第一次调整" in head
    if fmt != "json":
        assert head.index("2024版") < head.index("2025年第一次调整")
        assert "mingzhu.json" in head


@pytest.mark.parametrize("redline", [False, True])
def test_docx_reports_name_both_versions(redline: bool, tmp_path: Path) -> None:
    out = tmp_path / "report.docx"
    args = ["diff", MINGZHU, REVISED, "--format", "docx", "-o", out, *LABELS]
    result = _invoke(*args, *(["--redline"] if redline else []))
    assert result.exit_code == 0, result.stderr
    text = dump_docx(out.read_bytes())
    assert "2024版" in text
    assert "2025年第一次调整" in text


def test_without_labels_the_metadata_version_names_a_version() -> None:
    result = _invoke("diff", MINGZHU, REVISED, "--format", "markdown")
    revised_version = json.loads(REVISED.read_text(encoding="utf-8"))["metadata"]["version"]
    assert revised_version
    assert revised_version in result.stdout.splitlines()[0]


def test_html_reports_print_on_a4() -> None:
    result = _invoke("diff", MINGZHU, REVISED, "--format", "html")
    assert "@page { size: A4" in result.stdout
