"""Configuration files: ``gklint.toml`` or ``[tool.gklint]`` in ``pyproject.toml``.

As in ruff, the closest configuration file above a checked file applies to it, whole
(files are not merged); ``gklint.toml`` wins over ``pyproject.toml`` in one directory, and
a ``pyproject.toml`` without a ``[tool.gklint]`` table is passed over. Paths inside a
file (TOML packs, per-file-ignores globs) are relative to the file's directory.

Every problem is a `ConfigError` naming the file and, when it can be found, the line.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gklint.findings import Severity

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec

CONFIG_FILE = "gklint.toml"
PYPROJECT = "pyproject.toml"
AGENCY_KINDS = ("department", "government")
LANGS = ("zh", "en")
_TABLE_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")


class ConfigError(Exception):
    """A configuration file that cannot be used; ``str()`` reads ``path:line: message``."""

    def __init__(self, message: str, path: Path | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message, self.path, self.line = message, path, line

    def __str__(self) -> str:
        if self.path is None:
            return self.message
        return f"{self.path}:{self.line}: {self.message}" if self.line else f"{self.path}: {self.message}"


@dataclass(frozen=True)
class Config:
    """The settings of one configuration file (or the defaults, with ``path`` None).

    ``packs`` is None when the file does not restrict the installed packs; ``toml_packs``
    are the declarative packs it adds, as absolute paths.
    """

    path: Path | None = None
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    packs: tuple[str, ...] | None = None
    toml_packs: tuple[Path, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    year: int | None = None
    agency: str | None = None
    agency_kind: str | None = None
    lang: str | None = None
    fail_on: Severity | None = None
    # [previous]: a report's file -> last year's report (absolute paths; `gklint.pairing`).
    previous: tuple[tuple[Path, Path], ...] = ()
    # The file's text and its gklint table, to point errors found later at a line.
    source: str = field(default="", repr=False, compare=False)
    table: str = field(default="", repr=False, compare=False)

    @property
    def root(self) -> Path:
        """The directory relative paths in this file start from."""
        return self.path.parent if self.path else Path.cwd()

    def ignored_for(self, file: str) -> tuple[str, ...]:
        """Selectors that per-file-ignores turns off for ``file``.

        Globs have .gitignore semantics, relative to the configuration's directory: a glob
        with a ``/`` is anchored there and its ``*`` stays within one folder
        (``reports/*.txt`` is not ``reports/archive/x.txt``, ``reports/**`` is), one
        without matches the name in any folder, and ``dir/`` everything below ``dir``.
        """
        if not self.per_file_ignores or file == "-":
            return ()
        path = Path(file).resolve()
        try:
            relative = path.relative_to(self.root.resolve()).as_posix()
        except ValueError:  # outside this file's directory: only globs without a / can match
            relative = path.name
        return tuple(
            selector
            for glob, selectors in self.per_file_ignores
            if gitignore_glob(glob).match_file(relative)
            for selector in selectors
        )

    def previous_for(self, file: str) -> Path | None:
        """Last year's report of ``file`` if ``[previous]`` names one."""
        if not self.previous or file == "-":
            return None
        path = Path(file).resolve()
        return next((last for this, last in self.previous if this == path), None)

    def error(self, message: str, *, key: str | None = None, value: str | None = None) -> ConfigError:
        """A `ConfigError` pointing at the line of ``value`` (quoted) or else ``key``."""
        line = None
        if value is not None:
            line = _value_line(self.source, value)
        if line is None and key is not None:
            line = _key_line(self.source, self.table, key)
        return ConfigError(message, self.path, line)


@lru_cache(maxsize=256)
def gitignore_glob(glob: str) -> GitIgnoreSpec:
    """A per-file-ignores glob compiled with .gitignore semantics; ValueError if it is not one."""
    import pathspec  # noqa: PLC0415 - only a configuration with per-file-ignores needs it

    spec = pathspec.GitIgnoreSpec.from_lines([glob])  # raises ValueError if malformed
    # A negation, a comment (`#…`) or an empty glob would silently match nothing here.
    if glob.startswith("!") or not spec.patterns or any(p.include is None for p in spec.patterns):
        raise ValueError("it names no files (a negation, a comment or empty)")
    return spec


# key -> (checker, description for the error message)
def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


_KEYS: dict[str, tuple[Any, str]] = {
    "select": (_strings, "a list of strings"),
    "extend-select": (_strings, "a list of strings"),
    "ignore": (_strings, "a list of strings"),
    "packs": (_strings, "a list of strings"),
    "severity": (lambda v: isinstance(v, dict), "a table of rule = severity"),
    "per-file-ignores": (lambda v: isinstance(v, dict), "a table of glob = [rules]"),
    "previous": (lambda v: isinstance(v, dict), "a table of report = last year's report"),
    "year": (lambda v: isinstance(v, int) and not isinstance(v, bool) and 1990 <= v <= 2100, "a year"),
    "agency": (lambda v: isinstance(v, str) and v.strip() != "", "a non-empty string"),
    "agency-kind": (lambda v: v in AGENCY_KINDS, " or ".join(f'"{k}"' for k in AGENCY_KINDS)),
    "lang": (lambda v: v in LANGS, '"zh" or "en"'),
    "fail-on": (lambda v: isinstance(v, str) and v in ("error", "warning", "info"), '"error", "warning" or "info"'),
}


def read_toml(path: Path, what: str) -> tuple[str, dict[str, Any]]:
    """The text and parsed data of a TOML file; a `ConfigError` with the line if it is not TOML."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read {what}: {exc}", path) from None
    try:
        return text, tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None) or _decode_error_line(str(exc))
        raise ConfigError(f"invalid TOML: {str(exc).split(' (at line')[0]}", path, line) from None
    except RecursionError:  # tomllib recurses once per level of nested arrays or tables
        raise ConfigError("invalid TOML: nested too deeply", path) from None


def load_config(path: Path) -> Config:
    """Read and validate one configuration file (``gklint.toml`` or ``pyproject.toml``)."""
    path = path.resolve()
    text, data = read_toml(path, "the configuration")
    if path.name == PYPROJECT:
        data, table = data.get("tool", {}).get("gklint", {}), "tool.gklint"
    else:
        table = ""
    return _parse(data, Config(path=path, source=text, table=table))


def _parse(data: dict[str, Any], base: Config) -> Config:
    for key, value in data.items():
        if key not in _KEYS:
            known = ", ".join(sorted(_KEYS))
            raise base.error(f"unknown key {key!r} (known keys: {known})", key=key)
        valid, wanted = _KEYS[key]
        if not valid(value):
            raise base.error(f"{key} must be {wanted}, not {value!r}", key=key)
    severity = []
    for selector, name in data.get("severity", {}).items():
        try:
            severity.append((selector, Severity.parse(name if isinstance(name, str) else repr(name))))
        except ValueError as exc:
            raise base.error(f"severity of {selector}: {exc}", key=selector) from None
    per_file = []
    for glob, selectors in data.get("per-file-ignores", {}).items():
        if not _strings(selectors):
            raise base.error(f"per-file-ignores {glob!r} must be a list of rules", key=glob)
        try:
            gitignore_glob(glob)
        except ValueError as exc:
            raise base.error(f"per-file-ignores {glob!r} is not a valid glob: {exc}", key=glob) from None
        per_file.append((glob, tuple(selectors)))
    previous = []
    for this, last in data.get("previous", {}).items():
        if not isinstance(last, str) or not last.strip():
            raise base.error(f"previous {this!r} must be the path of last year's report", key=this)
        found = (base.root / last).resolve()
        if not found.is_file():
            raise base.error(f"previous report not found: {found}", value=last)
        previous.append(((base.root / this).resolve(), found))
    packs = data.get("packs")
    toml_packs = tuple((base.root / p).resolve() for p in packs or () if p.endswith(".toml"))
    for pack in toml_packs:
        if not pack.is_file():
            raise base.error(f"rule pack file not found: {pack}", value=_original(packs or [], pack, base.root))
    names = tuple(p for p in packs or () if not p.endswith(".toml"))
    return Config(
        path=base.path,
        select=tuple(data["select"]) if "select" in data else None,
        extend_select=tuple(data.get("extend-select", ())),
        ignore=tuple(data.get("ignore", ())),
        severity=tuple(severity),
        packs=names or None,
        toml_packs=toml_packs,
        per_file_ignores=tuple(per_file),
        year=data.get("year"),
        agency=data.get("agency"),
        agency_kind=data.get("agency-kind"),
        lang=data.get("lang"),
        fail_on=Severity.parse(data["fail-on"]) if "fail-on" in data else None,
        previous=tuple(previous),
        source=base.source,
        table=base.table,
    )


def _original(packs: list[str], resolved: Path, root: Path) -> str:
    return next(p for p in packs if (root / p).resolve() == resolved)


def find_config_file(start: Path) -> Path | None:
    """The closest configuration file in ``start`` or above it."""
    start = start.resolve()
    for directory in (start, *start.parents):
        candidate = directory / CONFIG_FILE
        if candidate.is_file():
            return candidate
        candidate = directory / PYPROJECT
        if candidate.is_file() and _has_gklint_table(candidate):
            return candidate
    return None


def _has_gklint_table(pyproject: Path) -> bool:
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        # A broken pyproject.toml that may not even be ours: only a [tool.gklint] header
        # makes it our business (and then load_config reports the syntax error).
        return "[tool.gklint" in pyproject.read_text(encoding="utf-8", errors="replace")
    return "gklint" in data.get("tool", {})


class ConfigFinder:
    """Finds and caches the configuration for each checked path.

    ``forced`` (``--config``) applies to every path; ``isolated`` (``--isolated``) means
    no file at all.
    """

    def __init__(self, *, forced: Path | None = None, isolated: bool = False) -> None:
        self.forced = load_config(forced) if forced is not None and not isolated else None
        self.isolated = isolated
        self._by_file: dict[Path, Config] = {}
        self._by_dir: dict[Path, Path | None] = {}

    def for_path(self, path: str) -> Config:
        """The configuration for a checked file, or for a directory's reports (``-``: the current one)."""
        if self.isolated:
            return Config()
        if self.forced is not None:
            return self.forced
        target = Path.cwd() if path == "-" else Path(path).resolve()
        start = target if target.is_dir() else target.parent
        if start not in self._by_dir:
            self._by_dir[start] = find_config_file(start)
        found = self._by_dir[start]
        if found is None:
            return Config()
        if found not in self._by_file:
            self._by_file[found] = load_config(found)
        return self._by_file[found]


def _decode_error_line(message: str) -> int | None:
    match = re.search(r"at line (\d+)", message)
    return int(match.group(1)) if match else None


def _key_line(text: str, table: str, key: str) -> int | None:
    """The line where ``key`` is set inside ``table`` or one of its sub-tables."""
    current = ""
    pattern = re.compile(rf"^\s*(?:[\w.\-\"']+\.)?[\"']?{re.escape(key)}[\"']?\s*=")
    for number, line in enumerate(text.splitlines(), 1):
        header = _TABLE_HEADER.match(line)
        if header:
            current = header.group(1).replace('"', "").replace("'", "")
            continue
        inside = current == table or current.startswith(f"{table}.") if table else True
        if inside and pattern.match(line):
            return number
    return None


def _value_line(text: str, value: str) -> int | None:
    """The first line holding ``value`` as a quoted string."""
    for number, line in enumerate(text.splitlines(), 1):
        if f'"{value}"' in line or f"'{value}'" in line:
            return number
    return None


def _toml(value: object) -> str:
    """A value written as TOML (strings, lists of strings, ints)."""
    if isinstance(value, tuple | list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return str(value)


def _key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else _toml(key)


def describe(config: Config) -> list[str]:
    """The resolved settings as TOML lines under a comment naming their file (``gklint config``).

    Unset keys are shown as comments with what applies instead.
    """
    head = f"# settings from {config.path}" if config.path else "# no configuration file: defaults"
    packs = [*(config.packs or ()), *(str(p) for p in config.toml_packs)]
    values: list[tuple[str, object, str]] = [
        ("select", config.select, '["ALL"]'),
        ("extend-select", config.extend_select or None, "[]"),
        ("ignore", config.ignore or None, "[]"),
        ("packs", packs or None, "every installed pack"),
        ("year", config.year, "the year in the title"),
        ("agency", config.agency, "the agency in the title"),
        ("agency-kind", config.agency_kind, "inferred from the agency name"),
        ("lang", config.lang, '"zh"'),
        ("fail-on", str(config.fail_on) if config.fail_on else None, '"error"'),
    ]
    lines = [head]
    for key, value, default in values:
        lines.append(f"{key} = {_toml(value)}" if value is not None else f"# {key}: {default}")
    if config.severity:
        lines += ["", "[severity]", *(f"{_key(s)} = {_toml(str(level))}" for s, level in config.severity)]
    if config.per_file_ignores:
        lines += ["", "[per-file-ignores]", *(f"{_key(g)} = {_toml(s)}" for g, s in config.per_file_ignores)]
    if config.previous:
        lines += ["", "[previous]", *(f"{_key(str(t))} = {_toml(str(p))}" for t, p in config.previous)]
    return lines
