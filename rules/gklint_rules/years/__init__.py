"""Cross-year rules (XY): a report against last year's report of the same body.

They run only when the report was paired with its predecessor (`gklint check --previous`,
the configuration's ``[previous]``, or automatic pairing in a run over several files).
"""

from gklint.api import Rule, hookimpl


@hookimpl
def gklint_rules() -> list[Rule]:
    """Return the cross-year rules; imports are lazy so a broken module fails only this pack."""
    from gklint_rules.years import xy001, xy002, xy003, xy004

    return [xy001.RULE, xy002.RULE, xy003.RULE, xy004.RULE]
