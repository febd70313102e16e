"""The built wheel, installed without the dev dependencies, runs the README from elsewhere.

The wheel is built by the project's own uv (``.tools/bin/uv``, which ``make`` installs)
and installed into a fresh venv with exactly the locked runtime dependencies (plus the
``schema-check`` group: jsonschema), all from uv's cache: no network needed once
``make`` has synced the project.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.test_docs import _blocks, _check_prints

REPO = Path(__file__).resolve().parent.parent


def _uv() -> Path:
    local = REPO / ".tools" / "bin" / "uv"
    found = local if local.exists() else shutil.which("uv")
    if found is None:
        pytest.fail("uv is missing: `make .tools/bin/uv` installs the project's pinned uv")
    return Path(found)


def _run(
    command: list[object], cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(  # noqa: S603 - our own tools, fixed arguments
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    env = {**os.environ, "UV_PYTHON_DOWNLOADS": "never"}
    _run([_uv(), "build", "--wheel", "--offline", "-q", "--out-dir", dist, "--python",
          sys.executable], cwd=REPO, env=env)  # fmt: skip
    (built,) = dist.glob("dutylist-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("venv") / "env"
    env = {
        **os.environ,
        "UV_PYTHON_DOWNLOADS": "never",
        "UV_PROJECT_ENVIRONMENT": str(target),
    }
    env.pop("VIRTUAL_ENV", None)
    _run([_uv(), "sync", "--frozen", "--offline", "-q", "--no-dev", "--group", "schema-check",
          "--no-install-project", "--python", sys.executable], cwd=REPO, env=env)  # fmt: skip
    _run([_uv(), "pip", "install", "--offline", "-q", "--no-deps", "--python",
          target / "bin" / "python", wheel], cwd=REPO, env=env)  # fmt: skip
    return target


@pytest.mark.slow
def test_the_wheel_holds_schemas_data_licence_and_entry_point(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_points = next(n for n in names if n.endswith("entry_points.txt"))
        scripts = archive.read(entry_points).decode("utf-8")
        metadata = archive.read(next(n for n in names if n.endswith("METADATA"))).decode()
    for schema in ("dutylist", "changeset", "report"):
        assert f"dutylist/schemas/{schema}.schema.json" in names
    assert "dutylist/py.typed" in names
    assert "dutylist/data/departments.toml" in names
    assert "dutylist/reports/templates/changes.html.j2" in names
    assert any(name.endswith("licenses/LICENSE") for name in names)
    assert "dutylist = dutylist.cli:main" in scripts
    assert "Project-URL: Source" in metadata
    assert "Provides-Extra: pdf" in metadata
    assert "Provides-Extra: parquet" in metadata


@pytest.mark.slow
def test_the_installed_wheel_runs_every_readme_command_from_another_folder(
    venv: Path, tmp_path: Path
) -> None:
    python = venv / "bin" / "python"
    code = (
        "import importlib.util as u, dutylist; "
        "print(dutylist.__file__, u.find_spec('pytest'), u.find_spec('hypothesis'))"
    )
    probe = _run([python, "-c", code], cwd=tmp_path)
    location, pytest_spec, hypothesis_spec = probe.stdout.split()
    assert Path(location).is_relative_to(venv)
    assert (pytest_spec, hypothesis_spec) == ("None", "None")  # no dev dependencies
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(REPO / "examples", elsewhere / "examples")
    env = {**os.environ, "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}"}
    env.pop("PYTHONPATH", None)
    readme = REPO / "README.md"
    commands = [
        line.strip()
        for block in _blocks(readme, "sh")
        for line in block.splitlines()
        if line.startswith("dutylist ")
    ]
    assert len(commands) >= 5
    for command in commands:
        result = subprocess.run(  # noqa: S603 - a README command, in a scratch folder
            ["bash", "-c", command],  # noqa: S607
            cwd=elsewhere,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode in {0, 1}, f"{command}\n{result.stderr}"
        assert "Traceback" not in result.stderr, command
    for source in _blocks(readme, "python"):
        result = _run([python, "-c", source], cwd=elsewhere, env=env)
        _check_prints(source, result.stdout.splitlines(), readme)


@pytest.mark.slow
def test_jsonschema_validates_a_change_set_through_the_shipped_registry(
    venv: Path, tmp_path: Path
) -> None:
    changeset = tmp_path / "changes.json"
    examples = REPO / "examples"
    old, new = examples / "mingzhu.json", examples / "mingzhu-revised.json"
    command = [venv / "bin" / "dutylist", "diff", old, new, "--format", "json", "-o", changeset]
    _run(command, cwd=tmp_path)
    script = """
import json, sys
import jsonschema
import dutylist.schemas

schema = dutylist.schemas.load("changeset")
validator = jsonschema.Draft202012Validator(schema, registry=dutylist.schemas.registry())
data = json.load(open(sys.argv[1], encoding="utf-8"))
validator.validate(data)
broken = dict(data, old={"title": 1})
print(len(list(validator.iter_errors(broken))) > 0)
"""
    result = _run([venv / "bin" / "python", "-c", script, changeset], cwd=tmp_path)
    assert result.stdout.strip() == "True"
    assert json.loads(changeset.read_text(encoding="utf-8"))["changes"]
