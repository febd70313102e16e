"""dutylist: read, check and compare township and subdistrict duty lists (履行职责事项清单).

The model (:class:`DutyList` and its parts) is plain frozen data; :func:`load` and
:func:`dump` read and write it in any supported format; :func:`check` reports its
inconsistencies; :func:`diff_lists` says what changed between two versions.

Third-party libraries that take long to import (lxml, python-docx, rapidfuzz, jinja2,
rich, cattrs …) are imported inside the functions that use them, so that
``import dutylist`` and the command line start quickly.
"""

from __future__ import annotations

from dutylist._version import __version__
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
from dutylist.diff import Change, ChangeKind, ChangeSet, FieldChange, ItemRef, apply, diff_lists
from dutylist.diff.history import History, history
from dutylist.errors import DutylistError, FormatError, ReadError, UsageError, WriteError
from dutylist.io import dump, load
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
    "diff_lists",
    "dump",
    "find_config",
    "history",
    "load",
    "normalise_departments",
    "read_baseline",
    "registry_for",
    "write_baseline",
]
