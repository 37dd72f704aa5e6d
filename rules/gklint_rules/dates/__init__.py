"""Date rules (DT): the report year and the years the text uses."""

from gklint.api import Rule, hookimpl


@hookimpl
def gklint_rules() -> list[Rule]:
    """Return the date rules; imports are lazy so a broken module fails only this pack."""
    from gklint_rules.dates import dt001, dt002

    return [dt001.RULE, dt002.RULE]
