"""Compare two versions of a list: :func:`diff_lists` makes a ChangeSet, :func:`apply` replays it.

The modules: :mod:`~dutylist.diff.align` matches items by content,
:mod:`~dutylist.diff.fields` compares matched pairs, :mod:`~dutylist.diff.inline` makes
character-level diffs of Chinese text, :mod:`~dutylist.diff.compute` assembles the
:class:`~dutylist.diff.changes.ChangeSet`, :mod:`~dutylist.diff.patch` applies it and
:mod:`~dutylist.diff.serialize` writes it as JSON.
"""

from __future__ import annotations

from dutylist.departments.registry import Registry
from dutylist.diff.changes import (
    Change,
    ChangeClass,
    ChangeKind,
    ChangeSet,
    FieldChange,
    ItemRef,
    Renumbered,
)
from dutylist.diff.compute import diff_lists
from dutylist.diff.patch import apply

__all__ = [
    "Change",
    "ChangeClass",
    "ChangeKind",
    "ChangeSet",
    "FieldChange",
    "ItemRef",
    "Registry",
    "Renumbered",
    "apply",
    "diff_lists",
]
