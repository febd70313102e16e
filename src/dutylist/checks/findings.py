"""Findings: problems found in a duty list, as plain values (not exceptions).

A :class:`Finding` names a rule by its stable kebab-case ``code`` (documented in
``docs/checks.md``), carries a :class:`Severity`, a message, a structured
:class:`FindingLocation` and an optional fix hint. A :class:`Report` is the result of
checking one list.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterable, Iterator

import attrs

from dutylist.location import Location
from dutylist.messages import _, ngettext
from dutylist.model import PartKind
from dutylist.wording import field_name, numbered_category, numbered_item, part_short


class Severity(enum.Enum):
    """How serious a finding is; ``error`` fails a check run by default."""

    ERROR = "error"
    """The list is wrong: a count, a number or a name that cannot be right."""
    WARNING = "warning"
    """Probably wrong or inconsistent; a reviewer should look."""
    INFO = "info"
    """Worth knowing (a non-standard spelling, a missing full stop)."""

    @property
    def rank(self) -> int:
        """Return 3 for error, 2 for warning, 1 for info."""
        return _RANKS[self]

    def at_least(self, other: Severity) -> bool:
        """Return True when this severity is ``other`` or more serious."""
        return self.rank >= other.rank


_RANKS = {Severity.ERROR: 3, Severity.WARNING: 2, Severity.INFO: 1}


@attrs.frozen(kw_only=True)
class FindingLocation:
    """Where in the list a finding is: part, category, item, field, clause, source."""

    part: PartKind | None = None
    """The part the finding is in, or None for the whole list."""
    category: int | None = None
    """The ordinal of the category (一 → 1), when the finding is in one."""
    category_title: str | None = None
    """The category's title, as a reader-friendly companion of ``category``."""
    item: int | None = None
    """The item's sequence number, when the finding is about an item."""
    item_name: str | None = None
    """The item's name; keys baselines so they survive renumbering."""
    field: str | None = None
    """The model field: ``name``, ``departments``, ``local_duties``, ``heading`` …"""
    clause: int | None = None
    """The 1-based position of the clause within its field, when relevant."""
    source: Location | None = None
    """Where the item, heading or part is in the checked file (line, or table and row)."""
    path: str | None = None
    """The JSON path of the item, heading or part when the checked file is JSON."""
    origin: Location | None = None
    """Where a saved list's item was first read from (the original capture), if known."""

    def describe(self) -> str:
        """Return the location as short text, e.g. ``配合事项第94项，对应上级部门``.

        In English: ``cooperative 94, superior departments``.
        """
        pieces: list[str] = []
        if self.part is not None:
            if self.item is not None:
                pieces.append(numbered_item(self.part, self.item))
            elif self.category is not None:
                pieces.append(numbered_category(self.part, self.category))
            else:
                pieces.append(part_short(self.part))
        if self.field is not None:
            pieces.append(field_name(self.field, self.clause))
        if self.source is not None:
            where = self.source.describe()
            if where:
                pieces.append(where)
        return _("，").join(pieces) or _("整个清单")


@attrs.frozen(kw_only=True)
class Finding:
    """One problem found by one rule."""

    code: str
    """The rule's stable kebab-case code, e.g. ``category-count-mismatch``."""
    severity: Severity
    """How serious the finding is (the rule's default or the configured one)."""
    message: str
    """What is wrong, in one sentence."""
    location: FindingLocation = attrs.field(factory=FindingLocation)
    """Where it is."""
    hint: str | None = None
    """How to fix it, when there is an obvious fix."""
    subject: str | None = None
    """The text the finding is about (a name, a clause); part of the baseline key."""
    accepted: bool = False
    """True when a baseline file accepts this finding: shown, but it never fails a run."""


@attrs.frozen(kw_only=True)
class Report:
    """The findings of checking one list, and the threshold that makes a run fail."""

    findings: tuple[Finding, ...] = ()
    """All findings, in list order (part, item, field)."""
    fail_on: Severity = Severity.ERROR
    """Findings at or above this severity, unless accepted, make :attr:`ok` false."""
    source: str | None = None
    """The file that was checked, when known."""

    @property
    def ok(self) -> bool:
        """Return True when no unaccepted finding is at or above :attr:`fail_on`."""
        return not self.failing

    @property
    def failing(self) -> tuple[Finding, ...]:
        """Return the findings that make the run fail."""
        return tuple(
            finding
            for finding in self.findings
            if not finding.accepted and finding.severity.at_least(self.fail_on)
        )

    @property
    def new(self) -> tuple[Finding, ...]:
        """Return the findings no baseline accepts."""
        return tuple(finding for finding in self.findings if not finding.accepted)

    @property
    def accepted(self) -> tuple[Finding, ...]:
        """Return the findings a baseline accepts."""
        return tuple(finding for finding in self.findings if finding.accepted)

    @property
    def codes(self) -> frozenset[str]:
        """Return the codes of all findings."""
        return frozenset(finding.code for finding in self.findings)

    def filter(
        self,
        *,
        code: str | Iterable[str] | None = None,
        severity: Severity | None = None,
        at_least: Severity | None = None,
        part: PartKind | None = None,
    ) -> tuple[Finding, ...]:
        """Return the findings matching every given criterion.

        Args:
            code: one code or several codes.
            severity: exactly this severity.
            at_least: this severity or a more serious one.
            part: findings located in this part.
        """
        codes = {code} if isinstance(code, str) else set(code) if code is not None else None
        return tuple(
            finding
            for finding in self.findings
            if (codes is None or finding.code in codes)
            and (severity is None or finding.severity is severity)
            and (at_least is None or finding.severity.at_least(at_least))
            and (part is None or finding.location.part is part)
        )

    def counts(self) -> dict[Severity, int]:
        """Return the number of unaccepted findings of each severity (all severities present)."""
        counter = Counter(finding.severity for finding in self.new)
        return {severity: counter.get(severity, 0) for severity in Severity}

    def summary(self) -> str:
        """Return a one-line summary, e.g. ``2 个错误，5 个警告，9 条提示``.

        In English: ``2 errors, 5 warnings, 9 info (3 accepted by the baseline)``.
        """
        counts = self.counts()
        errors, warnings, infos = (
            counts[Severity.ERROR],
            counts[Severity.WARNING],
            counts[Severity.INFO],
        )
        text = _("{errors}，{warnings}，{infos}").format(
            errors=ngettext("{count} 个错误", "{count} 个错误", errors).format(count=errors),
            warnings=ngettext("{count} 个警告", "{count} 个警告", warnings).format(count=warnings),
            infos=ngettext("{count} 条提示", "{count} 条提示", infos).format(count=infos),
        )
        accepted = len(self.accepted)
        if not accepted:
            return text
        return _("{counts}（另有 {accepted} 个已被基线接受）").format(
            counts=text, accepted=accepted
        )

    def __iter__(self) -> Iterator[Finding]:
        """Iterate over the findings."""
        return iter(self.findings)

    def __len__(self) -> int:
        """Return the number of findings."""
        return len(self.findings)
