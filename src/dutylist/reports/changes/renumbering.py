"""Items that only changed number, told as runs: ``12–93 → 13–94``."""

from __future__ import annotations

import attrs

from dutylist.diff.changes import Renumbered
from dutylist.model import PartKind


@attrs.frozen(kw_only=True)
class RenumberRun:
    """A run of items whose numbers shifted by the same amount."""

    part: PartKind
    """The part."""
    old_first: int
    """The first old number of the run."""
    old_last: int
    """The last old number of the run."""
    shift: int
    """new number − old number."""

    @property
    def text(self) -> str:
        """Return ``12–93 → 13–94`` (or ``12 → 13`` for one item)."""
        if self.old_first == self.old_last:
            return f"{self.old_first} → {self.old_first + self.shift}"
        return (
            f"{self.old_first}–{self.old_last} → "
            f"{self.old_first + self.shift}–{self.old_last + self.shift}"
        )


def renumber_runs(renumbered: tuple[Renumbered, ...]) -> list[RenumberRun]:
    """Return the renumbered items as runs of consecutive numbers with the same shift."""
    runs: list[RenumberRun] = []
    for entry in sorted(
        (r for r in renumbered if r.old_number is not None and r.new_number is not None),
        key=lambda r: (list(PartKind).index(r.part), r.old_number or 0),
    ):
        assert entry.old_number is not None  # noqa: S101 - filtered above
        assert entry.new_number is not None  # noqa: S101
        shift = entry.new_number - entry.old_number
        last = runs[-1] if runs else None
        if (
            last is not None
            and last.part is entry.part
            and last.shift == shift
            and last.old_last + 1 == entry.old_number
        ):
            runs[-1] = attrs.evolve(last, old_last=entry.old_number)
        else:
            runs.append(
                RenumberRun(
                    part=entry.part,
                    old_first=entry.old_number,
                    old_last=entry.old_number,
                    shift=shift,
                )
            )
    return runs
