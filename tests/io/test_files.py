from __future__ import annotations

import stat
from pathlib import Path

import pytest

from dutylist.errors import WriteError
from dutylist.io.files import write_atomically


def test_writes_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    write_atomically(target, b"one")
    write_atomically(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no temporary left behind


def test_keeps_the_permissions_of_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_atomically(target, b"new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_refuses_a_read_only_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(b"old")
    target.chmod(0o444)
    with pytest.raises(WriteError, match="只读"):
        write_atomically(target, b"new")
    assert target.read_bytes() == b"old"


def test_writes_through_a_symbolic_link(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_bytes(b"old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_atomically(link, b"new")
    assert link.is_symlink()
    assert real.read_bytes() == b"new"


def test_a_missing_folder_or_a_directory_is_a_write_error(tmp_path: Path) -> None:
    with pytest.raises(WriteError, match="无法写入"):
        write_atomically(tmp_path / "missing" / "out.json", b"x")
    with pytest.raises(WriteError, match="是文件夹"):
        write_atomically(tmp_path, b"x")


def test_a_pipe_or_a_link_to_one_is_written_in_place_not_replaced(tmp_path: Path) -> None:
    import os
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "link"
    link.symlink_to(fifo)
    received: list[bytes] = []
    for target in (fifo, link):
        reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
        reader.start()
        write_atomically(target, b"through the pipe")
        reader.join(timeout=10)
    assert received == [b"through the pipe", b"through the pipe"]
    assert fifo.is_fifo()
    assert link.is_symlink()


def test_dev_null_is_written_in_place() -> None:
    write_atomically("/dev/null", b"nothing")
    assert Path("/dev/null").is_char_device()
