"""河南 rule pack (HA): provincial additions to the national format.

Registered through the ``gklint`` entry-point group as ``henan``; it imports nothing from
gklint but `gklint.api`.
"""

from gklint.api import Rule, hookimpl


@hookimpl
def gklint_rules() -> list[Rule]:
    """Return the 河南 rules; imports are lazy so a broken module fails only this pack."""
    from gklint_henan import ha001, ha002, ha003

    return [ha001.RULE, ha002.RULE, ha003.RULE]
