"""Point findings on a saved (JSON) list at the file being checked.

A list saved as JSON keeps, on every item, where it was first read from (the original
capture). Checked in CI, a finding must point at the JSON file instead: its line for the
item and the item's JSON path. :func:`locate_in_json` moves each finding's ``source`` to
the checked file and keeps the original as ``origin``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import attrs

from dutylist.checks.findings import Finding, FindingLocation, Report
from dutylist.io.positions import json_lines
from dutylist.location import Location
from dutylist.model import DutyList, PartKind


def _paths(duty_list: DutyList) -> dict[tuple[object, ...], str]:
    """Return the JSON path of every part, category and item, by what a finding names."""
    paths: dict[tuple[object, ...], str] = {}
    for p, part in enumerate(duty_list.parts):
        part_path = f"$.parts[{p}]"
        paths.setdefault((part.kind,), part_path)
        for c, category in enumerate(part.categories):
            category_path = f"{part_path}.categories[{c}]"
            paths.setdefault(
                (part.kind, "category", category.ordinal, category.title), category_path
            )
            paths.setdefault((part.kind, "category", category.ordinal), category_path)
            for i, item in enumerate(category.items):
                item_path = f"{category_path}.items[{i}]"
                paths.setdefault((part.kind, "item", item.number, item.name), item_path)
                paths.setdefault((part.kind, "item", item.number), item_path)
    return paths


def _candidates(location: FindingLocation) -> Iterator[tuple[object, ...]]:
    kind: PartKind | None = location.part
    if kind is None:
        return
    if location.item is not None or location.item_name is not None:
        yield (kind, "item", location.item, location.item_name)
        yield (kind, "item", location.item)
    if location.category is not None or location.category_title is not None:
        yield (kind, "category", location.category, location.category_title)
        yield (kind, "category", location.category)
    yield (kind,)


def _path_of(
    location: FindingLocation, paths: dict[tuple[object, ...], str], lines: dict[str, int]
) -> str | None:
    base = next((paths[key] for key in _candidates(location) if key in paths), None)
    if base is None:
        return None
    if location.field is not None and "." not in location.field:
        field_path = f"{base}.{location.field}"
        if location.clause is not None:
            clause_path = f"{field_path}[{location.clause - 1}]"
            if clause_path in lines:
                return clause_path
        if field_path in lines:
            return field_path
    return base


def locate_in_json(
    report: Report, duty_list: DutyList, file: str | os.PathLike[str], text: str | None = None
) -> Report:
    """Return ``report`` with its findings located in the JSON ``file`` the list was read from.

    Each finding's ``source`` becomes the file and the line of its item (or clause, or
    category, or part), ``path`` its JSON path, and ``origin`` the location it had (where
    the item was first read). Findings on the whole list point at the file's first line.

    Args:
        report: the findings of checking ``duty_list``.
        duty_list: the list read from ``file``.
        file: the JSON file, named as it should appear in reports.
        text: the file's text, when already read.
    """
    name = os.fspath(file)
    if text is None:
        from dutylist.io.files import read_text_file  # noqa: PLC0415

        text = read_text_file(file, "JSON")
    lines = json_lines(text)
    paths = _paths(duty_list)
    findings: list[Finding] = []
    for finding in report.findings:
        location = finding.location
        path = _path_of(location, paths, lines) or "$"
        moved = attrs.evolve(
            location,
            source=Location(file=name, line=lines.get(path, 1)),
            path=path,
            origin=location.source if location.source != Location(file=name) else None,
        )
        findings.append(attrs.evolve(finding, location=moved))
    return attrs.evolve(report, findings=tuple(findings), source=name)
