from __future__ import annotations

from pathlib import Path

import pytest

from dutylist.corpus.batch import CheckOptions, check_file, check_many, worst_exit_code
from dutylist.corpus.sources import expand
from tests.builders.corpus import Corpus


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_a_batch_gives_what_each_file_gives_alone(corpus: Corpus, corpus_root: Path, jobs: int):
    sources = expand([str(corpus_root)])
    alone = [check_file(source.path, CheckOptions()) for source in sources]
    assert list(check_many(sources, jobs=jobs)) == alone


def test_unreadable_files_are_reported_and_the_run_goes_on(corpus: Corpus, corpus_root: Path):
    results = list(check_many(expand([str(corpus_root)]), jobs=2))
    unreadable = [Path(r.path) for r in results if not r.readable]
    assert unreadable == sorted(corpus.unreadable)
    assert all(r.error for r in results if not r.readable)
    readable = [r for r in results if r.readable]
    assert len(readable) == len(corpus.offices)
    assert all(r.items > 0 for r in readable)
    assert worst_exit_code(results) == 2


def test_planted_defects_fail_their_file_only(corpus: Corpus):
    defective = [plan for plan in corpus.offices if plan.defects]
    clean = [plan for plan in corpus.offices if not plan.defects]
    assert defective
    assert clean
    sources = expand([str(plan.path) for plan in corpus.offices])
    by_path = {Path(r.path): r for r in check_many(sources, jobs=2)}
    for plan in defective:
        report = by_path[plan.path].report
        assert report is not None
        assert "category-count-mismatch" in report.codes
    for plan in clean:
        report = by_path[plan.path].report
        assert report is not None
        assert "category-count-mismatch" not in report.codes


def test_a_summary_batch_keeps_counts_not_findings(corpus: Corpus, corpus_root: Path):
    sources = expand([str(corpus_root)])
    full = list(check_many(sources, jobs=2))
    counted = list(check_many(sources, CheckOptions(keep_findings=False), jobs=2))
    assert all(result.report is None for result in counted)
    assert [(r.path, r.counts, r.ok, r.exit_code, r.items) for r in counted] == [
        (r.path, r.counts, r.ok, r.exit_code, r.items) for r in full
    ]
    for result in full:
        if result.report is not None:
            assert result.counts == result.report.counts()
            assert result.ok == result.report.ok
