"""Formats dutylist cannot read yet fail with one clear error naming the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from dutylist.errors import ReadError
from dutylist.io import load


def test_ofd_is_refused_as_not_supported_yet(tmp_path: Path) -> None:
    path = tmp_path / "list.ofd"
    path.write_bytes(b"PK\x03\x04 an OFD package")
    with pytest.raises(ReadError, match="OFD") as caught:
        load(path)
    assert str(path) in str(caught.value)
    assert "\n" not in str(caught.value)


def test_wps_writer_files_get_the_docx_conversion_command(tmp_path: Path) -> None:
    path = tmp_path / "list.wps"
    path.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 512)
    with pytest.raises(ReadError, match="--convert-to docx"):
        load(path)
