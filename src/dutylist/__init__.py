"""dutylist: read, check and compare township and subdistrict duty lists (履行职责事项清单).

The model (:class:`DutyList` and its parts) is plain frozen data; :func:`load` and
:func:`dump` read and write it in any supported format; :func:`check` reports its
inconsistencies; :func:`diff` says what changed between two versions.

The checking and comparing machinery is imported when first used, so that
``import dutylist`` and the command line start quickly.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from dutylist._version import __version__
from dutylist.api import dump, load
from dutylist.errors import DutylistError, FormatError, ReadError, UsageError, WriteError
from dutylist.location import Location
from dutylist.model import (
    BasicItem,
    Category,
    Clause,
    CooperativeItem,
    Department,
    DutyList,
    Item,
    ItemKey,
    Metadata,
    Office,
    Part,
    PartKind,
    RecalledItem,
    UnplacedText,
)

if TYPE_CHECKING:
    from dutylist.checks import RULES, check
    from dutylist.checks.baseline import Baseline, read_baseline, write_baseline
    from dutylist.checks.findings import Finding, FindingLocation, Report, Severity
    from dutylist.config import Config, find_config
    from dutylist.departments.context import OfficeContext, context_of
    from dutylist.departments.occurrences import normalise_departments
    from dutylist.departments.registry import (
        Registry,
        Rename,
        Resolution,
        ResolutionKind,
        default_registry,
        registry_for,
    )
    from dutylist.departments.view import DepartmentView, department_views
    from dutylist.diff import Change, ChangeKind, ChangeSet, FieldChange, ItemRef, apply, diff
    from dutylist.diff.history import History, history

_LAZY = {
    "Baseline": "dutylist.checks.baseline",
    "read_baseline": "dutylist.checks.baseline",
    "write_baseline": "dutylist.checks.baseline",
    "RULES": "dutylist.checks",
    "check": "dutylist.checks",
    "Config": "dutylist.config",
    "find_config": "dutylist.config",
    "DepartmentView": "dutylist.departments.view",
    "department_views": "dutylist.departments.view",
    "Registry": "dutylist.departments.registry",
    "Resolution": "dutylist.departments.registry",
    "ResolutionKind": "dutylist.departments.registry",
    "default_registry": "dutylist.departments.registry",
    "normalise_departments": "dutylist.departments.occurrences",
    "registry_for": "dutylist.departments.registry",
    "Rename": "dutylist.departments.registry",
    "OfficeContext": "dutylist.departments.context",
    "context_of": "dutylist.departments.context",
    "Change": "dutylist.diff",
    "ChangeKind": "dutylist.diff",
    "ChangeSet": "dutylist.diff",
    "FieldChange": "dutylist.diff",
    "ItemRef": "dutylist.diff",
    "apply": "dutylist.diff",
    "diff": "dutylist.diff",
    "History": "dutylist.diff.history",
    "history": "dutylist.diff.history",
    "Finding": "dutylist.checks.findings",
    "FindingLocation": "dutylist.checks.findings",
    "Report": "dutylist.checks.findings",
    "Severity": "dutylist.checks.findings",
}


def __getattr__(name: str) -> object:
    """Import the checking and comparing API on first use."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'dutylist' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "RULES",
    "Baseline",
    "BasicItem",
    "Category",
    "Change",
    "ChangeKind",
    "ChangeSet",
    "Clause",
    "Config",
    "CooperativeItem",
    "Department",
    "DepartmentView",
    "DutyList",
    "DutylistError",
    "FieldChange",
    "Finding",
    "FindingLocation",
    "FormatError",
    "History",
    "Item",
    "ItemKey",
    "ItemRef",
    "Location",
    "Metadata",
    "Office",
    "OfficeContext",
    "Part",
    "PartKind",
    "ReadError",
    "RecalledItem",
    "Registry",
    "Rename",
    "Report",
    "Resolution",
    "ResolutionKind",
    "Severity",
    "UnplacedText",
    "UsageError",
    "WriteError",
    "__version__",
    "apply",
    "check",
    "context_of",
    "default_registry",
    "department_views",
    "diff",
    "dump",
    "find_config",
    "history",
    "load",
    "normalise_departments",
    "read_baseline",
    "registry_for",
    "write_baseline",
]
