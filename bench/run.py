"""Benchmark (not a test): the speed targets of issue 13, each with its measured value and verdict.

Usage: python bench/run.py [--corpus ../shared/corpus] [--repeat 7] [--batch-repeat 3]
                           [--files 2000] [--series 1000,10000] [--quick]

Every timing is a median over repeated runs after one warm-up, and a command is timed
in turn with its reference (A B A B …): a ratio is the median of the pairs' ratios, so it
holds while a shared machine's speed drifts. Wall and CPU are whole-process figures (worker
processes included); peak memory is the largest process's resident set (wait4's
ru_maxrss). The load average is printed with each figure: on a loaded machine the
absolute times grow, the ratios much less.

- P1: one report, text output, default settings: ≤ 8× `python -c pass` (wall);
  ``gklint --version`` ≤ 3×.
- P2: ≥ 300 reports/s on --files 2021-template reports (the corpus's, copied), default
  settings (one worker per core), JSON and text output alike. Also shown: ``--jobs 1``,
  CPU per report, and the floor (reading, decoding and parsing the same files, no rules).
- P3: a report 10× longer (the report written out ten times) costs ≤ 12× as much to
  check (in one process, start-up excluded).
- P4: peak memory flat in the number of files: ≤ 100 MB at each size of --series
  (add 50000 to check the issue's largest batch; a run takes minutes).

``python -X importtime`` of a one-report check is summarised at the end. P1's yardstick is
this interpreter's ``python -c pass``: run the benchmark with a clean virtual environment's
python, since a site-packages hook slows every start-up alike and flatters the ratio (it
warns when ``import site`` takes over 15 ms).

Commands run with bytecode caching on (PYTHONDONTWRITEBYTECODE unset for them), as an
installed gklint runs: otherwise every run compiles gklint's modules afresh, a third of
a one-report check's time (paired runs on the 2-core machine, December 2026).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GKLINT = [sys.executable, "-m", "gklint"]
CHECK = [*GKLINT, "check", "--no-progress", "--isolated"]
ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
# Milliseconds of `import site` above which python -c pass is not a fair yardstick for P1.
SITE_WARNING_MS = 15


@dataclass(frozen=True)
class Run:
    """One finished command: wall and CPU seconds, peak resident memory in MB."""

    wall: float
    cpu: float
    rss: float


def run(argv: Sequence[str]) -> Run:
    """Run ``argv`` once, output discarded; exit 1 (findings) is fine, 2 or more is not."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=errors, env=ENV)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            errors.seek(0)
            raise SystemExit(f"{' '.join(argv)} failed ({code}): {errors.read().decode()[-500:]}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def paired(a: Sequence[str], b: Sequence[str], repeat: int) -> list[tuple[Run, Run]]:
    """``repeat`` pairs of runs, A then B, after one warm-up of each."""
    run(a), run(b)
    return [(run(a), run(b)) for _ in range(repeat)]


def median(values: list[float]) -> float:
    return statistics.median(values)


def load() -> str:
    return "load {:.1f} {:.1f} {:.1f}".format(*os.getloadavg())


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def select_2021(corpus: Path) -> list[Path]:
    """The corpus's reports written in the 2021 template (read by gklint's own model)."""
    from gklint.model import build_report  # noqa: PLC0415 - the benchmark runs without gklint imported
    from gklint.parser import parse  # noqa: PLC0415
    from gklint.readers import read_path  # noqa: PLC0415

    found = []
    for path in sorted(p for folder in ("real", "partial", "peer") for p in (corpus / folder).glob("*.txt")):
        text = read_path(path).text
        if build_report(parse(text), text).template == "2021":
            found.append(path)
    return found


def fill(folder: Path, sources: list[Path], count: int) -> int:
    """``count`` copies of ``sources`` in turn in ``folder``; their size in bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        shutil.copyfile(sources[i % len(sources)], folder / f"{i:05d}-{sources[i % len(sources)].name}")
    return sum(p.stat().st_size for p in folder.iterdir())


FLOOR = """
import sys
from pathlib import Path
from gklint.parser import parse
from gklint.readers import read_path
for path in sorted(Path(sys.argv[1]).iterdir()):
    parse(read_path(path).text)
"""


def site_startup() -> float:
    """Milliseconds ``python -c pass`` spends importing ``site`` (python -X importtime): the
    .pth hooks of site-packages run there, and a sandbox's hook that imports certifi made
    it 40–60 ms, twice a clean interpreter's whole start-up."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "pass"], capture_output=True, text=True, check=False, env=ENV
    )
    for line in proc.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[2].strip() == "site" and parts[1].strip().isdigit():
            return int(parts[1]) / 1000
    return 0.0


