"""Structure rules (ST): the six sections, their headings and order, the template."""

from gklint.api import Rule, hookimpl


@hookimpl
def gklint_rules() -> list[Rule]:
    """Return the structure rules; imports are lazy so a broken module fails only this pack."""
    from gklint_rules.structure import st001, st002, st003, st004

    return [st001.RULE, st002.RULE, st003.RULE, st004.RULE]
