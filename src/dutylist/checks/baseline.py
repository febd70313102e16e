"""Baselines: findings a team has accepted, so that only new findings fail a run.

A finding is keyed by its code, part, item *name* (not number), field and subject text,
so the key survives renumbering and reordering. Keys are a multiset: two identical
findings need two baseline entries.
"""

from __future__ import annotations

import json
import os
import unicodedata
from collections import Counter
from collections.abc import Iterable

import attrs

from dutylist.checks.findings import Finding, Report
from dutylist.errors import FormatError
from dutylist.io.files import read_text_file, write_atomically
from dutylist.location import Location
from dutylist.messages import _
from dutylist.parse.vocabulary import squash

BASELINE_VERSION = 1
"""The version of the baseline file layout."""


def _digest(text: str) -> str:
    import hashlib  # noqa: PLC0415 - slow to import, needed only for baselines

    flat = unicodedata.normalize("NFKC", squash(text))
    return hashlib.sha256(flat.encode("utf-8")).hexdigest()[:12]


def finding_key(finding: Finding) -> str:
    """Return the key that identifies ``finding`` across renumbered versions of a list.

    ``code:part:hash(item name or category title):field:hash(subject)``; the item number,
    the clause position and the source line are left out on purpose.
    """
    location = finding.location
    anchor = location.item_name if location.item_name is not None else location.category_title
    return ":".join(
        [
            finding.code,
            location.part.value if location.part is not None else "-",
            _digest(anchor or ""),
            location.field or "-",
            _digest(finding.subject or ""),
        ]
    )


@attrs.frozen(kw_only=True)
class Baseline:
    """Accepted findings, as a multiset of keys."""

    keys: Counter[str] = attrs.field(factory=Counter)
    """How many times each key is accepted."""

    @classmethod
    def of(cls, findings: Iterable[Finding]) -> Baseline:
        """Return a baseline accepting exactly ``findings``."""
        return cls(keys=Counter(finding_key(finding) for finding in findings))

    def apply(self, report: Report) -> Report:
        """Return ``report`` with the findings this baseline accepts marked ``accepted``."""
        remaining = Counter(self.keys)
        marked = []
        for finding in report.findings:
            key = finding_key(finding)
            accepted = remaining[key] > 0
            if accepted:
                remaining[key] -= 1
            marked.append(attrs.evolve(finding, accepted=accepted))
        return attrs.evolve(report, findings=tuple(marked))


def write_baseline(report: Report, path: str | os.PathLike[str]) -> None:
    """Write every finding of ``report`` to ``path`` as accepted (atomically, JSON).

    Raises:
        dutylist.errors.WriteError: the file cannot be written.
    """
    entries = [
        {
            "key": finding_key(finding),
            "code": finding.code,
            "where": finding.location.describe(),
            "message": finding.message,
        }
        for finding in report.findings
    ]
    data = {"dutylist_baseline": BASELINE_VERSION, "findings": entries}
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    write_atomically(path, text.encode("utf-8"))


def read_baseline(path: str | os.PathLike[str]) -> Baseline:
    """Return the baseline stored in ``path``.

    Raises:
        ReadError: the file cannot be read.
        FormatError: the file is not a dutylist baseline.
    """
    where = Location(file=os.fspath(path))
    text = read_text_file(path, _("基线文件"))
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:  # also a number of more than 4,300 digits
        raise FormatError(
            _("不是 JSON 基线文件：{error}").format(error=str(exc)[:100]), where
        ) from None
    if not isinstance(data, dict) or data.get("dutylist_baseline") != BASELINE_VERSION:
        raise FormatError(
            _("不是 dutylist 基线文件（应有 dutylist_baseline: {version}）").format(
                version=BASELINE_VERSION
            ),
            where,
        )
    entries = data.get("findings")
    if not isinstance(entries, list) or not all(
        isinstance(entry, dict) and isinstance(entry.get("key"), str) for entry in entries
    ):
        raise FormatError(_("$.findings 必须是带字符串“key”的对象列表"), where)
    return Baseline(keys=Counter(entry["key"] for entry in entries))