def p1(repeat: int) -> None:
    demo = str(ROOT / "examples" / "demo-2024.txt")
    baseline = [sys.executable, "-c", "pass"]
    site = site_startup()
    if site > SITE_WARNING_MS:
        print(
            f"WARNING: this interpreter imports site in {site:.0f} ms (a .pth hook of site-packages; a clean one "
            f"takes under {SITE_WARNING_MS} ms): python -c pass is slower than a user's, and P1's ratios look "
            "better than they are. Measure P1 with a clean virtual environment's python."
        )
    for label, argv, target in (
        ("P1  one report (text)", [*GKLINT, "check", demo], 8.0),
        ("P1  --version", [*GKLINT, "--version"], 3.0),
    ):
        pairs = paired(argv, baseline, repeat)
        ratio = median([a.wall / b.wall for a, b in pairs])
        cpu = median([a.cpu / b.cpu for a, b in pairs])
        print(
            f"{label}: {median([a.wall for a, _ in pairs]) * 1000:.0f} ms wall, "
            f"python -c pass {median([b.wall for _, b in pairs]) * 1000:.0f} ms: ×{ratio:.2f} wall "
            f"(×{cpu:.2f} CPU), target ≤ ×{target:g}: {verdict(ratio <= target)}  [{load()}]"
        )


def p2(sources: list[Path], files: int, repeat: int, tmp: Path) -> None:
    batch = tmp / "batch"
    size = fill(batch, sources, files)
    print(f"P2  batch: {files} reports of the 2021 template ({size / 1e6:.1f} MB), {len(sources)} distinct")
    json_run, text_run = [*CHECK, "--format", "json", str(batch)], [*CHECK, str(batch)]
    pairs = paired(json_run, text_run, repeat)
    for label, index in (("JSON", 0), ("text", 1)):
        wall = median([pair[index].wall for pair in pairs])
        cpu = median([pair[index].cpu for pair in pairs])
        rate = files / wall
        print(
            f"P2  {label}, default jobs: {wall:.2f} s = {rate:.0f} reports/s, {cpu / files * 1000:.1f} ms CPU/report, "
            f"peak {median([pair[index].rss for pair in pairs]):.0f} MB; target ≥ 300/s: {verdict(rate >= 300)}  "
            f"[{load()}]"
        )
    floor = [sys.executable, "-c", FLOOR, str(batch)]
    pairs = paired([*CHECK, "--format", "json", "--jobs", "1", str(batch)], floor, repeat)
    wall = median([a.wall for a, _ in pairs])
    print(
        f"    --jobs 1, JSON: {wall:.2f} s = {files / wall:.0f} reports/s, "
        f"{median([a.cpu for a, _ in pairs]) / files * 1000:.1f} ms CPU/report; the floor (read, decode, parse; "
        f"one process) {median([b.cpu for _, b in pairs]) / files * 1000:.1f} ms CPU/report: "
        f"×{median([a.cpu / b.cpu for a, b in pairs]):.2f} CPU  [{load()}]"
    )


