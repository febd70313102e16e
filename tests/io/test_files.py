from __future__ import annotations

import errno
import io
import os
import random
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dutylist.errors import ReadError, UsageError, WriteError
from dutylist.io import files
from dutylist.io.files import (
    input_limit,
    max_input_bytes,
    read_bounded,
    same_file,
    write_atomically,
)


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
    with pytest.raises(WriteError, match="文件夹不存在"):
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


# -- faults: a full disk, a killed process ---------------------------------------------------


class _FullDisk(io.BufferedWriter):
    """A file that takes ``room`` bytes, then fails as a full disk does."""

    room = 10

    def write(self, data: bytes) -> int:  # type: ignore[override]
        if len(data) > self.room:
            raise OSError(errno.ENOSPC, "No space left on device")
        return super().write(data)


def test_a_full_disk_keeps_the_old_file_and_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(b"old content")

    def fdopen(handle: int, mode: str) -> io.BufferedWriter:
        return _FullDisk(io.FileIO(handle, "w"))

    monkeypatch.setattr(files.os, "fdopen", fdopen)
    with pytest.raises(WriteError) as caught:
        write_atomically(target, b"new content, longer than the room left")
    assert caught.value.location is not None
    assert caught.value.location.file == str(target)
    assert target.read_bytes() == b"old content"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


_WRITER = """
import sys
from dutylist.io.files import write_atomically
target, size = sys.argv[1], int(sys.argv[2])
print("ready", flush=True)
for round in range(10**6):
    write_atomically(target, (b"AB"[round % 2 : round % 2 + 1]) * size)
"""


def test_a_process_killed_mid_write_leaves_a_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"
    size = 4 << 20
    target.write_bytes(b"O" * size)
    rng = random.Random(7)  # noqa: S311 - test timing, not cryptography
    for _ in range(8):
        process = subprocess.Popen(  # noqa: S603 - our own writer
            [sys.executable, "-c", _WRITER, str(target), str(size)],
            stdout=subprocess.PIPE,
        )
        assert process.stdout is not None
        process.stdout.readline()  # started
        time.sleep(rng.uniform(0.0, 0.3))
        process.send_signal(signal.SIGKILL)
        process.wait()
        process.stdout.close()
        data = target.read_bytes()
        assert len(data) == size
        assert data in {b"O" * size, b"A" * size, b"B" * size}


def test_an_output_path_that_loops_or_is_too_long_is_a_write_error(tmp_path: Path) -> None:
    (tmp_path / "loop1").symlink_to(tmp_path / "loop2")
    (tmp_path / "loop2").symlink_to(tmp_path / "loop1")
    for path in (tmp_path / "loop1", tmp_path / ("x" * 300), tmp_path / "a\x00b"):
        with pytest.raises(WriteError):
            write_atomically(path, b"x")


# -- bounded reading -------------------------------------------------------------------------


def test_reading_stops_at_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "list.json"
    path.write_bytes(b"x" * 100)
    assert read_bounded(path, 100) == b"x" * 100
    with pytest.raises(ReadError, match="DUTYLIST_MAX_INPUT"):
        read_bounded(path, 99)
    monkeypatch.setenv("DUTYLIST_MAX_INPUT", "50")
    with pytest.raises(ReadError):
        read_bounded(path)
    with input_limit(1000):
        assert read_bounded(path) == b"x" * 100
    monkeypatch.setenv("DUTYLIST_MAX_INPUT", "1K")
    assert max_input_bytes() == 1024
    monkeypatch.setenv("DUTYLIST_MAX_INPUT", "lots")
    with pytest.raises(UsageError):
        max_input_bytes()


def test_a_stream_is_bounded_too() -> None:
    with pytest.raises(ReadError):
        read_bounded(io.BytesIO(b"x" * 11), 10)
    assert read_bounded(io.BytesIO(b"x" * 10), 10) == b"x" * 10


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null", "/dev/urandom"])
def test_devices_are_refused_without_reading(device: str, tmp_path: Path) -> None:
    link = tmp_path / "list.json"
    link.symlink_to(device)
    with pytest.raises(ReadError) as caught:
        read_bounded(link)
    assert caught.value.location is not None
    assert caught.value.location.file == str(link)


def test_a_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    pipe = tmp_path / "list.json"
    os.mkfifo(pipe)
    with pytest.raises(ReadError):
        read_bounded(pipe)


def test_missing_folders_and_loops_are_read_errors(tmp_path: Path) -> None:
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    for path in (tmp_path / "missing.json", tmp_path, tmp_path / "loop", tmp_path / ("x" * 300)):
        with pytest.raises(ReadError):
            read_bounded(path)


def test_an_output_is_the_same_file_as_an_input_under_another_name(tmp_path: Path) -> None:
    real = tmp_path / "list.json"
    real.write_bytes(b"{}")
    (tmp_path / "alias.json").symlink_to(real)
    (tmp_path / "sub").mkdir()
    assert same_file(tmp_path / "alias.json", real)
    assert same_file(tmp_path / "sub" / ".." / "list.json", real)
    assert not same_file(tmp_path / "other.json", real)
