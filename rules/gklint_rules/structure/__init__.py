"""Structure rules (ST): the six sections, their headings and order, the template, the report year, truncation."""

from gklint.api import Rule, hookimpl


@hookimpl
def gklint_rules() -> list[Rule]:
    """Return the structure rules; imports are lazy so a broken module fails only this pack."""
    from gklint_rules.structure import st001, st002, st003, st004, st005, st006, st007

    return [st001.RULE, st002.RULE, st003.RULE, st004.RULE, st005.RULE, st006.RULE, st007.RULE]
