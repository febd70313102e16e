"""Large generated lists and revisions, for scaling tests and benchmarks.

``generated_list(base, size)`` repeats the reference list's categories and items (names
made unique by a suffix) until it holds about ``size`` items; ``generated_revision``
makes a seeded revision of it with a share of edits of several kinds, renumbered.
"""

from __future__ import annotations

import random

import attrs

from dutylist.model import Category, CooperativeItem, DutyList, Item, Part

_PHRASES = ("及时", "定期", "全面", "依法", "协助", "统筹", "规范", "组织")
_NEW_NAMES = "".join(
    "城乡社区治理服务安全生产消防应急统计调查宣传教育文化体育卫生健康民政养老就业社保"
)


def generated_list(base: DutyList, size: int) -> DutyList:
    """Return a list of about ``size`` items made by repeating ``base``'s parts."""
    total = len(base.items)
    copies = max(1, round(size / total))
    parts = []
    for part in base.parts:
        categories: list[Category] = []
        number = 0
        for copy in range(copies):
            for category in part.categories:
                items = []
                for item in category.items:
                    number += 1
                    name = item.name if copy == 0 else f"{item.name}（{copy}）"
                    items.append(
                        attrs.evolve(item, number=number, number_text="", name=name, source=None)
                    )
                title = category.title if copy == 0 else f"{category.title}{copy}"
                categories.append(
                    attrs.evolve(category, title=title, items=tuple(items), source=None)
                )
        parts.append(attrs.evolve(part, categories=tuple(categories), source=None))
    return attrs.evolve(base, parts=tuple(parts))


def generated_revision(duty_list: DutyList, *, seed: int = 0, rate: float = 0.03) -> DutyList:
    """Return a revision with about ``rate`` × size edits: renames, clause edits, additions,
    removals and moves between categories, renumbered through each part."""
    rng = random.Random(seed)  # noqa: S311 - seeded test data, not cryptography
    parts: list[list[list[Item]]] = [[list(c.items) for c in p.categories] for p in duty_list.parts]
    size = len(duty_list.items)
    for _ in range(max(1, int(size * rate))):
        p = rng.randrange(len(parts))
        categories = parts[p]
        c = rng.randrange(len(categories))
        if not categories[c]:
            continue
        i = rng.randrange(len(categories[c]))
        item = categories[c][i]
        action = rng.choice(("rename", "clause", "add", "remove", "move"))
        if action == "rename":
            at = rng.randrange(len(item.name) + 1)
            categories[c][i] = attrs.evolve(
                item, name=item.name[:at] + rng.choice(_PHRASES) + item.name[at:]
            )
        elif action == "clause" and isinstance(item, CooperativeItem) and item.local_duties:
            first = item.local_duties[0]
            edited = attrs.evolve(first, text=rng.choice(_PHRASES) + first.text)
            categories[c][i] = attrs.evolve(item, local_duties=(edited, *item.local_duties[1:]))
        elif action == "add":
            name = "".join(rng.sample(_NEW_NAMES, 10)) + "工作"
            categories[c].insert(i, attrs.evolve(item, name=name))
        elif action == "remove":
            del categories[c][i]
        elif action == "move":
            del categories[c][i]
            target = rng.randrange(len(categories))
            categories[target].insert(rng.randrange(len(categories[target]) + 1), item)
    new_parts: list[Part] = []
    for part, categories in zip(duty_list.parts, parts, strict=True):
        number = 0
        new_categories = []
        for category, items in zip(part.categories, categories, strict=True):
            renumbered = []
            for item in items:
                number += 1
                renumbered.append(attrs.evolve(item, number=number))
            new_categories.append(attrs.evolve(category, items=tuple(renumbered)))
        new_parts.append(attrs.evolve(part, categories=tuple(new_categories)))
    return attrs.evolve(duty_list, parts=tuple(new_parts))
