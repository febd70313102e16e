"""The one cattrs converter that turns the model into JSON-ready data and back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cache
from typing import Any

import cattrs
from cattrs.strategies import configure_tagged_union

from dutylist.errors import FormatError
from dutylist.model import ITEM_TYPES, DutyList, Item, PartKind

SCHEMA_VERSION = 1
"""The version of the JSON layout written by this release."""

_KIND_OF_TYPE = {item_type: kind.value for kind, item_type in ITEM_TYPES.items()}


@cache
def make_converter() -> cattrs.Converter:
    """Return the converter configured for dutylist's model (built once, then shared).

    Items are tagged with their part kind under ``"kind"``; dates are ISO strings;
    validation errors are detailed so they can name the JSON path of a problem.
    """
    converter = cattrs.Converter(detailed_validation=True, forbid_extra_keys=True)
    converter.register_unstructure_hook(dt.date, dt.date.isoformat)
    converter.register_structure_hook(dt.date, _structure_date)
    for scalar in (str, int, bool):
        converter.register_structure_hook(scalar, _strict(scalar))
    configure_tagged_union(
        Item,
        converter,
        tag_generator=lambda cls: _KIND_OF_TYPE[cls],
        tag_name="kind",
    )
    return converter


def _structure_date(value: object, _: type) -> dt.date:
    if not isinstance(value, str):
        raise TypeError(f"expected an ISO date string, got {type(value).__name__}")
    return dt.date.fromisoformat(value)


def _strict(scalar: type) -> Callable[[object, type], object]:
    """Return a hook that accepts only values of exactly ``scalar``'s JSON type."""

    def structure(value: object, _: type) -> object:
        if scalar is int and isinstance(value, bool):
            raise TypeError("expected int, got bool")
        if not isinstance(value, scalar):
            raise TypeError(f"expected {scalar.__name__}, got {type(value).__name__}")
        return value

    return structure


def to_data(duty_list: DutyList) -> dict[str, Any]:
    """Return ``duty_list`` as JSON-ready data, with ``schema_version`` first."""
    data: dict[str, Any] = make_converter().unstructure(duty_list)
    return {"schema_version": SCHEMA_VERSION, **data}


def from_data(data: object, *, source: str | None = None) -> DutyList:
    """Return the duty list held in JSON-ready ``data``.

    Raises:
        FormatError: the data is not a duty list; the message names the JSON path.
    """
    from dutylist.location import Location  # noqa: PLC0415

    where = Location(file=source)
    if not isinstance(data, dict):
        raise FormatError(f"expected a JSON object at $, got {type(data).__name__}", where)
    version = data.get("schema_version")
    if version != SCHEMA_VERSION:
        raise FormatError(
            f"unsupported schema_version {version!r} at $.schema_version "
            f"(this release reads {SCHEMA_VERSION})",
            where,
        )
    body = {key: value for key, value in data.items() if key != "schema_version"}
    try:
        return make_converter().structure(body, DutyList)
    except Exception as exc:
        messages = cattrs.transform_error(exc, path="$")
        raise FormatError(messages[0] if messages else str(exc), where) from exc


def part_kind_of(item: Item) -> PartKind:
    """Return the part kind an item belongs to."""
    return item.kind
