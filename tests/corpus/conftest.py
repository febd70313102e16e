from __future__ import annotations

from pathlib import Path

import pytest

from tests.builders.corpus import Corpus, build_corpus


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """Return a corpus of 50 offices' lists (.json and .docx) and 5 unreadable files."""
    return build_corpus(tmp_path_factory.mktemp("corpus"), seed=11)


@pytest.fixture(scope="session")
def corpus_root(corpus: Corpus) -> Path:
    return corpus.offices[0].path.parents[2]


@pytest.fixture(scope="session")
def small_corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """Return 12 offices' lists over the whole reference list, JSON only (for compare)."""
    return build_corpus(
        tmp_path_factory.mktemp("small"),
        seed=3,
        offices=12,
        unreadable=0,
        categories_per_part=None,
        formats=("json",),
    )
