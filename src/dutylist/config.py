"""Check configuration: ``[tool.dutylist]`` in pyproject.toml, or a ``dutylist.toml``.

The configuration is found from the checked file's folder upward; in each folder a
``dutylist.toml`` wins over a ``pyproject.toml``, and a pyproject.toml without a
``[tool.dutylist]`` table is skipped. Example::

    [tool.dutylist]
    fail_on = "warning"                  # error (default), warning or info
    departments = ["registry.toml"]      # registry files, relative to this file
    departments_mode = "extend"          # or "replace": drop the national vocabulary
    office = "四川省成都市武侯区玉林街道"   # the office, when the title does not say
    similarity = 90                      # near-duplicate item names: rapidfuzz ratio
    max_input_bytes = 104857600          # read inputs up to 100 MiB (default 50 MiB)

    [tool.dutylist.rules]
    missing-closing-punctuation = false  # turn a rule off
    stray-space = "error"                # or change its severity

    [tool.dutylist.headers]              # header words the readers should know
    name = ["职责事项"]                   # role = list of header texts
    remarks = ["附注"]

In ``dutylist.toml`` the same keys sit at the top level.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from dutylist.checks.findings import Severity
from dutylist.errors import FormatError
from dutylist.io.files import read_toml
from dutylist.location import Location
from dutylist.messages import _

DEFAULT_SIMILARITY = 90.0
"""Item names whose rapidfuzz ratio (0–100) is at least this are near-duplicates."""


@attrs.frozen(kw_only=True)
class Config:
    """What to check and how strictly."""

    enabled: Mapping[str, bool] = attrs.field(factory=dict)
    """Rules turned on (True) or off (False) by code; unlisted rules are on."""
    severities: Mapping[str, Severity] = attrs.field(factory=dict)
    """Severities that replace a rule's default, by code."""
    registry_files: tuple[Path, ...] = ()
    """Department registry files added to (or replacing) the packaged knowledge."""
    registry_mode: str | None = None
    """``"extend"`` or ``"replace"``; None lets each registry file's ``mode`` decide."""
    office: str | None = None
    """The office (``四川省成都市武侯区玉林街道``), overriding the one in the list's title."""
    fail_on: Severity = Severity.ERROR
    """The lowest severity that fails a run."""
    similarity: float = DEFAULT_SIMILARITY
    """Threshold (rapidfuzz ratio, 0–100) for near-duplicate item names."""
    max_input_bytes: int | None = None
    """The largest input to read, in bytes; None keeps the default (:mod:`dutylist.io.files`)."""
    source: str | None = None
    """The file the configuration was read from, if any."""
    headers: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    """Header words added to the vocabulary, by role name (``name``, ``remarks`` …)."""

    def is_enabled(self, code: str) -> bool:
        """Return True unless the rule ``code`` is turned off."""
        return self.enabled.get(code, True)

    def severity_of(self, code: str, default: Severity) -> Severity:
        """Return the configured severity of ``code``, or ``default``."""
        return self.severities.get(code, default)

    def merged(
        self,
        *,
        fail_on: Severity | None = None,
        registry_files: tuple[Path, ...] = (),
        registry_mode: str | None = None,
        office: str | None = None,
    ) -> Config:
        """Return a copy with command-line choices applied on top."""
        return attrs.evolve(
            self,
            fail_on=fail_on or self.fail_on,
            registry_files=self.registry_files + registry_files,
            registry_mode=registry_mode or self.registry_mode,
            office=office or self.office,
        )


def find_config(start: str | os.PathLike[str]) -> Config:
    """Return the configuration that applies to the file or folder ``start``.

    Searches ``start``'s folder and its parents; returns the default configuration
    when no file is found.

    Raises:
        FormatError: the configuration file found is not valid.
    """
    path = Path(os.path.realpath(start))  # Path.resolve raises on link loops
    try:
        folder = path if path.is_dir() else path.parent
    except OSError:  # a name too long
        folder = path.parent
    for candidate in (folder, *folder.parents):
        own = candidate / "dutylist.toml"
        if own.is_file():
            return load_config(own)
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and _has_tool_table(pyproject):
            return load_config(pyproject)
    return Config()


def _read_toml(path: Path) -> dict[str, Any]:
    return read_toml(path, _("配置文件"))


def _has_tool_table(path: Path) -> bool:
    tool = _read_toml(path).get("tool", {})
    return isinstance(tool, dict) and "dutylist" in tool


