from __future__ import annotations

import pytest

from dutylist.departments.registry import (
    Registry,
    ResolutionKind,
    default_registry,
    normalise_departments,
    occurrences,
)
from dutylist.errors import FormatError, ReadError
from dutylist.model import CooperativeItem, PartKind, RecalledItem


@pytest.fixture(scope="module")
def registry():
    return default_registry()


@pytest.mark.parametrize(
    ("name", "canonical", "kind"),
    [
        ("南关区住房和城乡建设局", "南关区住房和城乡建设局", ResolutionKind.EXACT),
        ("区住建局", "南关区住房和城乡建设局", ResolutionKind.ABBREVIATION),
        ("区应急局牵头", "南关区应急管理局", ResolutionKind.ABBREVIATION),
        (" 区发改局", "南关区发展和改革局", ResolutionKind.ABBREVIATION),
        ("政府办", "南关区人民政府办公室", ResolutionKind.ALIAS),
        ("市市场监管局南关区分局", "长春市市场监督管理局南关分局", ResolutionKind.ALIAS),
        ("长春市市场监督管理局南关区分局", "长春市市场监督管理局南关分局", ResolutionKind.RULE),
        ("市规资局南关区分局", "长春市规划和自然资源局南关分局", ResolutionKind.RULE),
        ("相关部门", None, ResolutionKind.GENERIC),
        ("市公安局南关分区局", None, ResolutionKind.UNKNOWN),
    ],
)
def test_normalise(registry, name, canonical, kind):
    resolution = registry.normalise(name)
    assert (resolution.canonical, resolution.kind) == (canonical, kind)


def test_typo_is_probable_and_suggests_the_right_name(registry):
    resolution = registry.normalise("市公安局南关分区局")
    assert resolution.probable_typo
    assert resolution.suggestions[0].spelling == "市公安局南关区分局"
    assert resolution.suggestions[0].distance == 1


def test_unrelated_unknown_is_no_typo(registry):
    resolution = registry.normalise("区数据资源管理中心")
    assert resolution.kind is ResolutionKind.UNKNOWN
    assert not resolution.probable_typo


def test_every_department_name_of_the_reference_resolves(mingzhu, registry):
    unresolved = {
        o.resolution.cleaned
        for o in occurrences(mingzhu, registry, text=False)
        if o.resolution.kind is ResolutionKind.UNKNOWN
    }
    assert unresolved == {"市公安局南关分区局"}


def test_mentions_skip_not_departments(registry):
    found = [spelling for _, spelling, _ in registry.mentions("配合残联录入全国残联信息服务化平台")]
    assert found == ["残联"]


def test_normalised_copy_fills_canonical(mingzhu, registry):
    copy = normalise_departments(mingzhu, registry)
    assert copy != mingzhu
    item = copy.find(mingzhu.part(PartKind.COOPERATIVE).items[93].key)
    assert isinstance(item, CooperativeItem)
    assert [d.canonical for d in item.departments] == [
        "南关区应急管理局",
        None,
        "南关区城市管理行政执法局",
        "长春市市场监督管理局南关分局",
    ]
    recalled = copy.part(PartKind.RECALLED).items[0]
    assert isinstance(recalled, RecalledItem)
    assert recalled.receiving_departments[0].canonical == "南关区文学艺术界联合会"
    assert all(
        d.canonical is None for d in mingzhu.part(PartKind.RECALLED).items[0].receiving_departments
    )


def test_user_registry_adds_departments_and_aliases(tmp_path):
    path = tmp_path / "extra.toml"
    path.write_text(
        """
generic = ["各成员单位"]
[[department]]
canonical = "南关区数据资源管理中心"
abbreviation = "区数据中心"
level = "区"
aliases = ["区数据资源管理中心"]

[[department]]
canonical = "南关区住房和城乡建设局"
aliases = ["住建局"]
""",
        encoding="utf-8",
    )
    registry = Registry.from_files([path])
    assert registry.normalise("区数据资源管理中心").canonical == "南关区数据资源管理中心"
    assert registry.normalise("住建局").kind is ResolutionKind.ALIAS
    assert registry.normalise("区住建局").kind is ResolutionKind.ABBREVIATION
    assert registry.normalise("各成员单位").kind is ResolutionKind.GENERIC


@pytest.mark.parametrize(
    "text",
    ["[[department]]\nabbreviation = 'x'\n", "generic = 'x'\n", "[[department]\n", "rules = 3\n"],
)
def test_bad_registry_files_raise_format_errors(tmp_path, text):
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FormatError) as error:
        Registry.from_files([path])
    assert error.value.location is not None
    assert error.value.location.file == str(path)


def test_missing_registry_file(tmp_path):
    with pytest.raises(ReadError):
        Registry.from_files([tmp_path / "missing.toml"])


def test_department_view_of_the_reference(mingzhu):
    from dutylist.departments.view import department_views

    views = {view.name: view for view in department_views(mingzhu)}
    housing = views["区住建局"]
    assert housing.spellings == (("区住建局", 99),)
    assert len(housing.receives) == 23
    market = views["市市场监督管理局南关分局"]
    assert dict(market.spellings) == {
        "市市场监督管理局南关分局": 9,
        "市市场监管局南关区分局": 1,
        "市场监管局南关分局": 1,
    }
    emergency = views["区应急局"]
    assert [key.number for key in emergency.leads] == [92, 93, 95, 99]
    assert views["市公安局南关分区局"].kind is ResolutionKind.UNKNOWN
