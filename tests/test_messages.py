"""One language for people: Chinese messages in the source, an English catalog for each.

The catalog is checked against the source (every message marked with ``_()``,
``ngettext()`` or ``N_()`` in ``src/dutylist`` has a translation with the same
placeholders), the committed ``.mo`` against its ``.po``, and the CLI in both languages.
"""

from __future__ import annotations

import io
import json
import re
import string
import tokenize
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from click.testing import CliRunner

from dutylist.cli import main
from dutylist.messages import N_, _, language, ngettext, set_language

REPO = Path(__file__).resolve().parent.parent
SOURCE = REPO / "src" / "dutylist"
LOCALE = SOURCE / "locale" / "en" / "LC_MESSAGES"
EXAMPLES = REPO / "examples"
CJK = re.compile("[\u4e00-\u9fff]")


def _source_messages() -> dict[tuple[str | tuple[str, ...], str | None], list[str]]:
    """Return every message marked in the source, with where it is (babel, as pybabel)."""
    with (REPO / "babel.cfg").open(encoding="utf-8") as config:
        method_map, options_map = parse_mapping_cfg(config)
    keywords = {**DEFAULT_KEYWORDS, "N_": None}
    found: dict[tuple[str | tuple[str, ...], str | None], list[str]] = {}
    for filename, line, message, _comments, context in extract_from_dir(
        SOURCE, method_map, options_map, keywords=keywords
    ):
        key = message if isinstance(message, str) else tuple(message)
        found.setdefault((key, context), []).append(f"{filename}:{line}")
    return found


def _catalog():
    with (LOCALE / "dutylist.po").open("rb") as stream:
        return read_po(stream, locale="en")


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_the_source_has_messages() -> None:
    messages = _source_messages()
    assert len(messages) > 200
    assert ("{item}：{field}为空", None) in messages  # a finding (Python)
    assert ("隐藏仅格式变化（空格、全半角、标点、部门写法）", None) in messages  # the template
    assert ("配合", "部门角色") in messages  # pgettext


def test_every_message_has_an_english_translation() -> None:
    catalog = _catalog()
    problems = []
    for (key, context), places in sorted(_source_messages().items(), key=str):
        msgid = key if isinstance(key, str) else key[0]
        entry = catalog.get(msgid, context=context)
        strings = [] if entry is None else (
            [entry.string] if isinstance(entry.string, str) else list(entry.string)
        )  # fmt: skip
        if entry is None or not all(strings) or entry.fuzzy:
            problems.append(f"{places[0]}: {key!r} has no English translation")
            continue
        problems.extend(
            f"{places[0]}: {translated!r} has other placeholders"
            for translated in strings
            if _fields(translated) != _fields(msgid)
        )
    assert not problems, "run `make messages`, then translate:\n" + "\n".join(problems)


def test_translations_are_english() -> None:
    """A translation is English words, not the Chinese copied (quoted list text may stay)."""
    catalog = _catalog()
    for entry in catalog:
        if not entry.id or not CJK.search(str(entry.id)):
            continue
        strings = [entry.string] if isinstance(entry.string, str) else list(entry.string)
        for translated in strings:
            assert re.search("[A-Za-z]", translated), translated
            assert len(CJK.findall(translated)) <= len(CJK.findall(str(entry.id))), translated


def test_no_message_hides_in_an_f_string() -> None:
    """Babel cannot see ``_()`` inside an f-string: such a message would never be translated."""
    hidden = []
    for path in SOURCE.rglob("*.py"):
        tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
        for token in tokens:
            is_f_string = token.type == tokenize.STRING and "f" in token.string[:3].lower()
            if is_f_string and re.search(r"\{[^{}]*\b(?:N_|_|ngettext)\(", token.string):
                hidden.append(f"{path}:{token.start[0]}")
    assert not hidden


def test_compiled_catalog_is_up_to_date() -> None:
    compiled = io.BytesIO()
    write_mo(compiled, _catalog(), use_fuzzy=False)
    assert (LOCALE / "dutylist.mo").read_bytes() == compiled.getvalue(), "run `make messages`"


