"""The JSON Schemas of dutylist's JSON outputs, shipped inside the package.

``dutylist.schema.json`` describes a duty list, ``changeset.schema.json`` a change set
(``dutylist diff --format json``), ``history.schema.json`` an item history
(``dutylist history --format json``) and ``report.schema.json`` a check report. Their ``$id``
values are identifiers, not addresses to fetch: :func:`registry` resolves them offline, so the
``$ref`` from the change set to the list's items works without network access::

    import jsonschema
    from dutylist import schemas

    validator = jsonschema.Draft202012Validator(
        schemas.load("changeset"), registry=schemas.registry()
    )

The ``referencing`` library is imported only when :func:`registry` is called.
"""

from __future__ import annotations

import json
from functools import cache
from typing import TYPE_CHECKING, Any

from dutylist.packaged import packaged_text

if TYPE_CHECKING:
    import referencing

NAMES = ("changeset", "dutylist", "history", "report")
"""The shipped schemas, by short name."""


def text(name: str) -> str:
    """Return the text of the schema called ``name`` (one of :data:`NAMES`)."""
    if name not in NAMES:
        raise KeyError(f"no schema called {name!r}; known: {', '.join(NAMES)}")
    return packaged_text(f"schemas/{name}.schema.json")


def load(name: str) -> dict[str, Any]:
    """Return the schema called ``name`` (one of :data:`NAMES`) as a JSON object."""
    schema: dict[str, Any] = json.loads(text(name))
    return schema


@cache
def registry() -> referencing.Registry[Any]:
    """Return a ``referencing`` registry holding every shipped schema under its ``$id``."""
    from referencing import Registry, Resource  # noqa: PLC0415 - only users of schemas pay

    schemas = [load(name) for name in NAMES]
    return Registry().with_resources(
        (schema["$id"], Resource.from_contents(schema)) for schema in schemas
    )
