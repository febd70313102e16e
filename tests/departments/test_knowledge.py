from __future__ import annotations

import pytest

from dutylist.departments.knowledge import Mode, load_knowledge, packaged_knowledge
from dutylist.errors import FormatError, ReadError


def test_the_packaged_vocabulary_has_the_national_departments():
    names = {body.name: body for body in packaged_knowledge().bodies}
    for name, short in [
        ("住房和城乡建设局", "住建局"),
        ("人力资源和社会保障局", "人社局"),
        ("市场监督管理局", "市场监管局"),
        ("政务服务和数据管理局", "政数局"),
        ("发展和改革局", "发改局"),
        ("退役军人事务局", "退役军人局"),
        ("医疗保障局", "医保局"),
        ("工业和信息化局", "工信局"),
        ("林业和草原局", "林草局"),
        ("城市管理局", "城管局"),
        ("统一战线工作部", "统战部"),
    ]:
        assert names[name].short == short
    for name in ("综合行政执法局", "数据局", "财政局", "公安局", "总工会", "红十字会", "人民法院"):
        assert name in names
    assert {"county", "party", "youth", "city", "branch"} <= set(packaged_knowledge().rules)


@pytest.mark.parametrize(
    "text",
    [
        "[[department]]\nabbreviation = 'x'\n",
        "generic = 'x'\n",
        "[[department]\n",
        "rules = 3\n",
        "mode = 'merge'\n",
        "[[body]]\nshort = 'x'\n",
        "[[body]]\nname = 'x'\nrules = ['nowhere']\n",
        "[[body]]\nname = 'x'\nsince = 'last year'\n",
        "[rule.county]\ncanonical = '{county}{name}'\n",
        "colour = 'red'\n",
    ],
)
def test_a_malformed_registry_is_one_format_error_naming_the_file(tmp_path, text):
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FormatError) as error:
        load_knowledge([path])
    assert error.value.location is not None
    assert error.value.location.file == str(path)


def test_missing_registry_file(tmp_path):
    with pytest.raises(ReadError):
        load_knowledge([tmp_path / "missing.toml"])


def test_mode_from_the_caller_wins(tmp_path):
    path = tmp_path / "extra.toml"
    path.write_text('[[body]]\nname = "数据资源中心"\n', encoding="utf-8")
    extended = load_knowledge([path])
    replaced = load_knowledge([path], Mode.REPLACE)
    assert len(extended.bodies) == len(packaged_knowledge().bodies) + 1
    assert [body.name for body in replaced.bodies] == ["数据资源中心"]