def test_language_is_chosen_by_set_language_then_dutylist_lang(monkeypatch) -> None:
    assert language() == "zh"
    assert _("整个清单") == "整个清单"
    monkeypatch.setenv("DUTYLIST_LANG", "en_GB.UTF-8")
    assert language() == "en"
    assert _("整个清单") == "The list"
    set_language("zh")
    assert _("整个清单") == "整个清单"
    set_language(None)
    assert language() == "en"
    monkeypatch.setenv("DUTYLIST_LANG", "fr")
    assert language() == "zh"
    with pytest.raises(ValueError, match="unknown language"):
        set_language("fr")


def test_lang_is_ignored(monkeypatch) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    assert language() == "zh"


def test_plural_forms_and_marked_messages() -> None:
    set_language("en")
    assert ngettext("{count} 个错误", "{count} 个错误", 1).format(count=1) == "1 error"
    assert ngettext("{count} 个错误", "{count} 个错误", 2).format(count=2) == "2 errors"
    assert N_("整个清单") == "整个清单"


# -- the command line in both languages ----------------------------------------------------


def _run(*args: str, env: dict[str, str] | None = None):
    return CliRunner(env=env).invoke(main, list(args))


CHECK = ("check", str(EXAMPLES / "mingzhu.json"))
DIFF = ("diff", str(EXAMPLES / "mingzhu.json"), str(EXAMPLES / "mingzhu-revised.json"))
DEPARTMENTS = ("departments", str(EXAMPLES / "mingzhu.json"))

# (command, a phrase of its English output, the same phrase in Chinese)
PHRASES = [
    (CHECK, "stray space in", "中有多余的空格"),
    (CHECK, "hint: ", "建议："),
    (CHECK, "failing at error and above", "及以上级别判为不通过"),
    (DIFF, "Changes between two versions of the list", "清单变更对照"),
    (DIFF, "Old version: ", "原版本："),
    (DEPARTMENTS, "  spellings", "  写法"),
    (DEPARTMENTS, "cooperative 53", "配合事项 53"),
]


@pytest.mark.parametrize(("command", "english", "chinese"), PHRASES)
def test_lang_en_speaks_english(command, english, chinese) -> None:
    result = _run("--lang", "en", *command)
    assert result.exit_code in {0, 1}, result.output
    assert english in result.stdout
    assert chinese not in result.stdout


@pytest.mark.parametrize(("command", "english", "chinese"), PHRASES)
def test_dutylist_lang_en_speaks_english(command, english, chinese) -> None:
    result = _run(*command, env={"DUTYLIST_LANG": "en"})
    assert english in result.stdout
    assert chinese not in result.stdout


@pytest.mark.parametrize(("command", "english", "chinese"), PHRASES)
def test_chinese_is_the_default_even_when_lang_is_c(command, english, chinese) -> None:
    result = _run(*command, env={"LANG": "C", "LC_ALL": "C", "LANGUAGE": "en"})
    assert chinese in result.stdout
    assert english not in result.stdout


def test_lang_zh_overrides_dutylist_lang() -> None:
    result = _run("--lang", "zh", *CHECK, env={"DUTYLIST_LANG": "en"})
    assert "中有多余的空格" in result.stdout


def test_findings_in_english_keep_codes_and_json_keys() -> None:
    chinese = _run(*CHECK, "--format", "json")
    english = _run("--lang", "en", *CHECK, "--format", "json")
    assert english.stdout != chinese.stdout
    zh, en = json.loads(chinese.stdout), json.loads(english.stdout)
    assert zh.keys() == en.keys()
    assert [f["code"] for f in zh["findings"]] == [f["code"] for f in en["findings"]]
    assert [f["key"] for f in zh["findings"]] == [f["key"] for f in en["findings"]]


def test_html_report_in_english(tmp_path) -> None:
    out = tmp_path / "changes.html"
    result = _run("--lang", "en", *DIFF, "--format", "html", "-o", str(out))
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert '<html lang="en">' in html
    assert "Hide formatting-only changes" in html
    assert "<del>struck through</del>" in html
    assert "隐藏仅格式变化" not in html


def test_errors_in_english() -> None:
    result = _run("--lang", "en", "check", "missing.json")
    assert result.exit_code == 2
    assert result.stderr.strip() == "dutylist: error: missing.json: file not found"
    result = _run("check", "missing.json")
    assert result.stderr.strip() == "dutylist: error: missing.json: 文件不存在"
