"""Command line: ``gklint check``, ``gklint rules``, ``gklint explain``, ``gklint config``.

Exit codes: 0 no finding at the failing severity, 1 at least one, 2 a file could not be
read (or took longer than ``--timeout-per-file``) or the command line was wrong, 3 gklint
itself failed (an internal error: the other files are still checked and reported).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, cast

import gklint
from gklint.batch import PARALLEL_FROM, Job, check_paths, default_jobs
from gklint.config import Config, ConfigError, describe
from gklint.findings import Severity
from gklint.plugins import RuleSet
from gklint.project import Options, Project
from gklint.readers import DEFAULT_MAX_BYTES, ReadError, read_path
from gklint.reporting.base import EXIT_FINDINGS, EXIT_INTERNAL, EXIT_OK, EXIT_TROUBLE, Summary, summarize
from gklint.reporting.terminal import PlainConsole, TerminalReporter, plain_stdout
from gklint.runner import FileResult, expand_paths

if TYPE_CHECKING:
    from rich.console import Console

    from gklint.baseline import Baseline
    from gklint.reporting.json import JsonWriter
    from gklint.rules import Rule

# Show a progress bar on a terminal once a run is long enough to wait for.
PROGRESS_FROM = 20
# Seconds one file may take (--timeout-per-file): a report takes well under one; a file
# built to make a reader or a rule crawl is stopped instead of holding up the run.
DEFAULT_TIMEOUT = 60.0


class UsageError(Exception):
    """A problem with the command line; printed, then exit 2."""


class Streams:
    """Standard output and error as rich consoles, each made when first used.

    A one-report check writes its text without rich where rich would print no style
    (`text_out`), and usually nothing to standard error: rich is then never imported, and
    its import costs a tenth of such a check (issue 13).
    """

    @functools.cached_property
    def out(self) -> Console:
        from rich.console import Console  # noqa: PLC0415 - see the class

        return Console()

    @functools.cached_property
    def err(self) -> Console:
        from rich.console import Console  # noqa: PLC0415 - see the class

        return Console(stderr=True)

    def text_out(self) -> Console | PlainConsole:
        """Where the text reporter writes to standard output."""
        return plain_stdout() or self.out


def _megabytes(value: str) -> int:
    """``--max-file-size``: a positive number of MB (MiB), as bytes."""
    try:
        size = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of MB: {value!r}") from None
    if not 0 < size <= 4096:
        raise argparse.ArgumentTypeError("must be more than 0 and at most 4096 MB")
    return int(size * (1 << 20))


def _seconds(value: str) -> float:
    """``--timeout-per-file``: a positive number of seconds."""
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if not 0 < seconds <= 86400:
        raise argparse.ArgumentTypeError("must be more than 0 and at most 86400 seconds")
    return seconds


def _year(value: str) -> int:
    """``--year``: a year a report can have (the range the configuration's ``year`` accepts)."""
    if not value.isdigit() or not 1990 <= int(value) <= 2100:
        raise argparse.ArgumentTypeError(f"not a report year (1990 to 2100): {value!r}")
    return int(value)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for tests and docs)."""
    parser = argparse.ArgumentParser(
        prog="gklint", description="Lint 政府信息公开工作年度报告 (government information-disclosure annual reports)."
    )
    parser.add_argument("--version", action="version", version=f"gklint {gklint.__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    # Every command sees the rules the configuration gives it (TOML packs included).
    configured = argparse.ArgumentParser(add_help=False)
    configured.add_argument("--config", metavar="FILE", type=Path, help="use this configuration file for every path")
    configured.add_argument("--isolated", action="store_true", help="ignore every configuration file")

    check = sub.add_parser("check", parents=[configured], help="check report files or directories")
    check.add_argument("paths", nargs="*", metavar="PATH", help="files, directories (walked), or - for stdin")
    check.add_argument(
        "--format",
        choices=("text", "json", "sarif", "github", "html", "xlsx"),
        default="text",
        help="output format: text, json, sarif (SARIF 2.1.0), github (Actions annotations), "
        "html (a page for reviewers) or xlsx (a workbook, with -o); default text",
    )
    check.add_argument(
        "-o", "--output", "--output-file", metavar="FILE", type=Path, help="write the output to FILE, not to stdout"
    )
    check.add_argument("--lang", choices=("zh", "en"), help="message language (default: zh)")
    check.add_argument("--year", type=_year, help="report year, overriding the one in the title")
    check.add_argument(
        "--fail-on",
        choices=("error", "warning", "info"),
        help="lowest severity that makes the exit code 1 (default: error)",
    )
    _add_selectors(check)
    check.add_argument("--statistics", action="store_true", help="also print how often each rule fired")
    check.add_argument("--no-progress", action="store_true", help="never show a progress bar")
    check.add_argument(
        "--jobs",
        type=_positive,
        metavar="N",
        help=f"worker processes (default: one per core from {PARALLEL_FROM} files on, else 1)",
    )
    check.add_argument(
        "--include",
        action="append",
        default=[],
        metavar="GLOB",
        help="in directories, check only matching files (repeatable)",
    )
    check.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="GLOB",
        help="in directories, skip matching files (repeatable)",
    )
    check.add_argument(
        "--max-file-size",
        type=_megabytes,
        default=DEFAULT_MAX_BYTES,
        metavar="MB",
        help=f"refuse larger files; a .docx may unpack to 4× this (default: {DEFAULT_MAX_BYTES >> 20})",
    )
    check.add_argument(
        "--timeout-per-file",
        type=_seconds,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"stop checking a file after this long and report it as an error (default: {DEFAULT_TIMEOUT:g})",
    )
    check.add_argument(
        "--follow-links", action="store_true", help="in directories, also check files and folders behind symbolic links"
    )
    check.add_argument("--baseline", metavar="FILE", type=Path, help="hide the findings recorded in this baseline")
    check.add_argument(
        "--previous", metavar="LAST", help="compare the one checked report with LAST, last year's report of its body"
    )
    check.add_argument(
        "--no-pair", action="store_true", help="do not compare reports with the same body's report of the year before"
    )
    check.add_argument(
        "--write-baseline", metavar="FILE", type=Path, help="record today's findings in FILE instead of reporting them"
    )
    check.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even with findings (unreadable files still exit 2, bugs 3)"
    )
    check.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="print the findings only: no summary, statistics, progress or warnings",
    )
    check.add_argument(
        "--stdin-filename",
        metavar="NAME",
        help="report standard input as NAME, with NAME's configuration and per-file-ignores (its extension "
        "picks the reader); reads standard input when no PATH is given",
    )
    check.add_argument("--show-files", action="store_true", help="list the files that would be checked, and stop")
    check.add_argument(
        "--show-suppressed",
        action="store_true",
        help="also show, marked, the findings a gklint: ignore comment suppressed (text and json)",
    )

    rules = sub.add_parser("rules", parents=[configured], help="list the rules")
    rules.add_argument("--lang", choices=("zh", "en"), help="language of the summaries (default: zh)")

    annotate = sub.add_parser(
        "annotate", parents=[configured], help="write a copy of Word reports with one comment per finding"
    )
    annotate.add_argument("paths", nargs="+", metavar="REPORT", help=".docx reports or directories of them")
    annotate.add_argument(
        "-o", "--output", required=True, type=Path, metavar="OUT", help="the copy (.docx), or a directory for several"
    )
    annotate.add_argument("--lang", choices=("zh", "en"), help="comment language (default: zh)")
    annotate.add_argument("--year", type=_year, help="report year, overriding the one in the title")
    _add_selectors(annotate)
    annotate.add_argument(
        "--no-pair", action="store_true", help="do not compare reports with the same body's report of the year before"
    )

    explain = sub.add_parser("explain", parents=[configured], help="show a rule's documentation")
    explain.add_argument("rule", metavar="CODE-or-NAME").completer = _complete_rules  # type: ignore[attr-defined]
    explain.add_argument("--lang", choices=("zh", "en"), help="language of the summary (default: zh)")

    config = sub.add_parser("config", parents=[configured], help="show the settings that apply to a path")
    config.add_argument("path", nargs="?", default=".", metavar="PATH", help="a report or directory (default: .)")
    return parser


def _add_selectors(parser: argparse.ArgumentParser) -> None:
    """--select, --extend-select and --ignore, the same for check and annotate."""
    for flag, what in (
        ("--select", "run only these rules, replacing the configuration's select"),
        ("--extend-select", "also run these rules"),
        ("--ignore", "do not run these rules"),
    ):
        selector = parser.add_argument(
            flag, type=_selectors, metavar="RULES", help=f"{what} (codes, prefixes, names, packs; comma-separated)"
        )
        selector.completer = _complete_rules  # type: ignore[attr-defined]


def _complete_rules(prefix: str, **_: object) -> list[str]:
    """Shell completion of rule selectors: codes, names and packs (after the comma being typed)."""
    done, _comma, typing = prefix.rpartition(",")
    ruleset = Project().ruleset(Config())
    words = [*(r.code for r in ruleset.rules), *(r.name for r in ruleset.rules), *ruleset.groups]
    lead = f"{done}," if done else ""
    return [lead + word for word in words if word.lower().startswith(typing.lower())]


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {value!r}")
    return int(value)


def _selectors(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(",") if part.strip())


def _project(args: argparse.Namespace) -> Project:
    return Project(
        Options(
            config=args.config,
            isolated=args.isolated,
            select=getattr(args, "select", None),
            extend_select=getattr(args, "extend_select", None) or (),
            ignore=getattr(args, "ignore", None) or (),
            year=getattr(args, "year", None),
        )
    )


def _here_ruleset(project: Project, streams: Streams) -> RuleSet:
    """The rules the configuration of the current directory sees."""
    ruleset = project.ruleset(project.config_for("."))
    _warn_problems(ruleset.problems, streams)
    return ruleset


def _warn_problems(problems: Sequence[str], streams: Streams) -> None:
    if not problems:
        return
    from rich.markup import escape  # noqa: PLC0415 - rich only when something is printed (`Streams`)

    for problem in problems:
        streams.err.print(f"[yellow]gklint: warning:[/] {escape(problem)}", highlight=False, soft_wrap=True)


def cmd_check(args: argparse.Namespace, streams: Streams) -> int:
    """Check every path; report; return the exit code."""
    project = _project(args)
    # Run-wide settings come from the command line, else the current directory's configuration.
    here = project.config_for(".")
    lang = args.lang or here.lang or "zh"
    fail_on = Severity.parse(args.fail_on) if args.fail_on else here.fail_on or Severity.ERROR
    if args.format == "xlsx" and args.output is None:
        raise UsageError("--format xlsx writes a workbook: name it with -o FILE.xlsx")
    if args.show_suppressed and args.format not in ("text", "json"):
        raise UsageError("--show-suppressed marks suppressed findings in text and json output only")
    paths, names = _paths(args)
    if args.show_files:
        for name in names:
            streams.out.print(name, highlight=False, markup=False, soft_wrap=True)
        return EXIT_OK
    stdin = sys.stdin.buffer.read(args.max_file_size + 1) if "-" in paths else None  # one more byte: too big
    if args.previous is not None:
        _check_previous(args.previous, paths, args.max_file_size)
    rules: dict[str, Rule] = {}
    for name in names:  # every configuration error before any output
        rules.update((rule.code, rule) for rule in project.plan(name).rules)
    if not args.quiet:
        _warn_problems(project.problems, streams)
    baseline = _baseline(args, names)
    reporting = args.write_baseline is None
    # Text and JSON are written file by file as the run goes, and each result is dropped
    # once written (memory flat in the number of files); other outputs are written at the end.
    streaming = args.format == "text" and reporting and args.output is None
    reporter = TerminalReporter(streams.text_out(), lang=lang) if streaming else None
    writer = _json_writer(args, lang) if args.format == "json" and reporting else None
    results: list[FileResult] = []  # kept only for an output written at the end
    summary = summarize([])
    show_progress = not (args.no_progress or args.quiet) and len(paths) >= PROGRESS_FROM and streams.err.is_terminal
    job = Job(
        options=project.options,
        lang=lang,
        max_bytes=args.max_file_size,
        timeout=args.timeout_per_file,
        pair=not args.no_pair,
        previous=args.previous,
        stdin_name=args.stdin_filename,
    )
    jobs = args.jobs or default_jobs(len(paths))
    with _progress(streams, show_progress) as progress:
        task = progress.add_task("gklint", total=len(paths))
        for result in check_paths(project, job, paths, jobs=jobs, stdin=stdin):
            if baseline is not None and result.source is not None and reporting:
                result = replace(result, findings=baseline.hide(result.path, result.findings, result.source.text))
            if args.show_suppressed and result.suppressed and reporting:
                result = replace(result, findings=sorted([*result.findings, *result.suppressed]))
            summary = summary.plus(summarize([result]))
            if reporter is not None:
                reporter.file(result)
            elif writer is not None:
                with _writing(args.output):
                    writer.file(result)
            else:
                results.append(result)
            progress.advance(task)
    if not reporting:
        from gklint.baseline import BaselineError, write_baseline  # noqa: PLC0415 - see `_baseline`

        try:
            recorded = write_baseline(
                args.write_baseline, ((r.path, r.findings, r.source.text) for r in results if r.source)
            )
        except BaselineError as exc:
            raise UsageError(str(exc)) from None
        if not args.quiet:
            streams.err.print(
                f"gklint: recorded {recorded} finding(s) in {args.write_baseline}", highlight=False, markup=False
            )
        return EXIT_TROUBLE if summary.unreadable else EXIT_OK
    if reporter is not None:
        if not args.quiet:
            reporter.finish(summary, statistics=args.statistics)
        return _exit_code(args, summary, fail_on)
    if writer is not None:
        with _writing(args.output):
            writer.finish()
            if args.output is not None:
                writer.out.close()
        return _exit_code(args, summary, fail_on)
    try:
        _report(args, results, summary, rules, streams.out, lang)
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise UsageError(f"cannot write {args.output}: {exc.strerror or exc}") from None
    return _exit_code(args, summary, fail_on)


def _baseline(args: argparse.Namespace, names: Sequence[str]) -> Baseline | None:
    """``--baseline``'s file, read, and ``--write-baseline``'s target refused now if unfit (`check_target`)."""
    if args.baseline is None and args.write_baseline is None:
        return None
    # Imported only for a run with a baseline (start-up, issue 13).
    from gklint.baseline import Baseline, BaselineError, check_target  # noqa: PLC0415

    try:
        baseline = Baseline.load(args.baseline) if args.baseline else None
        if args.write_baseline is not None:
            check_target(args.write_baseline, names)
    except BaselineError as exc:
        raise UsageError(str(exc)) from None
    return baseline


def _paths(args: argparse.Namespace) -> tuple[list[str], list[str]]:
    """The files to check (each once; ``-`` for standard input) and the names they are reported by."""
    given = args.paths or (["-"] if args.stdin_filename is not None else [])
    if not given:
        raise UsageError("no PATH given: name report files or directories, or - for standard input")
    paths = list(expand_paths(given, include=args.include, exclude=args.exclude, follow_links=args.follow_links))
    if not paths:
        raise UsageError("no report files found in the given directories")
    if args.stdin_filename is not None and "-" not in paths:
        raise UsageError("--stdin-filename names standard input: give - as a PATH (or no PATH)")
    return paths, [args.stdin_filename if p == "-" and args.stdin_filename is not None else p for p in paths]


def _exit_code(args: argparse.Namespace, summary: Summary, fail_on: Severity) -> int:
    """The run's exit code; with ``--exit-zero`` findings alone never fail it."""
    code = summary.exit_code(fail_on)
    return EXIT_OK if args.exit_zero and code == EXIT_FINDINGS else code


