"""The report fixtures: the reference list and its illustrative revision, and their diff.

Sources are stripped (item locations name the absolute path of the capture, which differs
between machines) so rendered reports are the same everywhere.
"""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path

import attrs

from dutylist.diff import diff_lists
from dutylist.diff.changes import ChangeSet
from dutylist.model import DutyList

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "examples" / "mingzhu.txt"
EXPECTED = REPO / "tests" / "data" / "expected"


def strip_sources(duty_list: DutyList) -> DutyList:
    """Return ``duty_list`` without source locations."""
    return attrs.evolve(
        duty_list,
        parts=tuple(
            attrs.evolve(
                part,
                source=None,
                categories=tuple(
                    attrs.evolve(
                        category,
                        source=None,
                        items=tuple(attrs.evolve(item, source=None) for item in category.items),
                    )
                    for category in part.categories
                ),
            )
            for part in duty_list.parts
        ),
    )


def make_revision(duty_list: DutyList) -> DutyList:
    """Return the illustrative revision of examples/revision.py."""
    spec = importlib.util.spec_from_file_location("revision", REPO / "examples" / "revision.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    revised: DutyList = module.make_revision(duty_list)
    return revised


@functools.cache
def pair() -> tuple[DutyList, DutyList, ChangeSet]:
    """Return (old, new, changeset) for the reference revision, with the new list's registry."""
    from dutylist.departments.registry import registry_for
    from dutylist.io.text import read_text

    old = strip_sources(read_text(SEED))
    new = make_revision(old)
    return old, new, diff_lists(old, new, registry=registry_for(new))
