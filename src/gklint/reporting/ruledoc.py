"""``gklint rules`` and ``gklint explain``: the rule list and a rule's documentation.

The list is one line per rule at any width (the summary is cut to what is left), so it can
be read at 80 columns and filtered with grep. The documentation is the rule module's
docstring: its paragraphs are joined before Markdown rendering, without a space where a
line break fell between two Chinese characters (Markdown would read it as a space), and
no line ends in padding.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from rich.cells import cell_len
from rich.console import Console

from gklint.reporting.terminal import LABELS, visible
from gklint.rules import Rule

# Characters written without spaces between them in Chinese text: CJK ideographs and
# punctuation, full-width forms and the curly quotes Chinese text uses.
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef“”‘’…—]")
# A line that starts a block of its own in Markdown, never the continuation of a paragraph.
_BLOCK_START = re.compile(r"^\s*(#|```|[-*+]\s|\d+[.)]\s|>|\|)")
_PADDING = re.compile(r" +((?:\x1b\[[0-9;]*m)*)$", re.MULTILINE)

HEADERS = {
    "zh": ("代码", "名称", "级别", "规则包", "说明"),
    "en": ("code", "name", "severity", "pack", "summary"),
}
# Below this many cells for the summary, the pack column is left out to make room.
MIN_SUMMARY = 30
# On a terminal too narrow even for that, a few words of the summary before the line is cut.
MIN_CUT = 10
GAP = "  "


# An opt-in rule runs only when selected by its code, name, prefix or pack (not by ALL).
OPT_IN = {"zh": "［需选用］", "en": "[opt-in] "}
OPT_IN_HINT = {
    "zh": "此规则默认不运行，需用代码、名称、前缀或规则包选用（如 --extend-select {pack}）",
    "en": "this rule runs only when selected by its code, name, prefix or pack (e.g. --extend-select {pack})",
}


def summary(rule: Rule, lang: str) -> str:
    """The rule's one-line summary in ``lang``; a pack without a Chinese one shows its English."""
    return (rule.summary_zh or rule.summary) if lang == "zh" else rule.summary


def _fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` terminal cells, ending in … when cut."""
    if cell_len(text) <= width:
        return text
    kept, used = [], 0
    for char in text:
        size = cell_len(char)
        if used + size > width - 1:
            break
        kept.append(char)
        used += size
    return "".join(kept).rstrip() + "…"


def _pad(text: str, width: int) -> str:
    return text + " " * (width - cell_len(text))


def rule_lines(rules: Sequence[Rule], width: int, lang: str) -> list[str]:
    """A header line and one line per rule, none wider than ``width`` cells."""
    severities = LABELS[lang]
    rows = [
        (
            rule.code,
            rule.name,
            severities[rule.severity],
            visible(rule.pack),
            (OPT_IN[lang] if rule.opt_in else "") + visible(summary(rule, lang)),
        )
        for rule in rules
    ]
    header = HEADERS[lang]
    widths = [max(cell_len(row[i]) for row in [header, *rows]) for i in range(4)]
    columns = [0, 1, 2, 3]
    if width - sum(widths) - len(GAP) * 4 < MIN_SUMMARY:
        columns = [0, 1, 2]  # the pack is in `gklint explain`; the summary needs the room
    room = max(width - sum(widths[i] for i in columns) - len(GAP) * len(columns), MIN_CUT)
    lines = []
    for row in [header, *rows]:
        cells = [_pad(row[i], widths[i]) for i in columns]
        # Narrower than code, name and severity: the line itself is cut, never wrapped.
        lines.append(_fit(GAP.join(cells) + GAP + _fit(row[4], room), width).rstrip())
    return lines


def join_paragraphs(markdown: str) -> str:
    """``markdown`` with each paragraph (and list item) on one line.

    Lines are joined with a space, except between two Chinese characters, where a space
    would be read into the text (``第三项加 第四项``). Code blocks are kept as written.
    """
    out: list[str] = []
    fenced = False
    joinable = False  # whether the previous line is paragraph text a next line continues
    for line in markdown.split("\n"):
        stripped = line.strip()
        if stripped.startswith("```"):
            fenced = not fenced
            out.append(line)
            joinable = False
            continue
        if fenced or not stripped:
            out.append(line)
            joinable = False
            continue
        if joinable and not _BLOCK_START.match(line):
            previous = out[-1].rstrip()
            glue = "" if _CJK.match(previous[-1]) and _CJK.match(stripped[0]) else " "
            out[-1] = previous + glue + stripped
        else:
            out.append(line)
        joinable = not stripped.startswith("#")
    return "\n".join(out)


def body(rule: Rule) -> str:
    """The documentation after the summaries: from the first heading on (all of it if none)."""
    doc = rule.doc.strip()
    start = doc.find("\n#")
    return doc[start + 1 :] if start >= 0 else "\n".join(doc.splitlines()[1:]).strip()


def explain_lines(rule: Rule, lang: str) -> Iterable[str]:
    """The plain-text head of ``gklint explain``: the rule and its summary in ``lang``."""
    severity = LABELS[lang][rule.severity]
    if lang == "zh":
        yield f"{rule.code} {rule.name}（{severity}，规则包 {visible(rule.pack)}）"
        yield visible(summary(rule, lang))
        if rule.opt_in:
            yield OPT_IN_HINT[lang].format(pack=visible(rule.pack))
        # NOTE: the documentation itself is written once, in English (the docstring); the
        # Chinese summary above is all there is in Chinese, and the reader is told so.
        yield "（以下为规则文档，英文）"
    else:
        yield f"{rule.code} {rule.name} ({severity}, pack {visible(rule.pack)})"
        yield visible(rule.summary)
        if rule.opt_in:
            yield OPT_IN_HINT[lang].format(pack=visible(rule.pack))


def print_explain(rule: Rule, console: Console, lang: str) -> None:
    """Print ``gklint explain``: the head, then the docs rendered from Markdown, unpadded."""
    from rich.markdown import Markdown  # noqa: PLC0415 - markdown-it is slow to import; only explain needs it

    for line in explain_lines(rule, lang):
        console.print(line, highlight=False, markup=False, soft_wrap=True)
    console.print()
    with console.capture() as capture:
        console.print(Markdown(visible(join_paragraphs(body(rule)))))
    console.file.write(_PADDING.sub(r"\1", capture.get()))
