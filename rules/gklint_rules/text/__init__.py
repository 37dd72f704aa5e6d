"""Text rules (TX): placeholders left in, and content the sections must state."""

from gklint.api import Rule, hookimpl


@hookimpl
def gklint_rules() -> list[Rule]:
    """Return the text rules; imports are lazy so a broken module fails only this pack."""
    from gklint_rules.text import tx001, tx002, tx003

    return [tx001.RULE, tx002.RULE, tx003.RULE]
