"""The one cattrs converter that turns the model into JSON-ready data and back."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable, Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, cast, get_args, get_origin

import attrs

from dutylist.errors import FormatError
from dutylist.location import Location
from dutylist.messages import _
from dutylist.model import ITEM_TYPES, DutyList, Item
from dutylist.wording import part_short

if TYPE_CHECKING:
    import cattrs

SCHEMA_VERSION = 2
"""The version of the JSON layout written by this release.

Version 2 added the items' ``remarks`` and ``basis`` fields; version 1 files still load,
their 备注/依据 columns moved out of ``extra`` into those fields.
"""
READABLE_VERSIONS = (1, 2)
"""The versions :func:`from_data` reads."""
MAX_INTEGER = 2**31
"""The largest number (ordinal, count, version, line) a list may hold, either sign."""

_KIND_OF_TYPE = {item_type: kind.value for kind, item_type in ITEM_TYPES.items()}
_JSON_TYPES: dict[type, str] = {
    dict: "object",
    list: "array",
    str: "string",
    int: "integer",
    float: "number",
    bool: "boolean",
    type(None): "null",
}


@cache
def make_converter() -> cattrs.Converter:
    """Return the converter configured for dutylist's model (built once, then shared).

    Items are tagged with their part kind under ``"kind"``; dates are ISO strings; JSON
    types are checked strictly (no string where an array belongs); validation errors
    are detailed so they can name the JSON path of a problem. ``DutyList.notes`` (the
    reader's remarks) is not written.
    """
    import cattrs  # noqa: PLC0415 - cattrs takes long to import; only JSON needs it
    from cattrs.gen import make_dict_unstructure_fn, override  # noqa: PLC0415
    from cattrs.strategies import configure_tagged_union  # noqa: PLC0415

    converter = cattrs.Converter(detailed_validation=True, forbid_extra_keys=True)
    converter.register_unstructure_hook(dt.date, dt.date.isoformat)
    # A page is written only for lists read from PDF: other lists' JSON stays as it was.
    location_data = make_dict_unstructure_fn(Location, converter)
    converter.register_unstructure_hook(
        Location, lambda location: _without_empty_page(location_data(location))
    )
    converter.register_structure_hook(dt.date, _structure_date)
    for scalar in (str, int, bool):
        converter.register_structure_hook(scalar, _strict(scalar))
    converter.register_structure_hook_func(_is_mapping, _structure_text_mapping)
    converter.register_structure_hook_factory(_is_tuple, lambda t: _tuple_hook(converter, t))
    converter.register_structure_hook_factory(attrs.has, lambda cls: _object_hook(converter, cls))
    configure_tagged_union(
        Item,
        converter,
        tag_generator=lambda cls: _KIND_OF_TYPE[cls],
        tag_name="kind",
    )
    # Last: the generated function captures the hooks of the fields' types as they are now.
    converter.register_unstructure_hook(
        DutyList, make_dict_unstructure_fn(DutyList, converter, notes=override(omit=True))
    )
    return converter


def _without_empty_page(data: dict[str, Any]) -> dict[str, Any]:
    if data.get("page", 0) is None:
        del data["page"]
    return data


class _BadValueError(TypeError):
    """A value our hooks refuse, with a message already worded for people."""


def describe_error(exc: BaseException, type_: type | None) -> str:
    """Return what is wrong with one value, as cattrs' ``transform_error`` asks, translated."""
    from cattrs.errors import ForbiddenExtraKeysError  # noqa: PLC0415
    from cattrs.v import format_exception  # noqa: PLC0415

    name = getattr(type_, "__name__", repr(type_)) if type_ is not None else None
    if isinstance(exc, _BadValueError):
        return str(exc)
    if isinstance(exc, KeyError):
        return _("缺少必填字段")
    if isinstance(exc, ForbiddenExtraKeysError):
        return _("有多余的字段（{fields}）").format(fields=", ".join(sorted(exc.extra_fields)))
    if isinstance(exc, TypeError | ValueError) and name is not None:
        return _("值无效，应为 {type}").format(type=name)
    return format_exception(exc, type_)


def _json_type(value: object) -> str:
    return _JSON_TYPES.get(type(value), type(value).__name__)


def _structure_date(value: object, _type: type) -> dt.date:
    if not isinstance(value, str):
        raise _BadValueError(_("应为 ISO 日期字符串，实为 {type}").format(type=_json_type(value)))
    return dt.date.fromisoformat(value)


def _strict(scalar: type) -> Callable[[object, type], object]:
    """Return a hook that accepts only values of exactly ``scalar``'s JSON type."""
    expected = _JSON_TYPES[scalar]

    def structure(value: object, _type: type) -> object:
        if type(value) is not scalar:
            raise _BadValueError(
                _("应为 {expected}，实为 {type}").format(expected=expected, type=_json_type(value))
            )
        if isinstance(value, str):
            _check_encodable(value)
        elif isinstance(value, int) and not -MAX_INTEGER <= value <= MAX_INTEGER:
            raise ValueError(f"integer out of range (at most {MAX_INTEGER})")
        return value

    return structure


def _check_encodable(text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise _BadValueError(_("文字中含有孤立的代理字符，不是有效的 Unicode")) from None


def _structure_text_mapping(value: object, _type: object) -> dict[str, str]:
    if not isinstance(value, dict):
        raise _BadValueError(_("应为 object，实为 {type}").format(type=_json_type(value)))
    for key, text in value.items():
        if not isinstance(text, str):
            raise _BadValueError(
                _("值应为 string，“{key}”的值实为 {type}").format(key=key, type=_json_type(text))
            )
        _check_encodable(key + text)
    return dict(value)


def _is_tuple(type_: object) -> bool:
    return get_origin(type_) is tuple


def _is_mapping(type_: object) -> bool:
    return get_origin(type_) is Mapping


def _tuple_hook(converter: cattrs.Converter, type_: object) -> Callable[[object, object], object]:
    """Return a hook for ``tuple[X, ...]`` that accepts JSON arrays only."""
    from cattrs.errors import IterableValidationError, IterableValidationNote  # noqa: PLC0415

    element = get_args(type_)[0]
    element_hook = converter.get_structure_hook(element)

    def structure(value: object, _type: object) -> tuple[object, ...]:
        if not isinstance(value, list):
            raise _BadValueError(_("应为 array，实为 {type}").format(type=_json_type(value)))
        result: list[object] = []
        errors: list[Exception] = []
        for index, member in enumerate(value):
            try:
                result.append(element_hook(member, element))
            except Exception as exc:  # noqa: BLE001 - collected and raised with their index
                note = IterableValidationNote(
                    f"Structuring {type_} @ index {index}", index, element
                )
                exc.__notes__ = [*getattr(exc, "__notes__", []), note]
                errors.append(exc)
        if errors:
            raise IterableValidationError(
                f"While structuring {type_!r}", errors, cast("type", type_)
            )
        return tuple(result)

    return structure


def _object_hook(converter: cattrs.Converter, cls: type) -> Callable[[object, type], object]:
    """Return a hook for an attrs class that accepts JSON objects only."""
    from cattrs.gen import make_dict_structure_fn  # noqa: PLC0415

    inner: Callable[[Mapping[str, object], type], object] = make_dict_structure_fn(cls, converter)

    def structure(value: object, type_: type) -> object:
        if not isinstance(value, dict):
            raise _BadValueError(_("应为 object，实为 {type}").format(type=_json_type(value)))
        return inner(value, type_)

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
    where = Location(file=source)
    if not isinstance(data, dict):
        raise FormatError(_("$ 处应为 JSON 对象，实为 {type}").format(type=_json_type(data)), where)
    version = data.get("schema_version")
    if type(version) is not int or version not in READABLE_VERSIONS:
        raise FormatError(
            _("$.schema_version 处的版本 {version} 不受支持（本版本读取 {supported}）").format(
                version=repr(version), supported=", ".join(map(str, READABLE_VERSIONS))
            ),
            where,
        )
    body = {key: value for key, value in data.items() if key != "schema_version"}
    if version == 1:
        body = _upgrade_from_1(body)
    try:
        duty_list: DutyList = make_converter().structure(body, DutyList)
    except RecursionError:
        raise FormatError(_("JSON 嵌套层次过深，不可能是事项清单"), where) from None
    except Exception as exc:  # cattrs raises many kinds; all mean bad data
        import cattrs  # noqa: PLC0415

        messages = cattrs.transform_error(exc, path="$", format_exception=describe_error)
        raise FormatError(messages[0] if messages else str(exc), where) from exc
    _check_item_kinds(duty_list, where)
    return duty_list


def _upgrade_from_1(body: dict[str, Any]) -> dict[str, Any]:
    """Return version-1 data with 备注/依据 columns moved from ``extra`` to their fields.

    Anything not shaped as expected is left alone for the validation to report.
    """
    from dutylist.parse.vocabulary import Role, header_role  # noqa: PLC0415

    fields = {Role.REMARKS: "remarks", Role.BASIS: "basis"}
    body = copy.deepcopy(body)
    for part in _dicts(body.get("parts")):
        for category in _dicts(part.get("categories")):
            for item in _dicts(category.get("items")):
                extra = item.get("extra")
                if not isinstance(extra, dict):
                    continue
                for header in list(extra):
                    field = fields.get(header_role(header) or Role.EXTRA)
                    if field is not None and field not in item:
                        item[field] = extra.pop(header)
    return body


def _dicts(value: object) -> list[dict[str, Any]]:
    return (
        [member for member in value if isinstance(member, dict)] if isinstance(value, list) else []
    )


def _check_item_kinds(duty_list: DutyList, where: Location) -> None:
    for p, part in enumerate(duty_list.parts):
        for c, category in enumerate(part.categories):
            for i, item in enumerate(category.items):
                if item.kind is not part.kind:
                    raise FormatError(
                        _("{part}中出现了{kind}事项 @ {path}").format(
                            part=part_short(part.kind),
                            kind=part_short(item.kind),
                            path=f"$.parts[{p}].categories[{c}].items[{i}].kind",
                        ),
                        where,
                    )
