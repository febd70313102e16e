from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from dutylist.model import DutyList

# Timing belongs in benchmarks/, not in tests: a loaded CI machine must not fail a test.
settings.register_profile("dutylist", deadline=None, print_blob=True)
settings.load_profile("dutylist")

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "examples" / "mingzhu.txt"


@pytest.fixture(autouse=True)
def _default_language(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Run every test in the default language (Chinese), whatever the machine sets."""
    from dutylist.messages import set_language

    monkeypatch.delenv("DUTYLIST_LANG", raising=False)
    set_language(None)
    yield
    set_language(None)


@pytest.fixture(scope="session")
def seed_path() -> Path:
    """Return the path of the reference capture of the Mingzhu list."""
    if not SEED.exists():
        pytest.fail(f"the reference list is missing: {SEED}")
    return SEED


@pytest.fixture(scope="session")
def mingzhu(seed_path: Path) -> DutyList:
    """Return the reference list read from its web rendering."""
    from dutylist.io.text import read_text

    return read_text(seed_path)
