"""Help texts speak the language in use, like every other message (one voice)."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from dutylist.cli import main
from dutylist.cli.helptext import show_help_in
from dutylist.messages import _, set_language


def _help(*args: str, env: dict[str, str] | None = None) -> str:
    result = CliRunner().invoke(main, [*args, "--help"], env=env)
    assert result.exit_code == 0, result.output
    return result.output


def test_help_is_chinese_by_default_and_english_on_request() -> None:
    chinese = _help("diff", env={"DUTYLIST_LANG": ""})
    assert "比较 OLD 和 NEW" in chinese
    assert "略去形式上的变化" in chinese
    english = _help("--lang", "en", "diff")
    assert "Compare OLD and NEW" in english
    assert "Leave out cosmetic changes" in english
    assert "比较 OLD 和 NEW" not in english
    from_environment = _help("check", env={"DUTYLIST_LANG": "en"})
    assert "Check SOURCES for consistency" in from_environment
    # the next run without --lang speaks the default again
    assert "检查 SOURCES 的一致性" in _help("check", env={"DUTYLIST_LANG": ""})


def test_the_command_list_shows_each_commands_summary_in_the_language() -> None:
    assert "把 SOURCE 转换为 OUTPUT" in _help(env={"DUTYLIST_LANG": ""})
    assert "Convert SOURCE to OUTPUT" in _help("--lang", "en")


def _texts(command: click.Command) -> list[tuple[str, str]]:
    found = [(command.name or "", command.help or "")]
    found += [
        (f"{command.name} {p.name}", p.help or "")
        for p in command.params
        if isinstance(p, click.Option)
    ]
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            found += _texts(sub)
    return found


@pytest.fixture
def chinese_help():
    set_language("zh")
    show_help_in(main)
    yield
    set_language(None)
    show_help_in(main)


@pytest.mark.usefixtures("chinese_help")
def test_every_command_and_option_has_help_with_an_english_translation() -> None:
    texts = [(where, text) for where, text in _texts(main) if not where.endswith(" help")]
    missing = [where for where, text in texts if not text]
    assert not missing, f"no help text: {missing}"
    set_language("en")
    untranslated = [where for where, text in texts if _(text) == text]
    assert not untranslated, f"help without an English translation: {untranslated}"