def _progress(streams: Streams, show: bool) -> Any:
    """A progress bar on standard error, or one that shows nothing (rich.progress is not imported then)."""
    if not show:
        return contextlib.nullcontext(_NoProgress())
    from rich.progress import Progress  # noqa: PLC0415 - only a long run on a terminal shows one

    return Progress(console=streams.err, transient=True)


class _NoProgress:
    """The part of rich's `Progress` a run uses, doing nothing."""

    def add_task(self, description: str, total: int) -> int:
        return 0

    def advance(self, task: int) -> None:
        pass


def _json_writer(args: argparse.Namespace, lang: str) -> JsonWriter:
    from gklint.reporting.json import JsonWriter  # noqa: PLC0415 - only this format needs it

    if args.output is None:
        return JsonWriter(PlainConsole().file, lang=lang)
    with _writing(args.output):
        return JsonWriter(args.output.open("w", encoding="utf-8"), lang=lang)


@contextlib.contextmanager
def _writing(output: Path | None) -> Iterator[None]:
    """A failure to write the output is a usage error naming the file, as in `_report`."""
    try:
        yield
    except BrokenPipeError:
        raise  # the reader went away (`| head`): `main` ends quietly
    except OSError as exc:
        raise UsageError(f"cannot write {output}: {exc.strerror or exc}") from None


