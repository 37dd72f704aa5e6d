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
