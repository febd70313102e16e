"""Compare two versions of a duty list: :func:`diff` returns a ChangeSet, :func:`apply` replays it.

The modules: :mod:`~dutylist.diff.align` matches items by content,
:mod:`~dutylist.diff.fields` compares matched pairs, :mod:`~dutylist.diff.inline` makes
character-level diffs of Chinese text, :mod:`~dutylist.diff.compute` assembles the
:class:`~dutylist.diff.changes.ChangeSet`, :mod:`~dutylist.diff.patch` applies it and
:mod:`~dutylist.diff.serialize` writes it as JSON.
"""

from __future__ import annotations

import sys
import types

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
from dutylist.model import DutyList


def diff(old: DutyList, new: DutyList, *, registry: Registry | None = None) -> ChangeSet:
    """Return what changed from ``old`` to ``new``.

    Args:
        old: the published version.
        new: the revision.
        registry: the department registry (:func:`dutylist.registry_for` gives a list's
            own); with it, a department respelled is a cosmetic change.
    """
    import gc  # noqa: PLC0415

    from dutylist.diff.compute import compute  # noqa: PLC0415

    # The diff builds many small objects around immutable data and frees them all at the
    # end: the cyclic collector would walk the whole heap again and again for nothing.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return compute(old, new, registry)
    finally:
        if enabled:
            gc.enable()


def apply(old: DutyList, changeset: ChangeSet) -> DutyList:
    """Return ``old`` with ``changeset`` applied: a list with the new version's content.

    Raises:
        dutylist.errors.UsageError: the change set was not made from ``old``.
    """
    from dutylist.diff.patch import apply_changes  # noqa: PLC0415

    return apply_changes(old, changeset)


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
    "diff",
]


class _CallableModule(types.ModuleType):
    """This package, callable as :func:`diff`.

    ``dutylist.diff`` is both this package and, as the issue's API names it, the function
    ``dutylist.diff(old, new)``. Whichever the attribute holds after imports, calling it
    compares two lists.
    """

    def __call__(
        self, old: DutyList, new: DutyList, *, registry: Registry | None = None
    ) -> ChangeSet:
        return diff(old, new, registry=registry)


sys.modules[__name__].__class__ = _CallableModule
