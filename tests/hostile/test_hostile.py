"""Hostile inputs against every command: no traceback, no hang, nothing lost.

Each case runs ``convert``, ``show``, ``check``, ``diff`` and ``departments`` (or the
commands its family names) and, where it has a list, the Python API, in a worker process
capped at 1 GB of memory and 10 s a command. Asserted for every run: no traceback, exit
code 0, 1 or 2 (2 with exactly one ``dutylist: error:`` line), inputs unchanged, no
output after a failure, every output valid, no temporary file left, no external entity
leaked. The first case of each family, with one of its commands, runs in the default
suite; the whole corpus is marked slow (``make test`` runs it).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import attrs
import pytest

import tests.hostile.families  # noqa: F401 - registers the families
from tests.hostile.cases import FAMILIES, cases
from tests.hostile.runner import run_cases


def test_the_corpus_is_large_and_varied() -> None:
    counts = Counter({name: count for name, (_, count) in FAMILIES.items()})
    total = sum(counts.values())
    assert len(counts) >= 20
    assert total >= 500
    assert max(counts.values()) <= total / 5


def test_a_sample_of_every_family(tmp_path: Path) -> None:
    """The first case of each family, each with one of its commands (in turn) and the API."""
    sample = []
    for number, name in enumerate(sorted(FAMILIES)):
        case = next(cases(name))
        command = case.commands[number % len(case.commands)]
        sample.append(attrs.evolve(case, commands=(command,)))
    problems = run_cases(sample, tmp_path)
    assert not problems, "\n".join(problems)


@pytest.mark.slow
@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_every_case_of_the_family(family: str, tmp_path: Path) -> None:
    problems = run_cases(list(cases(family)), tmp_path)
    assert not problems, "\n".join(problems)
