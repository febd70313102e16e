from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import dutylist

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _build_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("examples_build", EXAMPLES / "build.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["examples_build"] = module
    spec.loader.exec_module(module)
    return module


def test_committed_examples_equal_a_fresh_build(tmp_path: Path) -> None:
    written = _build_module().build(tmp_path)
    assert written
    for path in written:
        if path.suffix == ".json":
            assert path.read_bytes() == (EXAMPLES / path.name).read_bytes(), path.name
        else:
            assert dutylist.load(path) == dutylist.load(EXAMPLES / path.name), path.name


def test_the_example_is_the_reference_list() -> None:
    example = dutylist.load(EXAMPLES / "mingzhu.json")
    assert [len(part.items) for part in example.parts] == [93, 106, 94]


def test_edited_items_of_the_revision_carry_no_stale_provenance() -> None:
    from dutylist.diff import ChangeKind, diff_lists

    old = dutylist.load(EXAMPLES / "mingzhu.json")
    new = dutylist.load(EXAMPLES / "mingzhu-revised.json")
    edited = [
        item
        for change in diff_lists(old, new).changes
        if change.kind is not ChangeKind.MOVED
        for item in change.new_items
    ]
    assert len(edited) >= 8
    assert [item.name for item in edited if item.source is not None] == []
    renamed = [c for p in new.parts for c in p.categories if c.title == "乡村全面振兴"]
    assert renamed
    assert renamed[0].source is None
