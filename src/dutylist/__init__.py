"""dutylist: read, check and compare township and subdistrict duty lists (履行职责事项清单).

The model (:class:`DutyList` and its parts) is plain frozen data; :func:`load` and
:func:`dump` read and write it in any supported format.
"""

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

__all__ = [
    "BasicItem",
    "Category",
    "Clause",
    "CooperativeItem",
    "Department",
    "DutyList",
    "DutylistError",
    "FormatError",
    "Item",
    "ItemKey",
    "Location",
    "Metadata",
    "Office",
    "Part",
    "PartKind",
    "ReadError",
    "RecalledItem",
    "UnplacedText",
    "UsageError",
    "WriteError",
    "__version__",
    "dump",
    "load",
]