def _check_previous(last: str, paths: Sequence[str], max_bytes: int) -> None:
    """``--previous``: one report to compare, and a readable last year's report."""
    if len(paths) != 1:
        raise UsageError(f"--previous compares one report with last year's; {len(paths)} files were given")
    try:
        read_path(Path(last), max_bytes=max_bytes)
    except ReadError as exc:
        raise UsageError(f"{last}: cannot read last year's report: {exc}") from None


def _report(
    args: argparse.Namespace,
    results: list[FileResult],
    summary: Summary,
    rules: dict[str, Rule],
    out: Console,
    lang: str,
) -> None:
    """Write the results in ``--format``, to ``-o FILE`` if given."""
    # Each writer is imported only when its format is asked for (start-up, issue 13).
    if args.format == "xlsx":
        from gklint.reporting.xlsx import write_xlsx  # noqa: PLC0415

        write_xlsx(results, args.output, lang=lang, year=args.year)
        return
    with contextlib.ExitStack() as stack:
        if args.output is not None:
            from rich.console import Console  # noqa: PLC0415 - see `Streams`

            out = Console(file=stack.enter_context(args.output.open("w", encoding="utf-8")), width=out.width)
        stream = cast(TextIO, out.file)  # rich types it IO[str]; it is a text stream
        if args.format == "text":
            reporter = TerminalReporter(out, lang=lang)
            for result in results:
                reporter.file(result)
            if not args.quiet:
                reporter.finish(summary, statistics=args.statistics)
        elif args.format == "sarif":
            from gklint.reporting.sarif import write_sarif  # noqa: PLC0415

            write_sarif(results, rules, stream, lang=lang)
        elif args.format == "github":
            from gklint.reporting.github import write_github  # noqa: PLC0415

            write_github(results, stream, lang=lang)
        elif args.format == "html":
            from gklint.reporting.html import write_html  # noqa: PLC0415

            write_html(results, summary, stream, lang=lang, year=args.year)
        else:
            from gklint.reporting.json import write_json  # noqa: PLC0415

            write_json(results, stream, lang=lang)


