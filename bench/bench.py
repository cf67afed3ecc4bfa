"""Speed of lintcare against peer prose linters on one varied corpus (not a test).

    python bench/bench.py --alex /tmp/peers/node_modules/.bin/alex
    python bench/bench.py --files 300 --words 300000 --scale-files 0   # quicker
    python bench/bench.py --against /tmp/old-checkout   # and an older lintcare, in turns

The corpus (corpus.py) is 1,000 Markdown, HTML and plain-text pages of about 1M words
in all, made from our own example and test pages with a quarter of their words swapped
for words of a frequency list. Prints, in one run: CPU time per stage of one lintcare
process; words per second for lintcare (cold cache with --jobs, one job, warm cache),
proselint and alex (found on PATH or given with --proselint / --alex) and the ratios;
peak memory per process; one 1,000-word page from process start to exit; the cost per
file from 250 to --scale-files files. Lintcare and the peers run in turns, so a busy
spell of a shared machine falls on both; CPU seconds are printed beside wall time.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from corpus import generate, page  # noqa: E402
from stages import STAGES  # noqa: E402

# Runs one command and reports its wall time, CPU time (user + system, children
# included) and peak memory of its largest process, as JSON on standard output.
_MEASURE = """
import json, resource, subprocess, sys, time
t0 = time.perf_counter()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
r = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps([time.perf_counter() - t0, r.ru_utime + r.ru_stime, r.ru_maxrss // 1024]))
"""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env["NO_COLOR"] = "1"
    # An installed tool runs from byte-compiled modules (pip compiles them, as it did
    # for the peers); a shell that forbids writing them would make lintcare compile its
    # source on every start.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def measure(cmd: list[str]) -> tuple[float, float, int]:
    """(wall s, CPU s, peak MB of one process) of a command."""
    # Run from a folder of no tree: "python -m" puts the working folder first on the
    # path, which would run this tree's lintcare where --against names another.
    out = subprocess.run([sys.executable, "-c", _MEASURE, *cmd], env=_env(), capture_output=True,
                         text=True, check=True, cwd=tempfile.gettempdir()).stdout
    wall, cpu, peak = json.loads(out)
    return wall, cpu, peak


def best(cmd: list[str], runs: int) -> tuple[float, float, int]:
    """The fastest of ``runs`` runs (a pause caused by another process only adds time)."""
    return min((measure(cmd) for _ in range(runs)), key=lambda r: r[0])


def lintcare(paths: list[str], *opts: str) -> list[str]:
    return [sys.executable, "-m", "lintcare", "check", "--fail-on", "none", "--format", "json",
            *opts, *paths]


def words_in(paths: list[str]) -> int:
    return sum(len(Path(p).read_text(encoding="utf-8").split()) for p in paths)


def show_stages(paths: list[str], words: int) -> None:
    out = json.loads(subprocess.run([sys.executable, str(HERE / "stages.py"), *paths], env=_env(),
                                    capture_output=True, text=True, check=True).stdout)
    spent = out["spent"]
    total = sum(spent.values())
    print(f"findings: {out['findings']:,} ({out['findings'] / words * 1000:.1f} per 1,000 words)"
          f" from {out['rules']} rules")
    print(f"CPU time per stage, one process, {len(paths)} files ({total:.2f} s in all):")
    for stage in STAGES:
        print(f"  {stage:22s} {spent[stage]:7.2f} s  {spent[stage] / total:6.1%}")


Command = list[str] | None  # None: the peer is not installed
Peers = dict[str, Callable[[list[str]], Command]]


def peer_commands(args: argparse.Namespace) -> Peers:
    """Each peer's command for some files: proselint, alex and, with --against, lintcare
    from another tree (an older commit checked out elsewhere) with the same options."""
    peers: Peers = {
        "proselint": lambda paths: [args.proselint, "check", *paths] if args.proselint else None,
        "alex": lambda paths: [args.alex, "--quiet", *paths] if args.alex else None,
    }
    if args.against:
        peers[f"lintcare at {args.against}"] = lambda paths: [
            "env", f"PYTHONPATH={args.against}", *lintcare(paths, "--jobs", str(args.jobs), "--no-cache")]
    return peers


def compare(paths: list[str], words: int, jobs: int, peers: Peers, work: Path) -> None:
    """Lintcare (cold, one job, warm) and the peers, in turns; ratios of words/s."""
    runs: dict[str, list[tuple[float, float, int]]] = {}
    caches = [str(work / f"cache{i}") for i in range(2)]
    for i in range(2):  # two rounds, each command once a round
        runs.setdefault("cold", []).append(measure(lintcare(paths, "--jobs", str(jobs),
                                                            "--cache-dir", caches[i])))
        for name, command in peers.items():
            if (cmd := command(paths)) is not None:
                runs.setdefault(name, []).append(measure(cmd))
        runs.setdefault("one job", []).append(measure(lintcare(paths, "--jobs", "1", "--no-cache")))
    runs["warm"] = [measure(lintcare(paths, "--jobs", str(jobs), "--cache-dir", caches[0]))
                    for _ in range(3)]
    got = {name: min(found, key=lambda r: r[0]) for name, found in runs.items()}
    label = {"cold": f"lintcare, {jobs} jobs, cold cache", "one job": "lintcare, 1 job, no cache",
             "warm": "lintcare, warm cache"}
    for name, (wall, cpu, peak) in got.items():
        print(f"  {label.get(name, name):32s} {wall:7.2f} s  {words / wall:10,.0f} words/s"
              f"  CPU {cpu:6.2f} s  peak {peak:4d} MB per process")
    cold = got["cold"][0]
    print(f"  warm cache is {cold / got['warm'][0]:.1f}x faster than cold")
    for name, command in peers.items():
        if command(paths) is None:
            print(f"  {name}: not installed (pip install proselint / npm install alex), skipped")
        else:
            print(f"  lintcare ({jobs} jobs) is {got[name][0] / cold:5.1f}x {name}'s words/s "
                  f"(1 job: {got[name][0] / got['one job'][0]:.1f}x)")


def one_page(work: Path, peers: Peers) -> None:
    path = work / "one-page.md"
    text, _ = page(random.Random(1), "markdown", 980)
    path.write_text(text, encoding="utf-8")
    measure(lintcare([str(path)], "--no-cache"))  # untimed: writes the byte-compiled modules
    wall, cpu, peak = best(lintcare([str(path)], "--no-cache"), 5)
    print(f"one {len(text.split()):,}-word page, process start to exit, --no-cache: {wall:.2f} s"
          f" (CPU {cpu:.2f} s, peak {peak} MB; best of 5)")
    for name, command in peers.items():
        if (cmd := command([str(path)])) is not None:
            print(f"  {name} on the same page: {best(cmd, 3)[0]:.2f} s")


def scaling(work: Path, files: int, per_file: int, jobs: int) -> None:
    """Cost per file as the corpus grows (same kind of pages, cold, no cache)."""
    root = work / "scale"
    generate(root, files, files * per_file, seed=11)
    paths = [str(p) for p in sorted(root.iterdir())]
    print(f"cost per file against corpus size ({jobs} jobs, no cache):")
    base = last = None
    for size in sorted({*(n for n in (250, 500, 1000, 2500) if n < files), files}):
        wall, cpu, _ = measure(lintcare(paths[:size], "--jobs", str(jobs), "--no-cache"))
        base = base or cpu / size
        # Past the fixed start-up (imports, rules, each worker's first regexes), each
        # further file should cost the same: the CPU of the files added since the last size.
        step = "" if last is None else f"; {(cpu - last[1]) / (size - last[0]) * 1000:6.2f} ms each added"
        last = (size, cpu)
        print(f"  {size:5d} files: {wall:7.2f} s wall  CPU {cpu / size * 1000:6.2f} ms a file"
              f" ({cpu / size / base:4.2f}x the first{step})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--files", type=int, default=1000)
    ap.add_argument("--words", type=int, default=1_000_000)
    ap.add_argument("--scale-files", type=int, default=5000, help="0: skip the growth check")
    ap.add_argument("--proselint", default=shutil.which("proselint"))
    ap.add_argument("--alex", default=shutil.which("alex"))
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--against", help="another lintcare tree to run in turns (say, the last release)")
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="lintcare-bench-"))
    generate(work / "corpus", args.files, args.words)
    paths = [str(p) for p in sorted((work / "corpus").iterdir())]
    words = words_in(paths)
    print(f"corpus: {len(paths)} files (md, html, txt), {words:,} words in {work / 'corpus'}")
    peers = peer_commands(args)
    show_stages(paths, words)
    print("words per second, best of 2 rounds run in turns (warm: best of 3):")
    compare(paths, words, args.jobs, peers, work)
    one_page(work, peers)
    if args.scale_files:
        scaling(work, args.scale_files, args.words // args.files, args.jobs)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
