"""The national rules reach gklint only through `gklint.api`.

Checked on the rules' source (AST), so it holds for every branch, not just the ones a
test report happens to take:

- imports: from gklint only `from gklint.api import <exported name>`; besides that the
  standard library, the rules' own package and the declared dependencies;
- no reflection that would name an attribute or module at run time (`getattr`, `vars`,
  `__import__`, …) and no `_private` or `__dunder__` attribute;
- no attribute that only gklint's internals have: the public attributes of every gklint
  class the API does not export (`TemplateSpec.t3`, `Structure.sections`, `Tables.t4`…)
  and the members of exported classes kept out of the API (`StatTable.fragments`), unless
  an exported class has an attribute of that name too; and where a hidden member shares
  its name with an API attribute (`StatTable.template` and the report's `template`, a
  string), nothing but that API attribute's own attributes may follow it.

Together with the API being closed (every public attribute of an exported class is of
an exported, built-in or standard-library type, hidden members aside), a rule can reach
an internal object only through a hidden member, and use it only through attribute names
the API has too (`table.template.name`): the check reads names, not types.
"""

from __future__ import annotations

import ast
import builtins
import datetime
import decimal
import importlib
import inspect
import pkgutil
import re
import sys
import tomllib
import types
import typing
from collections.abc import Iterator
from dataclasses import fields, is_dataclass
from pathlib import Path

import pytest

import gklint
from gklint import api

ROOT = Path(__file__).parents[1]
RULES = ROOT / "rules" / "gklint_rules"

# Members of exported classes that rules must not use, and why.
HIDDEN = {
    "StatTable": {"fragments": "the AST tables behind it: use `source_rows`", "template": "use `grid` or `blocks`"},
    "Report": {"tables": "use `table2`, `table3`, `table4`"},
}
# Hidden members named like an API attribute, with that attribute's type: after the name
# only that type's attributes may follow (`report.template.startswith`, not `….t3`).
SHARED_NAMES = {"template": str, "tables": tuple}
REFLECTION = {"getattr", "setattr", "delattr", "vars", "globals", "locals", "eval", "exec", "compile", "__import__"}
# Types the rules handle besides the API's: their attributes are never internals.
EVERYDAY = (str, bytes, int, float, list, tuple, dict, set, frozenset, decimal.Decimal, datetime.date, re.Pattern,
            re.Match, Iterator, object)  # fmt: skip


def _exported_classes() -> dict[str, type]:
    return {name: value for name in api.__all__ if inspect.isclass(value := getattr(api, name))}


def _public(cls: type) -> set[str]:
    names = {n for n in dir(cls) if not n.startswith("_")}
    if is_dataclass(cls):
        names |= {f.name for f in fields(cls)}
    return names


def _modules() -> Iterator[types.ModuleType]:
    """Every module of gklint but the generated parsers and the `python -m` entry points."""
    for info in pkgutil.walk_packages(gklint.__path__, "gklint."):
        if not info.name.startswith("gklint.grammars._") and not info.name.endswith("__main__"):
            yield importlib.import_module(info.name)


def api_attributes() -> set[str]:
    """Every attribute name an exported class offers, hidden members left out."""
    out: set[str] = set()
    for name, cls in _exported_classes().items():
        out |= _public(cls) - set(HIDDEN.get(name, {}))
    return out


def internal_attributes() -> set[str]:
    """Attribute names that only gklint's internals have."""
    exported = set(_exported_classes().values())
    internal: set[str] = {member for members in HIDDEN.values() for member in members}
    for module in _modules():
        for cls in vars(module).values():
            if inspect.isclass(cls) and cls.__module__ == module.__name__ and cls not in exported:
                if not cls.__name__.startswith("_") and not issubclass(cls, BaseException):
                    internal |= _public(cls)
    everyday = set().union(*(dir(t) for t in EVERYDAY))
    return internal - api_attributes() - everyday - _own_attributes() - set(SHARED_NAMES)


def _own_attributes() -> set[str]:
    """The attributes of the classes the rules define themselves (their helpers' records)."""
    names: set[str] = set()
    for path in RULES.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                for item in node.body:
                    if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
                        names.add(item.target.id)
                    elif isinstance(item, ast.FunctionDef):
                        names.add(item.name)
    return names


def _stdlib(module: str) -> bool:
    return module.split(".")[0] in sys.stdlib_module_names


def _dependencies() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {re.split(r"[^A-Za-z0-9_.-]", d, maxsplit=1)[0].lower().replace("-", "_") for d in project["dependencies"]}


