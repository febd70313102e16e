"""Generate schemas/dutylist.schema.json from the attrs model (a development-time tool).

msgspec derives JSON Schema from attrs classes, but not for a union of several attrs
classes, which is what a category's items are. So msgspec describes every class but the
three containers (Category, Part, DutyList); those are composed here from their attrs
fields, with items as a ``oneOf`` tagged by ``kind``. Run ``python tools/generate_schema.py``
after changing the model; a test fails while the committed schema is out of step.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import attrs
import msgspec

from dutylist.codec import SCHEMA_VERSION
from dutylist.model import (
    ITEM_TYPES,
    Category,
    Clause,
    Department,
    DutyList,
    Location,
    Metadata,
    Office,
    Part,
    PartKind,
    UnplacedText,
)

SCHEMA_PATH = Path(__file__).resolve().parents[1] / "src/dutylist/schemas/dutylist.schema.json"
_REF = "#/$defs/{name}"
_LEAVES = (Clause, Department, Location, Metadata, Office, UnplacedText, *ITEM_TYPES.values())


def _nullable_ref(name: str) -> dict[str, Any]:
    return {"anyOf": [{"$ref": _REF.format(name=name)}, {"type": "null"}]}


_NOT_IN_JSON = frozenset(["notes"])
"""Fields the converter leaves out of JSON (reader remarks on DutyList)."""


def _container(cls: type, properties: dict[str, Any]) -> dict[str, Any]:
    """Return the object schema of an attrs class, checking every field is described."""
    fields = [field for field in attrs.fields(cls) if field.name not in _NOT_IN_JSON]
    names = [field.name for field in fields]
    missing = set(names) ^ set(properties)
    if missing:
        raise SystemExit(f"{cls.__name__}: fields out of step with the generator: {missing}")
    return {
        "title": cls.__name__,
        "description": (cls.__doc__ or "").strip().splitlines()[0],
        "type": "object",
        "properties": {name: properties[name] for name in names},
        "required": [field.name for field in fields if field.default is attrs.NOTHING],
        "additionalProperties": False,
    }


def build_schema() -> dict[str, Any]:
    """Return the JSON Schema (2020-12) of dutylist's JSON files."""
    _, components = msgspec.json.schema_components(_LEAVES, ref_template=_REF)
    for kind, item_type in ITEM_TYPES.items():
        component = components[item_type.__name__]
        component["properties"] = {"kind": {"const": kind.value}, **component["properties"]}
        component["required"] = ["kind", *component.get("required", [])]
        component["additionalProperties"] = False
    for component in components.values():
        component.setdefault("additionalProperties", False)
    strings = {"type": "array", "items": {"type": "string"}}
    nullable_int = {"anyOf": [{"type": "integer"}, {"type": "null"}]}
    items = {"oneOf": [{"$ref": _REF.format(name=t.__name__)} for t in ITEM_TYPES.values()]}
    components["Category"] = _container(
        Category,
        {
            "ordinal": nullable_int,
            "title": {"type": "string"},
            "heading": {"type": "string"},
            "declared_count": nullable_int,
            "items": {"type": "array", "items": items},
            "source": _nullable_ref("Location"),
        },
    )
    components["Part"] = _container(
        Part,
        {
            "kind": {"enum": [kind.value for kind in PartKind]},
            "title": {"type": "string"},
            "columns": strings,
            "categories": {"type": "array", "items": {"$ref": _REF.format(name="Category")}},
            "source": _nullable_ref("Location"),
        },
    )
    body = _container(
        DutyList,
        {
            "title": {"type": "string"},
            "office": _nullable_ref("Office"),
            "metadata": {"$ref": _REF.format(name="Metadata")},
            "front_matter": strings,
            "parts": {"type": "array", "items": {"$ref": _REF.format(name="Part")}},
            "unplaced": {"type": "array", "items": {"$ref": _REF.format(name="UnplacedText")}},
        },
    )
    body["properties"] = {"schema_version": {"const": SCHEMA_VERSION}, **body["properties"]}
    body["required"] = ["schema_version", *body["required"]]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://dutylist.invalid/schemas/dutylist.schema.json",
        **body,
        "$defs": dict(sorted(components.items())),
    }


def render() -> str:
    """Return the schema as the text committed in schemas/."""
    return json.dumps(build_schema(), ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write the schema (or, with ``--check``, say whether the committed one is current)."""
    import argparse  # noqa: PLC0415

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 when the schema is stale"
    )
    options = parser.parse_args(argv)
    text = render()
    if options.check:
        current = SCHEMA_PATH.read_text(encoding="utf-8") == text
        sys.stdout.write(f"{SCHEMA_PATH}: {'current' if current else 'stale'}\n")
        return 0 if current else 1
    SCHEMA_PATH.write_text(text, encoding="utf-8")
    sys.stdout.write(f"wrote {SCHEMA_PATH}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
