"""Prose rules (PR): what the sentences state, held to the tables, to their own totals,
to the report year and to the body that publishes the report."""

from gklint.api import Rule, hookimpl


@hookimpl
def gklint_rules() -> list[Rule]:
    """Return the prose rules; imports are lazy so a broken module fails only this pack."""
    from gklint_rules.prose import pr001, pr002, pr003, pr004, pr005

    return [pr001.RULE, pr002.RULE, pr003.RULE, pr004.RULE, pr005.RULE]
