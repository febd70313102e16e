"""The repository stands alone: no tracked file refers to a path outside it (issue 8)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# Spelled in pieces so that this file does not name them itself.
OUTSIDE = ("../" + "shared", "/" + "work/")
EXEMPT = {"CHANGELOG.md"}


def _tracked_files() -> list[Path]:
    git = shutil.which("git")
    if git is None or not (REPO / ".git").exists():  # an unpacked archive: every file
        local = {".git", ".venv", ".tools", "__pycache__", "_build", "out", ".hypothesis"}
        return [
            path
            for path in REPO.rglob("*")
            if not local & set(path.relative_to(REPO).parts) and "cache" not in str(path)
        ]
    listed = subprocess.run(  # noqa: S603 - git from PATH, fixed arguments
        [git, "ls-files", "-z"], cwd=REPO, capture_output=True, check=True
    ).stdout
    return [REPO / name for name in listed.decode("utf-8").split("\0") if name]


def test_no_tracked_file_refers_to_a_path_outside_the_repository() -> None:
    offenders = []
    for path in _tracked_files():
        if path.name in EXEMPT or not path.is_file():
            continue
        data = path.read_bytes()
        if b"\0" in data[:4096]:
            continue  # binary
        text = data.decode("utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), start=1):
            if any(outside in line for outside in OUTSIDE):
                offenders.append(f"{path.relative_to(REPO)}:{number}: {line.strip()[:80]}")
    assert offenders == []