def cmd_annotate(args: argparse.Namespace, streams: Streams) -> int:
    """Write a commented copy of each .docx report; 2 if one could not be annotated."""
    from gklint.annotate import AnnotateError, write_annotated  # noqa: PLC0415 - python-docx's writer

    project = _project(args)
    lang = args.lang or project.config_for(".").lang or "zh"
    paths = list(expand_paths(args.paths, include=["*.docx"]))
    if not paths:
        raise UsageError("no .docx reports found in the given directories")
    several = len(paths) > 1 or any(Path(p).is_dir() for p in args.paths) or args.output.is_dir()
    if several:
        names = [Path(p).name for p in paths]
        if len(set(names)) < len(names):
            raise UsageError("two reports have the same file name; annotate them into separate directories")
        args.output.mkdir(parents=True, exist_ok=True)
    _warn_problems(project.problems, streams)
    job = Job(options=project.options, lang=lang, max_bytes=DEFAULT_MAX_BYTES, pair=not args.no_pair)
    status = EXIT_OK
    for path, result in zip(paths, check_paths(project, job, paths, jobs=1), strict=True):
        target = args.output / Path(path).name if several else args.output
        try:
            if result.source is None or result.error is not None:  # unread, or not checked in full
                raise AnnotateError(result.error.get(lang) if result.error else "cannot read", internal=result.internal)
            count = write_annotated(path, result.source, result.findings, target, lang=lang)
        except AnnotateError as exc:
            streams.err.print(f"{path}: error: {exc}", highlight=False, markup=False, soft_wrap=True)
            status = max(status, EXIT_INTERNAL if exc.internal else EXIT_TROUBLE)
            continue
        streams.err.print(f"{path}: {count} comment(s) → {target}", highlight=False, markup=False, soft_wrap=True)
    return status


