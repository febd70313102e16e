"""Check configuration: ``[tool.dutylist]`` in pyproject.toml, or a ``dutylist.toml``.

The configuration is found from the checked file's folder upward; in each folder a
``dutylist.toml`` wins over a ``pyproject.toml``, and a pyproject.toml without a
``[tool.dutylist]`` table is skipped. Example::

    [tool.dutylist]
    fail_on = "warning"                  # error (default), warning or info
    departments = ["registry.toml"]      # extra registry files, relative to this file
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
    """Department registry files added to the packaged one."""
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
    ) -> Config:
        """Return a copy with command-line choices applied on top."""
        return attrs.evolve(
            self,
            fail_on=fail_on or self.fail_on,
            registry_files=self.registry_files + registry_files,
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
    known = {"rules", "fail_on", "departments", "similarity", "max_input_bytes", "headers"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise FormatError(f"unknown dutylist setting {unknown[0]!r}", where)
    enabled: dict[str, bool] = {}
    severities: dict[str, Severity] = {}
    rules = data.get("rules", {})
    if not isinstance(rules, dict):
        raise FormatError("'rules' must be a table of code = true/false/severity", where)
    for code, value in rules.items():
        if isinstance(value, bool):
            enabled[code] = value
        elif isinstance(value, str):
            severities[code] = _severity(value, f"rules.{code}", where)
        else:
            raise FormatError(f"rules.{code} must be true, false or a severity", where)
    fail_on = _severity(data.get("fail_on", "error"), "fail_on", where)
    files = data.get("departments", [])
    if not isinstance(files, list) or not all(isinstance(item, str) for item in files):
        raise FormatError("'departments' must be a list of file names", where)
    base = Path(source).parent if source is not None else Path()
    similarity = data.get("similarity", DEFAULT_SIMILARITY)
    if isinstance(similarity, bool) or not isinstance(similarity, int | float):
        raise FormatError("'similarity' must be a number from 0 to 100", where)
    if not 0 < similarity <= 100:
        raise FormatError("'similarity' must be a number from 0 to 100", where)
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
        fail_on=fail_on,
        similarity=float(similarity),
        source=source,
    )


def _headers(value: object, where: Location) -> dict[str, tuple[str, ...]]:
    from dutylist.parse.vocabulary import ROLE_NAMES  # noqa: PLC0415

    if not isinstance(value, dict):
        raise FormatError("'headers' must be a table of role = [header texts]", where)
    headers = {}
    for role, texts in value.items():
        if role not in ROLE_NAMES:
            raise FormatError(
                f"headers.{role}: unknown column role; use one of {', '.join(ROLE_NAMES)}", where
            )
        if not isinstance(texts, list) or not all(isinstance(text, str) for text in texts):
            raise FormatError(f"headers.{role} must be a list of header texts", where)
        headers[role] = tuple(texts)
    return headers


def _severity(value: object, key: str, where: Location) -> Severity:
    try:
        return Severity(value)
    except (ValueError, TypeError):
        choices = ", ".join(severity.value for severity in Severity)
        raise FormatError(
            f"{key} must be one of {choices}, not {repr(value)[:40]}", where
        ) from None
