"""The grammars, shipped as ready-built LALR parsers: ``load("annual_report")``.

Each ``NAME.lark`` here has a generated module ``_NAME.py`` beside it holding the parser
lark built from it (lark's own serialised form, as Python literals). Loading it reads
nothing from the temp folder and unpickles nothing: lark's ``cache=True`` would unpickle
whatever file sits at a predictable path in ``$TMPDIR``, which another local user can
plant. Regenerate every module after editing, adding or removing a grammar::

    python -m gklint.grammars

``tests/test_grammars.py`` fails while a module is missing or stale. A stale module is
never used: `load` then builds the parser from the ``.lark`` source in memory.
"""

from __future__ import annotations

import hashlib
import importlib
import re
from functools import cache
from pathlib import Path
from typing import Any, Protocol

import lark
from lark import Lark
from lark.grammar import Rule

HERE = Path(__file__).resolve().parent
# Every grammar is LALR(1) with the contextual lexer unless listed here with other lark
# options (lark serialises LALR parsers only).
OPTIONS: dict[str, dict[str, Any]] = {}
_DEFAULTS: dict[str, Any] = {"parser": "lalr", "lexer": "contextual"}
# Grammars whose parsers run on lark-cython (lark's own compiled LALR parser and lexer) when
# it is installed: a paragraph of prose costs lark's pure-Python parser about 15 µs a token,
# the most of any stage, and the line grammar's parse of a report about 40% more than
# lark-cython's. Their transformers take `Terminal`s: lark-cython's tokens carry the same
# ``type``, ``value`` and positions as lark's but are not ``str``.
COMPILED = frozenset({"inline", "annual_report"})
# Compile-time options that name the source; the serialised parser does not need them.
_UNSHIPPED = ("import_paths", "source_path")


class Terminal(Protocol):
    """A token as lark or lark-cython gives it (lark-cython's tokens are not ``str``: read
    ``value``, or ``str()`` it)."""

    @property
    def type(self) -> str: ...
    @property
    def value(self) -> Any: ...
    @property
    def start_pos(self) -> int | None: ...
    @property
    def end_pos(self) -> int | None: ...
    @property
    def line(self) -> int | None: ...
    @property
    def column(self) -> int | None: ...


def names() -> list[str]:
    """The grammars in this folder, by file name without ``.lark``."""
    return sorted(path.stem for path in HERE.glob("*.lark"))


def options(name: str) -> dict[str, Any]:
    """The lark options the grammar ``name`` is built with."""
    return {**_DEFAULTS, **OPTIONS.get(name, {})}


# `%import common_zh.NUMBER` or `%import .common_zh (A, B)`: another grammar of this folder.
_IMPORT = re.compile(r"^%import\s+\.?(\w+)\.?", re.MULTILINE)


def sources(name: str) -> list[Path]:
    """The grammar file of ``name`` and the grammar files of this folder it imports, transitively."""
    found: list[Path] = []
    pending = [name]
    while pending:
        path = HERE / f"{pending.pop()}.lark"
        if path in found or not path.exists():
            continue  # a grammar of lark's own (`%import common.NUMBER`), or one seen already
        found.append(path)
        pending.extend(_IMPORT.findall(path.read_text(encoding="utf-8")))
    return found


