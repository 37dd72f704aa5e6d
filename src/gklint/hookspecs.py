"""Hook specifications: the contract between gklint and rule packs.

Every hook is prefixed ``gklint_`` and documented here. A pack is any module or object
with ``@hookimpl``-decorated functions of these names, registered through the
``gklint`` entry-point group (the built-in national pack uses that same group).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from gklint.rules import Rule

hookspec = pluggy.HookspecMarker("gklint")


@hookspec
def gklint_rules() -> Sequence[Rule]:
    """Return the rules this pack contributes.

    Called once per run. Import rule modules inside the implementation, not at module
    level, so start-up stays fast and a broken rule module fails only its own pack.

    Returns:
        The pack's rules, in any order. Codes and names must be unique across packs.
    """
    raise NotImplementedError  # a specification: pluggy calls the packs' implementations


@hookspec
def gklint_tables() -> Sequence[Traversable]:
    """Return the table data files this pack adds (``tables_<name>.toml``).

    A file with ``extends = "2021"`` and a ``[variants]`` table adds accepted wordings to a
    national template (``"t3.denied_law_forbidden" = ["2.其他法律法规禁止公开"]``); a file
    with ``template = "…"`` adds a whole template (see ``gklint/data/tables_*.toml``).
    Called once per process; a file that does not parse or apply leaves the pack's tables
    out with a warning naming the pack.

    Returns:
        The files, as ``importlib.resources.files(__package__) / "tables_x.toml"`` or paths.
    """
    raise NotImplementedError  # a specification: pluggy calls the packs' implementations


@hookspec
def gklint_lexicon() -> Sequence[Traversable]:
    """Return the lexicon files this pack adds (``lexicon_<name>.toml``).

    Their ``[[entry]]`` tables say which phrases of the prose name which table cells, and
    are tried before the national ones (see ``gklint/data/lexicon.toml``), so a pack can make
    a phrase mean something more specific; their ``[columns]`` and ``[topics]`` words are
    added to the national ones, and ``[deadlines]`` sets the publication deadlines.
    Called once per process; a file that does not parse or load leaves the pack's lexicon
    out with a warning naming the pack.

    Returns:
        The files, as ``importlib.resources.files(__package__) / "lexicon_x.toml"`` or paths.
    """
    raise NotImplementedError  # a specification: pluggy calls the packs' implementations