def load_config(path: str | os.PathLike[str]) -> Config:
    """Return the configuration in ``path`` (a pyproject.toml or a dutylist.toml).

    Raises:
        ReadError: the file cannot be read.
        FormatError: the file or its dutylist settings are not valid.
    """
    file = Path(path)
    data = _read_toml(file)
    if file.name == "pyproject.toml":
        tool = data.get("tool", {})
        data = tool.get("dutylist", {}) if isinstance(tool, dict) else {}
        if not isinstance(data, dict):
            raise FormatError(
                _("[tool.dutylist] 应为表（table），而不是 {value}").format(value=_kind(data)),
                Location(file=str(file)),
            )
    return parse_config(data, source=str(file))


def _kind(value: object) -> str:
    return type(value).__name__


def parse_config(data: Mapping[str, Any], *, source: str | None = None) -> Config:
    """Return the configuration described by ``data`` (the ``[tool.dutylist]`` table).

    Raises:
        FormatError: a setting has the wrong type or value; the message names it.
    """
    where = Location(file=source)
    if not isinstance(data, Mapping):
        raise FormatError(_("配置应为表（table），而不是 {value}").format(value=_kind(data)), where)
    known = {
        "rules",
        "fail_on",
        "departments",
        "departments_mode",
        "office",
        "similarity",
        "max_input_bytes",
        "headers",
    }
    unknown = sorted(set(data) - known)
    if unknown:
        raise FormatError(_("未知的 dutylist 设置项“{key}”").format(key=unknown[0]), where)
    enabled: dict[str, bool] = {}
    severities: dict[str, Severity] = {}
    rules = data.get("rules", {})
    if not isinstance(rules, dict):
        raise FormatError(_("“rules”必须是“规则代码 = true/false/严重程度”的表"), where)
    for code, value in rules.items():
        if isinstance(value, bool):
            enabled[code] = value
        elif isinstance(value, str):
            severities[code] = _severity(value, f"rules.{code}", where)
        else:
            raise FormatError(
                _("rules.{code} 必须是 true、false 或严重程度").format(code=code), where
            )
    fail_on = _severity(data.get("fail_on", "error"), "fail_on", where)
    files = data.get("departments", [])
    if not isinstance(files, list) or not all(isinstance(item, str) for item in files):
        raise FormatError(_("“departments”必须是文件名的列表"), where)
    mode = data.get("departments_mode")
    if mode is not None and mode not in {"extend", "replace"}:
        raise FormatError(_("“departments_mode”必须是“extend”或“replace”"), where)
    office = data.get("office")
    if office is not None and (not isinstance(office, str) or not office.strip()):
        raise FormatError(
            _("“office”必须是乡镇（街道）的名称，例如 四川省成都市武侯区玉林街道"), where
        )
    base = Path(source).parent if source is not None else Path()
    similarity = data.get("similarity", DEFAULT_SIMILARITY)
    if isinstance(similarity, bool) or not isinstance(similarity, int | float):
        raise FormatError(_("“similarity”必须是 0 到 100 之间的数"), where)
    if not 0 < similarity <= 100:
        raise FormatError(_("“similarity”必须是 0 到 100 之间的数"), where)
    limit = data.get("max_input_bytes")
    if limit is not None and (
        isinstance(limit, bool) or not isinstance(limit, int) or not 0 < limit < 1 << 40
    ):
        raise FormatError(_("'max_input_bytes' 应为正整数字节数"), where)
    headers = _headers(data.get("headers", {}), where)
    return Config(
        headers=headers,
        max_input_bytes=limit,
        enabled=enabled,
        severities=severities,
        registry_files=tuple(base / name for name in files),
        registry_mode=mode,
        office=office,
        fail_on=fail_on,
        similarity=float(similarity),
        source=source,
    )


def _headers(value: object, where: Location) -> dict[str, tuple[str, ...]]:
    from dutylist.parse.vocabulary import ROLE_NAMES  # noqa: PLC0415

    if not isinstance(value, dict):
        raise FormatError(_("“headers”必须是“列角色 = [表头文字]”的表"), where)
    headers = {}
    for role, texts in value.items():
        if role not in ROLE_NAMES:
            raise FormatError(
                _("headers.{role}：未知的列角色；请使用 {roles} 之一").format(
                    role=role, roles=", ".join(ROLE_NAMES)
                ),
                where,
            )
        if not isinstance(texts, list) or not all(isinstance(text, str) for text in texts):
            raise FormatError(_("headers.{role} 必须是表头文字的列表").format(role=role), where)
        headers[role] = tuple(texts)
    return headers


def _severity(value: object, key: str, where: Location) -> Severity:
    try:
        return Severity(value)
    except (ValueError, TypeError):
        choices = ", ".join(severity.value for severity in Severity)
        raise FormatError(
            _("{key} 必须是 {choices} 之一，而不是“{value}”").format(
                key=key, choices=choices, value=value
            ),
            where,
        ) from None