def cmd_rules(args: argparse.Namespace, streams: Streams) -> int:
    """List every rule, one line each: code, name, default severity, pack and summary."""
    from gklint.reporting.ruledoc import rule_lines  # noqa: PLC0415 - only this command needs it

    project = _project(args)
    lang = args.lang or project.config_for(".").lang or "zh"
    for line in rule_lines(_here_ruleset(project, streams).rules, streams.out.width, lang):
        streams.out.print(line, highlight=False, markup=False, soft_wrap=True)
    return EXIT_OK


def cmd_explain(args: argparse.Namespace, streams: Streams) -> int:
    """Print one rule's documentation (its module docstring)."""
    from gklint.reporting.ruledoc import print_explain  # noqa: PLC0415 - only this command needs it

    project = _project(args)
    rule = _here_ruleset(project, streams).lookup(args.rule)
    if rule is None:
        raise UsageError(f"unknown rule {args.rule!r}; `gklint rules` lists them")
    print_explain(rule, streams.out, args.lang or project.config_for(".").lang or "zh")
    return EXIT_OK


def cmd_config(args: argparse.Namespace, streams: Streams) -> int:
    """Print the settings that apply to a path and the file they come from."""
    project = _project(args)
    config = project.config_for(args.path)
    project.plan(args.path)  # validates the rule names too
    _warn_problems(project.problems, streams)
    for line in describe(config):
        streams.out.print(line, highlight=False, markup=False, soft_wrap=True)
    return EXIT_OK


