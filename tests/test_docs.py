from __future__ import annotations

import contextlib
import io
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from dutylist.cli import main

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"


def _pages() -> dict[str, str]:
    return {path.stem: path.read_text(encoding="utf-8") for path in DOCS.glob("*.md")}


def test_every_command_is_documented_with_an_example() -> None:
    text = "\n".join(_pages().values())
    for name in main.commands:
        assert re.search(rf"dutylist {name}\b", text), f"no example of `dutylist {name}`"


def test_every_page_is_in_the_table_of_contents() -> None:
    index = _pages()["index"]
    for page in _pages():
        if page != "index":
            assert re.search(rf"^{page}$", index, re.MULTILINE), f"{page}.md not in the toctree"


def test_the_python_example_in_the_usage_page_runs(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    block = re.search(r"```python\n(.*?)```", _pages()["usage"], re.DOTALL)
    assert block is not None
    monkeypatch.chdir(tmp_path)
    (tmp_path / "examples").symlink_to(REPO / "examples")
    (tmp_path / "out").mkdir()
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(compile(block.group(1), "usage.md", "exec"), {})  # noqa: S102
    printed = output.getvalue().splitlines()
    commented = re.findall(r"# (.+)$", block.group(1), re.MULTILINE)
    assert printed[:2] == commented[:2]
    assert (tmp_path / "out" / "mingzhu.json").exists()


# -- every code sample runs (issue 8) ------------------------------------------------------

PAGES = sorted([*DOCS.glob("*.md"), REPO / "README.md"])
_FENCE = re.compile(r"^```(\w+)\n(.*?)^```$", re.MULTILINE | re.DOTALL)
_SHELL = re.compile(r"[|&;<>]")


def _blocks(page: Path, language: str) -> list[str]:
    return [
        body for lang, body in _FENCE.findall(page.read_text(encoding="utf-8")) if lang == language
    ]


def _workspace(folder: Path) -> Path:
    """Lay out what the samples expect: the examples, a lists/ folder, out/."""
    shutil.copytree(REPO / "examples", folder / "examples")
    (folder / "lists").mkdir()
    shutil.copy(REPO / "examples" / "mingzhu.json", folder / "lists" / "published.json")
    shutil.copy(REPO / "examples" / "mingzhu-revised.json", folder / "lists" / "duty-list.json")
    (folder / "out").mkdir()
    return folder


def _run_shell_line(line: str, folder: Path) -> None:
    """Run one sample command line; dutylist must exit 0 or 1 (findings, differences)."""
    if _SHELL.search(line):
        bin_dir = Path(sys.executable).parent
        result = subprocess.run(  # noqa: S603 - a documented sample, in a scratch folder
            ["bash", "-c", f"set -o pipefail; {line}"],  # noqa: S607
            cwd=folder,
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"},
        )
        code, errors = result.returncode, result.stderr
    else:
        outcome = CliRunner().invoke(main, shlex.split(line, comments=True)[1:])
        code, errors = outcome.exit_code, outcome.stderr
        assert not isinstance(outcome.exception, Exception) or isinstance(
            outcome.exception, SystemExit
        ), line
    assert code in {0, 1}, f"{line}\n{errors}"
    assert "Traceback" not in errors, line


def _shell_lines(page: Path) -> list[str]:
    lines = [
        line.strip()
        for block in _blocks(page, "sh")
        for line in block.splitlines()
        if re.search(r"(^|\| )dutylist ", line.strip())
    ]
    for document in _yaml_documents(page):
        lines += [line for line in _yaml_commands(document) if "dutylist " in line]
    return [line for line in lines if not line.startswith(("pip ", "make "))]


def _yaml_documents(page: Path) -> list[object]:
    import yaml

    return [yaml.safe_load(block) for block in _blocks(page, "yaml")]


def _yaml_commands(document: object) -> list[str]:
    """Return the shell commands of a GitHub Actions or GitLab CI document."""
    commands: list[str] = []
    if isinstance(document, dict):
        for key, value in document.items():
            if key == "run" and isinstance(value, str):
                commands += value.splitlines()
            elif key == "script" and isinstance(value, list):
                commands += [str(line) for line in value]
            else:
                commands += _yaml_commands(value)
    elif isinstance(document, list):
        for value in document:
            commands += _yaml_commands(value)
    return commands


def _check_prints(source: str, printed: list[str], page: Path) -> None:
    """Compare each ``print(...)  # expected`` (or a comment line after it) with its output."""
    lines = source.splitlines()
    prints = [index for index, line in enumerate(lines) if line.startswith("print(")]
    assert len(printed) == len(prints), f"{page.name}: one line per print"
    for output, index in zip(printed, prints, strict=True):
        line = lines[index]
        expected = line.partition("  # ")[2] if "  # " in line else None
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if expected is None and following.startswith("# "):
            expected = following.removeprefix("# ")
        if expected is not None:
            assert output == expected, f"{page.name}: {line}"


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_every_code_sample_runs(
    page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _workspace(tmp_path)
    monkeypatch.chdir(folder)
    for line in _shell_lines(page):
        _run_shell_line(line, folder)
    namespace: dict[str, object] = {}
    for source in _blocks(page, "python"):
        output = io.StringIO()
        with contextlib.redirect_stdout(output):
            exec(compile(source, page.name, "exec"), namespace)  # noqa: S102
        _check_prints(source, output.getvalue().splitlines(), page)


def test_the_samples_cover_the_commands_and_the_ci_page() -> None:
    every = [line for page in PAGES for line in _shell_lines(page)]
    for name in main.commands:
        assert any(f"dutylist {name}" in line for line in every), name
    ci = list(_shell_lines(DOCS / "ci.md"))
    assert any("--format github" in line for line in ci)
    assert any("--format sarif" in line for line in ci)
    assert any("--format junit" in line for line in ci)


def test_the_ci_jobs_write_valid_reports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import json
    from xml.etree import ElementTree as ET

    folder = _workspace(tmp_path)
    monkeypatch.chdir(folder)
    documents = _yaml_documents(DOCS / "ci.md")
    github = next(d for d in documents if isinstance(d, dict) and "jobs" in d)
    gitlab = next(d for d in documents if isinstance(d, dict) and "dutylist" in d)
    for line in _yaml_commands(github) + _yaml_commands(gitlab):
        if line.startswith("dutylist "):
            _run_shell_line(line, folder)
    assert json.loads((folder / "dutylist.sarif").read_text(encoding="utf-8"))["runs"]
    sarif_step = next(
        step for step in github["jobs"]["check"]["steps"] if "sarif_file" in step.get("with", {})
    )
    assert (folder / sarif_step["with"]["sarif_file"]).exists()
    junit = gitlab["dutylist"]["artifacts"]["reports"]["junit"]
    assert ET.parse(folder / junit).getroot().tag in {"testsuites", "testsuite"}  # noqa: S314


def test_the_pre_commit_hook_names_an_existing_entry_point() -> None:
    import importlib
    import tomllib

    import yaml

    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "scripts"
    ]
    assert hooks
    for hook in hooks:
        assert {"id", "name", "entry", "language"} <= set(hook)
        assert hook["language"] == "python"
        program, *arguments = shlex.split(hook["entry"])
        module, _, function = scripts[program].partition(":")
        command = getattr(importlib.import_module(module), function)
        assert arguments[0] in command.commands
        re.compile(hook.get("files", ""))


# -- the reference pages ------------------------------------------------------------------


def _option_names(command: click.Command) -> list[str]:
    names = [
        opt
        for param in command.params
        if isinstance(param, click.Option)
        for opt in (*param.opts, *param.secondary_opts)
    ]
    for sub in getattr(command, "commands", {}).values():
        names += _option_names(sub)
    return names


def test_the_cli_reference_renders_every_option(tmp_path: Path) -> None:
    source = tmp_path / "source"
    source.mkdir()
    shutil.copy(DOCS / "conf.py", source / "conf.py")
    shutil.copy(DOCS / "cli.md", source / "cli.md")
    (source / "_static").mkdir()
    result = subprocess.run(  # noqa: S603 - sphinx from our own environment
        [
            sys.executable,
            "-m",
            "sphinx",
            "-q",
            "-b",
            "text",
            "-D",
            "root_doc=cli",
            str(source),
            str(tmp_path / "text"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "text" / "cli.txt").read_text(encoding="utf-8")
    for raw in (".. click::", ".. option::", ".. program::", ":prog:", "{click}", ":nested:"):
        assert raw not in text, raw
    for name in main.commands:
        assert f"dutylist {name}" in text, name
    for option in _option_names(main):
        assert option in text, option


def _documented(page: str) -> tuple[set[str], dict[str, set[str] | None]]:
    """Return the objects named by auto directives, and automodule → members (None: all)."""
    objects = set(re.findall(r"^\.\. (?:auto\w+|py:\w+):: ([\w.]+)$", page, re.MULTILINE)) - set(
        re.findall(r"^\.\. automodule:: ([\w.]+)$", page, re.MULTILINE)
    )
    modules: dict[str, set[str] | None] = {}
    for module, members in re.findall(
        r"^\.\. automodule:: ([\w.]+)\n((?:   :.*\n)*)", page, re.MULTILINE
    ):
        listed = re.search(r":members: (.+)", members)
        modules[module] = {m.strip() for m in listed.group(1).split(",")} if listed else None
    return objects, modules


def test_the_api_reference_covers_every_public_name() -> None:
    import importlib

    import dutylist

    objects, modules = _documented(_pages()["api"] + "\n")
    missing = []
    for name in dutylist.__all__:
        value = getattr(dutylist, name)
        if any(target.endswith(f".{name}") for target in objects):
            continue
        if any(
            getattr(importlib.import_module(module), name, None) is value
            and (members is None or name in members)
            for module, members in modules.items()
        ):
            continue
        missing.append(name)
    assert missing == []
