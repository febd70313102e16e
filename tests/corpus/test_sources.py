from __future__ import annotations

from pathlib import Path

import attrs

import dutylist
from dutylist.corpus.sources import expand, latest_versions
from tests.builders.corpus import Corpus


def test_a_folder_is_searched_recursively_for_readable_files(corpus: Corpus, corpus_root: Path):
    found = expand([str(corpus_root)])
    assert [Path(s.path) for s in found] == corpus.files
    assert all(source.problem is None for source in found)


def test_files_and_globs_are_taken_once_each_in_order(corpus: Corpus, corpus_root: Path):
    first = corpus.offices[0].path
    pattern = str(corpus_root / "**" / "*.json")
    found = expand([str(first), pattern, str(first)])
    paths = [Path(s.path) for s in found]
    assert paths[0] == first
    assert len(paths) == len(set(paths))
    json_files = sorted(p for p in corpus.files if p.suffix == ".json")
    assert sorted(paths[1:]) == sorted(set(json_files) - {first})


def test_arguments_that_name_nothing_are_reported_not_dropped(tmp_path: Path):
    (tmp_path / "empty").mkdir()
    found = expand(
        [str(tmp_path / "missing.json"), str(tmp_path / "*.docx"), str(tmp_path / "empty")]
    )
    assert [s.path for s in found] == [
        str(tmp_path / "missing.json"),
        str(tmp_path / "*.docx"),
        str(tmp_path / "empty"),
    ]
    assert all(source.problem for source in found)


def test_only_the_newest_version_of_an_office_is_kept(corpus: Corpus):
    path = corpus.offices[0].path
    duty_list = dutylist.load(path)
    older = attrs.evolve(duty_list, metadata=attrs.evolve(duty_list.metadata, version="2023年版"))
    newer = attrs.evolve(duty_list, metadata=attrs.evolve(duty_list.metadata, version="2026年版"))
    tenth = attrs.evolve(
        duty_list, metadata=attrs.evolve(duty_list.metadata, version="2026年版第十次调整")
    )
    second = attrs.evolve(
        duty_list, metadata=attrs.evolve(duty_list.metadata, version="2026年版第二次调整")
    )
    other = dutylist.load(corpus.offices[1].path)
    kept = latest_versions([("a", older), ("b", other), ("c", newer), ("d", tenth), ("e", second)])
    assert [source for source, _ in kept] == ["d", "b"]
