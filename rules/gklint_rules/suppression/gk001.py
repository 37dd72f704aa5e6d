"""A `gklint: ignore` comment in the report suppresses nothing.

报告中的 `gklint: ignore` 注释没有抑制任何问题。

## What it does
Flags a suppression comment — `<!-- gklint: ignore[…] -->` at the end of a line of a
.txt or .md report, or a Word comment starting with `gklint: ignore[…]` in a .docx —
that silenced no finding on the line (or paragraph) it covers: a bare `gklint: ignore`
with nothing to silence there, or a code or rule name in the brackets whose rule ran
on the report and found nothing there. When only some of the listed rules are idle,
the finding names them. A code of a rule that did not run on the report (not selected,
turned off for the file, or unknown) is not judged. It is the counterpart of ruff's
`unused-noqa` (RUF100), and like every finding it can be turned off
(`ignore = ["unused-suppression"]`).

## Why is this bad?
A suppression outlives the problem it was written for: once the text is corrected (or
the comment is on the wrong line), the comment silences nothing today but will hide the
next finding of that rule on the line without anyone noticing. A bare `gklint: ignore`
left behind silences every rule, including ones added later.

## Example
```text
（一）存在的主要问题。2024年，我局政务公开工作取得新进展。<!-- gklint: ignore[DT002] -->
```

Use instead:
```text
（一）存在的主要问题。2024年，我局政务公开工作取得新进展。
```

## References
- ruff, `unused-noqa` (RUF100): https://docs.astral.sh/ruff/rules/unused-noqa/
"""

from __future__ import annotations

from collections.abc import Iterator

from gklint.api import Finding, Report, Rule, RuleContext, Severity, Text


def check(report: Report, ctx: RuleContext) -> Iterator[Finding]:
    """Yield one finding per suppression comment the engine found idle, where it stands."""
    for unused in ctx.unused_suppressions:
        comment = unused.suppression.text
        if unused.whole:
            message = Text(
                zh=f"抑制注释“{comment}”没有抑制任何问题", en=f'suppression comment "{comment}" suppresses nothing'
            )
            fix = Text(zh="删除该注释", en="remove the comment")
        else:
            idle = ", ".join(unused.rules)
            message = Text(
                zh=f"抑制注释“{comment}”中的 {idle} 没有抑制任何问题",
                en=f'{idle} in suppression comment "{comment}" suppresses nothing',
            )
            fix = Text(zh=f"从注释中删去 {idle}", en=f"remove {idle} from the comment")
        yield RULE.finding(unused.suppression.span, message, help=fix)


RULE = Rule(code="GK001", name="unused-suppression", severity=Severity.INFO, check=check, doc=__doc__)
