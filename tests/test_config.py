from __future__ import annotations

from pathlib import Path

import pytest

from dutylist.checks import check
from dutylist.checks.findings import Severity
from dutylist.config import Config, find_config, load_config, parse_config
from dutylist.errors import FormatError, UsageError
from tests.checks.model_builders import clean_list, replace_item


def test_defaults():
    config = Config()
    assert config.is_enabled("stray-space")
    assert config.severity_of("stray-space", Severity.WARNING) is Severity.WARNING
    assert config.fail_on is Severity.ERROR


def test_pyproject_found_from_the_checked_files_folder_upward(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.dutylist]\nfail_on = "warning"\ndepartments = ["reg.toml"]\n'
        '[tool.dutylist.rules]\nstray-space = false\nrepeated-text = "error"\n',
        encoding="utf-8",
    )
    folder = tmp_path / "lists" / "2025"
    folder.mkdir(parents=True)
    config = find_config(folder / "list.docx")
    assert config.fail_on is Severity.WARNING
    assert not config.is_enabled("stray-space")
    assert config.severity_of("repeated-text", Severity.INFO) is Severity.ERROR
    assert config.registry_files == (tmp_path / "reg.toml",)
    assert config.source == str(tmp_path / "pyproject.toml")


def test_dutylist_toml_wins_and_pyproject_without_table_is_skipped(tmp_path):
    (tmp_path / "dutylist.toml").write_text('fail_on = "info"\n', encoding="utf-8")
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    assert find_config(inner / "a.json").fail_on is Severity.INFO


def test_no_configuration_gives_defaults(tmp_path):
    assert not _ancestors_with_config(tmp_path)
    assert find_config(tmp_path / "a.json") == Config()


def _ancestors_with_config(path: Path) -> set[str]:
    found = set()
    for folder in path.parents:
        for name in ("dutylist.toml", "pyproject.toml"):
            if (folder / name).is_file():
                found.add(str(folder / name))
    return found


@pytest.mark.parametrize(
    "data",
    [
        {"fail_on": "fatal"},
        {"rules": {"stray-space": 3}},
        {"rules": []},
        {"departments": "x.toml"},
        {"similarity": 0},
        {"colour": True},
        {"headers": ["备注"]},
        {"headers": {"colour": ["色"]}},
        {"headers": {"remarks": "附注"}},
    ],
)
def test_invalid_settings(data):
    with pytest.raises(FormatError):
        parse_config(data, source="pyproject.toml")


def test_invalid_toml(tmp_path):
    path = tmp_path / "dutylist.toml"
    path.write_text("fail_on = \n", encoding="utf-8")
    with pytest.raises(FormatError):
        load_config(path)


def test_rules_off_and_severity_change_apply_to_checks():
    import attrs

    duty_list = replace_item(
        clean_list(), clean_list().parts[0].kind, 1, lambda i: attrs.evolve(i, name="加强 党的建设")
    )
    assert check(duty_list).filter(code="stray-space")[0].severity is Severity.WARNING
    off = parse_config({"rules": {"stray-space": False}})
    assert check(duty_list, off).filter(code="stray-space") == ()
    raised = parse_config({"rules": {"stray-space": "error"}})
    report = check(duty_list, raised)
    assert report.filter(code="stray-space")[0].severity is Severity.ERROR
    assert not report.ok


def test_unknown_rule_in_configuration_is_a_usage_error():
    with pytest.raises(UsageError):
        check(clean_list(), parse_config({"rules": {"no-such-rule": False}}))


def test_header_words_are_read_by_role():
    config = parse_config({"headers": {"remarks": ["附注"], "name": ["职责事项", "工作"]}})
    assert config.headers == {"remarks": ("附注",), "name": ("职责事项", "工作")}


def test_office_and_departments_mode(tmp_path):
    (tmp_path / "dutylist.toml").write_text(
        'office = "四川省成都市武侯区玉林街道"\ndepartments = ["county.toml"]\n'
        'departments_mode = "replace"\n',
        encoding="utf-8",
    )
    config = find_config(tmp_path / "list.docx")
    assert config.office == "四川省成都市武侯区玉林街道"
    assert config.registry_mode == "replace"
    assert config.registry_files == (tmp_path / "county.toml",)
    merged = config.merged(office="吉林省长春市南关区明珠街道")
    assert merged.office == "吉林省长春市南关区明珠街道"


@pytest.mark.parametrize("setting", ['departments_mode = "merge"', "office = 3", 'office = ""'])
def test_bad_office_or_mode_is_a_format_error(setting):
    import tomllib

    with pytest.raises(FormatError):
        parse_config(tomllib.loads(setting))