def fingerprint(name: str) -> str:
    """What the shipped parser of ``name`` is built from: its grammar and the ones it
    imports, its build options, and lark's version."""
    digest = hashlib.sha256(f"lark {lark.__version__}\n{options(name)!r}\n".encode())
    for path in sorted(sources(name)):
        digest.update(f"{path.name}\n".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def build(name: str, **runtime: Any) -> Lark:
    """Build the parser of ``name`` from its ``.lark`` source, in memory (no cache file)."""
    return Lark.open_from_package("gklint", f"{name}.lark", ("grammars",), **options(name), **runtime)


def serialise(parser: Lark) -> dict[str, Any]:
    """The parser as plain data (dicts, lists, tuples, strings, numbers), as lark loads it."""
    from lark.lexer import TerminalDef  # noqa: PLC0415 - only building needs it

    data, memo = parser.memo_serialize([TerminalDef, Rule])
    data["options"] = {key: value for key, value in data["options"].items() if key not in _UNSHIPPED}
    return {"data": data, "memo": memo}


def shipped(name: str) -> tuple[str, dict[str, Any]] | None:
    """The fingerprint and parser data in ``name``'s generated module, if there is one."""
    try:
        module = importlib.import_module(f"gklint.grammars._{name}")
    except ModuleNotFoundError:
        return None
    return module.FINGERPRINT, module.PARSER


def compiled_plugins() -> dict[str, Any] | None:
    """lark-cython's replacements for lark's LALR parser and lexer, if it is installed."""
    try:
        import lark_cython  # noqa: PLC0415 - optional, and only the prose needs it
    except ImportError:
        return None
    plugins: dict[str, Any] = lark_cython.plugins
    return plugins


@cache
def load(name: str, *, compiled: bool = True, **runtime: Any) -> Lark:
    """The parser of grammar ``name``, built once per process.

    ``runtime`` takes the options lark accepts when loading a built parser, such as
    ``propagate_positions``. A missing or stale generated module (a grammar edited
    without regenerating) falls back to building from source: slower, equally safe.
    A grammar of `COMPILED` runs on lark-cython when it is installed, unless ``compiled``
    is false (the tests compare the two).
    """
    plugins = compiled_plugins() if compiled and name in COMPILED else None
    if plugins is not None:
        runtime["_plugins"] = plugins
    found = shipped(name)
    if found is not None and found[0] == fingerprint(name):
        # Lark.load takes no options; its _load does, for the ones a built parser allows
        # (an inline transformer, propagate_positions…).
        return _rules_by_identity(Lark.__new__(Lark)._load(found[1], **runtime))
    return _rules_by_identity(build(name, **runtime))


class _Rule(Rule):
    """A grammar rule of a loaded parser, hashed and compared by identity, in C.

    lark's and lark-cython's LALR loops do two things with the rule of every reduction: look
    up its callback in a dict, and ``assert rule != end_state`` (an int). `Rule` defines
    ``__hash__`` and ``__eq__`` in Python, so each reduction costs two Python calls through
    the slow slot wrappers: 7% of the time the corpus prose takes to parse. In one
    loaded parser every rule is a single object (the parse table and the callbacks share
    them), so identity is the same equality.
    """

    __slots__ = ()
    __hash__ = object.__hash__
    __eq__ = object.__eq__
    __ne__ = object.__ne__


def _rules_by_identity(parser: Lark) -> Lark:
    """``parser`` with its rules made `_Rule`s, for parsing only: `serialise` writes each
    rule's class name, so it takes a parser from `build`, never one from `load`."""
    for rule in parser.rules:
        rule.__class__ = _Rule
    # The callbacks are keyed by rule: rehash them in place (the parser holds this dict).
    callbacks = parser._callbacks
    entries = list(callbacks.items())
    callbacks.clear()
    callbacks.update(entries)
    return parser


def render(name: str) -> str:
    """The source of the generated module for ``name``."""
    import pprint  # noqa: PLC0415 - only building needs it

    data = pprint.pformat(serialise(build(name)), width=110, sort_dicts=False)
    return (
        f'"""Generated from {name}.lark by `python -m gklint.grammars`: do not edit."""\n\n'
        "# fmt: off\n"
        f"FINGERPRINT = {fingerprint(name)!r}\n"
        f"PARSER = {data}\n"
    )


def _generated() -> set[Path]:
    return {path for path in HERE.glob("_*.py") if not path.name.startswith("__")}


def regenerate(*, check: bool = False) -> list[str]:
    """Write (or with ``check`` only list) every stale generated module; returns their names.

    A module is stale when its fingerprint is not the current one; a generated module
    whose grammar is gone is stale too, and is deleted. Only stale modules are rewritten:
    lark numbers parse states in set order, so a rebuild differs in numbering alone.
    """
    stale = []
    for orphan in sorted(_generated() - {HERE / f"_{name}.py" for name in names()}):
        stale.append(orphan.name)
        if not check:
            orphan.unlink()
    for name in names():
        found = shipped(name)
        if found is None or found[0] != fingerprint(name):
            stale.append(f"_{name}.py")
            if not check:
                (HERE / f"_{name}.py").write_text(render(name), encoding="utf-8")
    return stale
