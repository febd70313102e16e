"""Move a duty list to another place: rename its province, city, county and office.

Used to show that the department rules know every office, not one district: the
reference list renamed consistently must check like the reference itself.
"""

from __future__ import annotations

import re

import attrs

from dutylist.departments.occurrences import occurrences
from dutylist.departments.registry import ResolutionKind, registry_for
from dutylist.io.json import dumps, loads
from dutylist.model import DutyList

REFERENCE_PLACE = ("吉林省", "长春市", "南关区", "明珠", "街道")


@attrs.frozen
class Place:
    """Where to move the list: ``Place("四川省", "成都市", "武侯", "区", "玉林", "街道")``."""

    province: str
    city: str
    county: str
    """The county's name without its level: 武侯, 农安, 准格尔."""
    level: str
    """区, 县 or 旗."""
    office: str
    """The office's name without its kind: 玉林, 合隆."""
    kind: str = "街道"
    """街道 or 镇."""


def _level_spellings(duty_list: DutyList) -> set[str]:
    """Return the reference's department spellings that carry the district prefix 区."""
    registry = registry_for(duty_list)
    found = set()
    for occurrence in occurrences(duty_list, registry):
        resolution = occurrence.resolution
        if resolution.kind is ResolutionKind.UNKNOWN:
            continue
        spelling = resolution.cleaned
        if spelling.startswith(("区", "团区委")):
            found.add(spelling)
    return found


def rename(duty_list: DutyList, place: Place, *, title: bool = True) -> DutyList:
    """Return ``duty_list`` (the reference) moved to ``place``, consistently everywhere.

    Department prefixes follow the county's level (区住建局 → 县住建局, 团区委 → 团县委);
    with ``title=False`` the title and office keep the old place (a list copied from
    another district).
    """
    office = f"{place.office}{place.kind}"
    full_office = office + ("办事处" if place.kind == "街道" else "人民政府")
    replacements = {
        "吉林省": place.province,
        "长春市": place.city,
        "长春": place.city.removesuffix("市"),
        "南关区": place.county + place.level,
        "南关": place.county,
        "明珠街道办事处": full_office,
        "明珠街道": office,
        "明珠": place.office,
    }
    for spelling in _level_spellings(duty_list):
        if spelling.startswith("团区委"):
            replacements[spelling] = f"团{place.level}委" + spelling.removeprefix("团区委")
        else:
            replacements[spelling] = place.level + spelling.removeprefix("区")
    pattern = re.compile("|".join(map(re.escape, sorted(replacements, key=len, reverse=True))))
    moved = loads(pattern.sub(lambda match: replacements[match.group()], dumps(duty_list)))
    if not title:
        return attrs.evolve(moved, title=duty_list.title, office=duty_list.office)
    return moved
