"""Suppression rules (GK): the report's own ``gklint: ignore`` comments.

GK000 is gklint's internal error, which is not a rule; GK001 judges the suppression
comments (`gklint.suppression`) after every other rule has run.
"""

from gklint.api import Rule, hookimpl


@hookimpl
def gklint_rules() -> list[Rule]:
    """Return the suppression rules; imports are lazy so a broken module fails only this pack."""
    from gklint_rules.suppression import gk001

    return [gk001.RULE]
