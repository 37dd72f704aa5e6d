"""Command line: ``gklint check``, ``gklint rules``, ``gklint explain``.

Exit codes: 0 no finding at the failing severity, 1 at least one, 2 a file could not be
read or the command line was wrong.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from rich.console import Console
from rich.markup import escape
from rich.progress import Progress

from gklint import __version__
from gklint.findings import Severity
from gklint.plugins import RuleSet, load_rules
from gklint.reporting.base import EXIT_OK, EXIT_TROUBLE, summarize
from gklint.reporting.json import write_json
from gklint.reporting.terminal import TerminalReporter
from gklint.rules import RuleContext
from gklint.runner import FileResult, check_file, expand_paths

# Show a progress bar on a terminal once a run is long enough to wait for.
PROGRESS_FROM = 20


class UsageError(Exception):
    """A problem with the command line; printed, then exit 2."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for tests and docs)."""
    parser = argparse.ArgumentParser(
        prog="gklint", description="Lint 政府信息公开工作年度报告 (government information-disclosure annual reports)."
    )
    parser.add_argument("--version", action="version", version=f"gklint {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="check report files or directories")
    check.add_argument("paths", nargs="+", metavar="PATH", help="files, directories (walked), or - for stdin")
    check.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    check.add_argument("--lang", choices=("zh", "en"), default="zh", help="message language (default: zh)")
    check.add_argument("--year", type=int, help="report year, overriding the one in the title")
    check.add_argument(
        "--fail-on",
        choices=("error", "warning", "info"),
        default="error",
        help="lowest severity that makes the exit code 1 (default: error)",
    )
    check.add_argument("--statistics", action="store_true", help="also print how often each rule fired")
    check.add_argument("--no-progress", action="store_true", help="never show a progress bar")

    rules = sub.add_parser("rules", help="list the rules")
    rules.add_argument("--lang", choices=("zh", "en"), default="zh", help=argparse.SUPPRESS)

    explain = sub.add_parser("explain", help="show a rule's documentation")
    explain.add_argument("rule", metavar="CODE-or-NAME")
    return parser


def _warn_problems(ruleset: RuleSet, console: Console) -> None:
    for problem in ruleset.problems:
        console.print(f"[yellow]gklint: warning:[/] {escape(problem)}", highlight=False)


def cmd_check(args: argparse.Namespace, out: Console, err: Console) -> int:
    """Check every path; report; return the exit code."""
    ruleset = load_rules()
    _warn_problems(ruleset, err)
    ctx = RuleContext(lang=args.lang)
    paths = list(expand_paths(args.paths))
    if not paths:
        raise UsageError("no report files found in the given directories")
    stdin = sys.stdin.buffer.read() if "-" in paths else None
    reporter = TerminalReporter(out, lang=args.lang) if args.format == "text" else None
    results: list[FileResult] = []
    show_progress = not args.no_progress and err.is_terminal and len(paths) >= PROGRESS_FROM
    with Progress(console=err, transient=True, disable=not show_progress) as progress:
        task = progress.add_task("gklint", total=len(paths))
        for path in paths:
            result = check_file(path, ruleset.rules, year=args.year, ctx=ctx, stdin=stdin)
            results.append(result)
            if reporter is not None:
                reporter.file(result)
            progress.advance(task)
    summary = summarize(results)
    if reporter is not None:
        reporter.finish(summary, statistics=args.statistics)
    else:
        write_json(results, out.file, lang=args.lang)
    return summary.exit_code(Severity.parse(args.fail_on))


def cmd_rules(args: argparse.Namespace, out: Console, err: Console) -> int:
    """List every rule with its code, name, pack, default severity and summary."""
    from rich.table import Table as RichTable  # noqa: PLC0415 - only this command needs it

    ruleset = load_rules()
    _warn_problems(ruleset, err)
    table = RichTable(box=None, pad_edge=False)
    for column in ("code", "name", "pack", "severity"):
        table.add_column(column, no_wrap=True)
    table.add_column("summary", overflow="fold")
    for rule in ruleset.rules:
        table.add_row(rule.code, rule.name, rule.pack, str(rule.severity), rule.summary)
    out.print(table)
    return EXIT_OK


def cmd_explain(args: argparse.Namespace, out: Console, err: Console) -> int:
    """Print one rule's documentation (its module docstring)."""
    from rich.markdown import Markdown  # noqa: PLC0415 - markdown-it is slow to import; only explain needs it

    ruleset = load_rules()
    rule = ruleset.lookup(args.rule)
    if rule is None:
        raise UsageError(f"unknown rule {args.rule!r}; `gklint rules` lists them")
    out.print(f"[bold]{rule.code} {rule.name}[/] ({rule.severity}, pack {rule.pack})", highlight=False)
    out.print(Markdown(rule.doc))
    return EXIT_OK


COMMANDS = {"check": cmd_check, "rules": cmd_rules, "explain": cmd_explain}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``gklint`` script."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors and 0 for --help
        return int(exc.code or 0)
    out, err = Console(), Console(stderr=True)
    try:
        return COMMANDS[args.command](args, out, err)
    except UsageError as exc:
        err.print(f"[bold red]gklint: error:[/] {escape(str(exc))}", highlight=False)
        return EXIT_TROUBLE
    except KeyboardInterrupt:
        return 130