COMMANDS = {
    "check": cmd_check,
    "annotate": cmd_annotate,
    "rules": cmd_rules,
    "explain": cmd_explain,
    "config": cmd_config,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``gklint`` script."""
    parser = build_parser()
    if "_ARGCOMPLETE" in os.environ:  # a shell asking for completions (`register-python-argcomplete gklint`)
        import argcomplete  # noqa: PLC0415 - only then

        argcomplete.autocomplete(parser)  # prints the completions and exits
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors and 0 for --help
        return int(exc.code or 0)
    streams = Streams()
    try:
        return COMMANDS[args.command](args, streams)
    except (UsageError, ConfigError) as exc:
        from rich.markup import escape  # noqa: PLC0415 - rich only when something is printed (`Streams`)

        streams.err.print(f"[bold red]gklint: error:[/] {escape(str(exc))}", highlight=False, soft_wrap=True)
        return EXIT_TROUBLE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`gklint check … | head`): no traceback, and no second error
        # when Python flushes stdout at exit. 141 is what a shell reports for SIGPIPE.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except Exception as exc:  # noqa: BLE001 - a bug must end in one line and its own exit code
        detail = f"{type(exc).__name__}: {str(exc)[:300]}"
        streams.err.print(
            f"gklint: internal error: {detail}; this is a bug in gklint, please report it",
            highlight=False,
            markup=False,
            soft_wrap=True,
        )
        return EXIT_INTERNAL