def p3(sources: list[Path], repeat: int, tmp: Path) -> None:
    from gklint.project import Options, Project  # noqa: PLC0415
    from gklint.runner import check_file  # noqa: PLC0415

    source = max(sources, key=lambda p: p.stat().st_size)
    short, long = tmp / "short.txt", tmp / "long.txt"
    text = source.read_text(encoding="utf-8")
    short.write_text(text, encoding="utf-8")
    long.write_text("\n".join([text] * 10), encoding="utf-8")
    rules = list(Project(Options(isolated=True)).plan(str(short)).rules)

    def timed(path: Path) -> Callable[[], float]:
        def once() -> float:
            start = time.process_time()
            check_file(str(path), rules)
            return time.process_time() - start

        return once

    one, ten = timed(short), timed(long)
    one(), ten()
    pairs = [(one(), ten()) for _ in range(repeat)]
    ratio = median([b / a for a, b in pairs])
    print(
        f"P3  {source.name}: {median([a for a, _ in pairs]) * 1000:.0f} ms CPU; written out ten times "
        f"{median([b for _, b in pairs]) * 1000:.0f} ms: ×{ratio:.2f}, target ≤ ×12: {verdict(ratio <= 12)}  "
        f"[{load()}]"
    )


def p4(sources: list[Path], series: list[int], tmp: Path) -> None:
    peaks = []
    for count in series:
        folder = tmp / f"series-{count}"
        fill(folder, sources, count)
        measured = run([*CHECK, "--format", "json", str(folder)])
        peaks.append(measured.rss)
        print(
            f"P4  {count} files, JSON: peak {measured.rss:.0f} MB ({count / measured.wall:.0f} reports/s)  [{load()}]"
        )
        shutil.rmtree(folder)
    growth = (peaks[-1] - peaks[0]) / max(1, series[-1] - series[0]) * 1024
    ok = max(peaks) <= 100
    print(f"P4  growth {growth:.2f} KB per file; peak ≤ 100 MB at every size: {verdict(ok)}")


def importtime() -> None:
    demo = str(ROOT / "examples" / "demo-2024.txt")
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "gklint", "check", demo],
        capture_output=True,
        text=True,
        check=False,
        env=ENV,
    )
    rows = []
    for line in proc.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            name = parts[2]
            depth = (len(name) - len(name.lstrip())) // 2
            if depth <= 1:
                rows.append((int(parts[1]), name.rstrip()))
    total = sum(us for us, name in rows if not name.startswith("  "))
    print(f"imports of one check (python -X importtime, cumulative µs, top-level total {total / 1000:.0f} ms):")
    for us, name in sorted(rows, reverse=True)[:12]:
        print(f"  {us / 1000:7.1f} ms {name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=os.environ.get("GKLINT_CORPUS", str(ROOT.parent / "shared" / "corpus")))
    parser.add_argument("--repeat", type=int, default=7, help="pairs of runs for single-file figures")
    parser.add_argument("--batch-repeat", type=int, default=3, help="pairs of runs for batch figures")
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--series", default="1000,10000", help="file counts for P4, comma-separated")
    parser.add_argument("--quick", action="store_true", help="a smaller batch and series, fewer runs")
    args = parser.parse_args()
    if args.quick:
        args.repeat, args.batch_repeat, args.files, args.series = 3, 1, 400, "200,2000"
    sources = select_2021(Path(args.corpus))
    if not sources:
        raise SystemExit(f"no 2021-template reports in {args.corpus}")
    print(
        f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, {time.strftime('%Y-%m-%d %H:%M')}, {load()}"
    )
    with tempfile.TemporaryDirectory(prefix="gklint-bench-") as name:
        tmp = Path(name)
        p1(args.repeat)
        p2(sources, args.files, args.batch_repeat, tmp)
        p3(sources, args.repeat, tmp)
        p4(sources, [int(n) for n in args.series.split(",")], tmp)
    importtime()


if __name__ == "__main__":
    main()