def violations(source: str, internal: set[str]) -> list[str]:
    """What in ``source`` (a rule module) goes around the API, one line each."""
    tree = ast.parse(source)
    allowed_modules = _dependencies()
    exported = set(api.__all__)
    found = []
    for node in ast.walk(tree):
        where = f"line {getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.Import):
            for alias in node.names:
                top = alias.name.split(".")[0]
                if top == "gklint" or not (_stdlib(alias.name) or top in allowed_modules or top == "gklint_rules"):
                    found.append(f"{where}: import {alias.name}")
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if module == "gklint.api":
                found += [f"{where}: gklint.api has no {a.name}" for a in node.names if a.name not in exported]
            elif node.level or not (
                _stdlib(module) or module.split(".")[0] in (*allowed_modules, "gklint_rules", "__future__")
            ):
                found.append(f"{where}: from {'.' * node.level}{module} import …")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in REFLECTION:
            found.append(f"{where}: {node.func.id}()")
        elif isinstance(node, ast.Attribute):
            if node.attr.startswith("_"):
                found.append(f"{where}: .{node.attr}")
            elif node.attr in internal:
                found.append(f"{where}: .{node.attr} is internal")
            elif isinstance(node.value, ast.Attribute) and node.value.attr in SHARED_NAMES:
                if not hasattr(SHARED_NAMES[node.value.attr], node.attr):
                    found.append(f"{where}: .{node.value.attr}.{node.attr} is internal")
    return found


@pytest.fixture(scope="module")
def internal() -> set[str]:
    return internal_attributes()


def test_no_national_rule_goes_around_the_api(internal: set[str]) -> None:
    modules = sorted(RULES.rglob("*.py"))
    assert len(modules) > 30
    found = {
        str(path.relative_to(ROOT)): bad
        for path in modules
        if (bad := violations(path.read_text(encoding="utf-8"), internal))
    }
    assert found == {}


@pytest.mark.parametrize(
    "source",
    [
        "end = table.fragments[-1].rows[-1].span",
        "grid = table.template.t3",
        "template = table.template\ngrid = template.t4",
        "x = report.tables.t3",
        "from gklint.model import Report",
        "from gklint import api",
        "import gklint.tables.spec",
        "from .tables import spec",
        "import numpy",
        "rows = getattr(table, 'fragments')",
        "cache = report._cache",
        "kind = type(report).__mro__",
        "from gklint.api import TemplateSpec",
    ],
)
def test_the_check_catches_a_way_around(source: str, internal: set[str]) -> None:
    assert violations(source, internal)


def test_the_check_lets_the_api_through(internal: set[str]) -> None:
    source = (
        "import re\nfrom rapidfuzz import fuzz\nfrom gklint.api import Report, StatTable\n"
        "from gklint_rules.tables._helpers import n\n"
        "legacy = report.template == 'legacy' or report.template.startswith('20')\n"
        "total = table.grid.total_column\nend = table.source_rows[-1].span\n"
        "specs = report.section_specs\nfor section in report.sections: section.tables\n"
    )
    assert violations(source, internal) == []


def _annotation_types(annotation: object) -> Iterator[object]:
    origin = typing.get_origin(annotation)
    if origin is None:
        yield annotation
        return
    yield origin
    for argument in typing.get_args(annotation):
        yield from _annotation_types(argument)


def test_the_api_is_closed() -> None:
    """Every public attribute of an exported class is of an exported, built-in or
    standard-library type: a rule never gets hold of an internal object."""
    exported = set(_exported_classes().values())
    # Annotations name classes imported only for type checking: resolve them among all of gklint's.
    names = {**vars(typing), **vars(builtins)}
    for module in _modules():
        names.update((k, v) for k, v in vars(module).items() if inspect.isclass(v) or isinstance(v, types.UnionType))
    names.update(vars(api))
    leaks = []
    for name, cls in _exported_classes().items():
        if issubclass(cls, BaseException) or not is_dataclass(cls):
            continue
        module = sys.modules[cls.__module__]
        hints = typing.get_type_hints(cls, {**names, **vars(module)})
        members = {f.name: hints[f.name] for f in fields(cls)}
        for attr, value in vars(cls).items():
            function = value.fget if isinstance(value, property) else getattr(value, "func", value)
            if not attr.startswith("_") and inspect.isfunction(function):
                members[attr] = typing.get_type_hints(function, {**names, **vars(module)}).get("return")
        for attr, annotation in members.items():
            if attr.startswith("_") or attr in HIDDEN.get(name, {}):
                continue
            for kind in _annotation_types(annotation):
                module_name = getattr(kind, "__module__", "builtins")
                if isinstance(kind, type) and module_name.startswith("gklint") and kind not in exported:
                    leaks.append(f"{name}.{attr}: {kind.__qualname__}")
    assert leaks == []
