"""Table rules (TB): tables 二, 三 and 四 present and readable, their labels, and 勾稽关系."""

from gklint.api import Rule, hookimpl


@hookimpl
def gklint_rules() -> list[Rule]:
    """Return the table rules; imports are lazy so a broken module fails only this pack."""
    from gklint_rules.tables import tb001, tb002, tb003, tb004, tb005, tb006, tb007, tb008, tb009, tb010, tb011

    return [
        tb001.RULE,
        tb002.RULE,
        tb003.RULE,
        tb004.RULE,
        tb005.RULE,
        tb006.RULE,
        tb007.RULE,
        tb008.RULE,
        tb009.RULE,
        tb010.RULE,
        tb011.RULE,
    ]
