"""Write a change set as JSON (validated by ``schemas/changeset.schema.json``) and read it back."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

from dutylist.codec import describe_error, make_converter
from dutylist.diff.changes import ChangeSet
from dutylist.errors import FormatError
from dutylist.location import Location
from dutylist.messages import _

CHANGESET_VERSION = 1
"""The version of the change set's JSON layout."""


@cache
def _hooks() -> tuple[
    Callable[[ChangeSet], dict[str, Any]], Callable[[Mapping[str, Any], type], ChangeSet]
]:
    """Return the functions that write and read a change set, leaving out its new list."""
    from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override  # noqa: PLC0415

    converter = make_converter()
    left_out = override(omit=True)
    return (
        make_dict_unstructure_fn(ChangeSet, converter, new_list=left_out),
        make_dict_structure_fn(ChangeSet, converter, new_list=left_out),
    )


def to_data(changeset: ChangeSet) -> dict[str, Any]:
    """Return ``changeset`` as JSON-ready data.

    Each change also carries its ``classification`` (substantive or cosmetic), and the
    whole set an ``is_empty`` flag, so consumers need not recompute them. The new list
    (:attr:`~dutylist.diff.changes.ChangeSet.new_list`) is not written: the JSON holds the
    changes only.
    """
    data: dict[str, Any] = _hooks()[0](changeset)
    for change, raw in zip(changeset.changes, data["changes"], strict=True):
        raw["classification"] = change.classification.value
    for raw in data["categories"]:
        if not raw["items"]:
            del raw["items"]  # only split and merge records carry items
        if not raw["edits"]:
            del raw["edits"]  # only headings printed otherwise carry edits
    for raw in data["systemic"]:
        if raw["reform"] is None:
            del raw["reform"]  # only declared department renames name one
    return {"changeset_version": CHANGESET_VERSION, "is_empty": changeset.is_empty, **data}


def dumps(changeset: ChangeSet) -> str:
    """Return ``changeset`` as indented JSON text with a final newline."""
    return json.dumps(to_data(changeset), ensure_ascii=False, indent=2) + "\n"


def from_data(data: object, *, source: str | None = None) -> ChangeSet:
    """Return the change set held in JSON-ready ``data`` (its ``new_list`` is None).

    Raises:
        FormatError: the data is not a change set; the message names the JSON path.
    """
    import cattrs  # noqa: PLC0415

    where = Location(file=source)
    if not isinstance(data, dict) or data.get("changeset_version") != CHANGESET_VERSION:
        raise FormatError(_("不是第 {version} 版的变更集").format(version=CHANGESET_VERSION), where)
    body = {
        key: value for key, value in data.items() if key not in {"changeset_version", "is_empty"}
    }
    changes = body.get("changes")
    if isinstance(changes, list):
        body["changes"] = [
            {key: value for key, value in change.items() if key != "classification"}
            if isinstance(change, dict)
            else change
            for change in changes
        ]
    try:
        return _hooks()[1](body, ChangeSet)
    except Exception as exc:
        messages = cattrs.transform_error(exc, path="$", format_exception=describe_error)
        raise FormatError(messages[0] if messages else str(exc), where) from exc


def loads(text: str, *, source: str | None = None) -> ChangeSet:
    """Return the change set in JSON ``text``.

    Raises:
        FormatError: the text is not JSON or not a change set.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FormatError(
            _("不是有效的 JSON：{error}").format(error=exc.msg),
            Location(file=source, line=exc.lineno),
        ) from None
    return from_data(data, source=source)
