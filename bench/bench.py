"""Speed of lintcare against peer prose linters on one generated corpus (not a test).

    python bench/bench.py                       # 1,000 files, about 1M words
    python bench/bench.py --files 300 --words 300000

Prints words per second for lintcare (cold cache, all cores; one core; warm cache),
for proselint and alex when installed (found on PATH or given with --proselint /
--alex), the ratios, peak memory per process, the time for one small file from
process start to exit, and how time grows with corpus size. Timings on a shared
machine are noisy: compare the ratios printed by one run.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from corpus import generate  # noqa: E402


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env["NO_COLOR"] = "1"
    # An installed tool runs from byte-compiled modules (pip compiles them, as it did
    # for the peers); a shell that forbids writing them would make lintcare compile its
    # source on every start.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def timed(cmd: list[str], cwd: Path | None = None) -> tuple[float, int]:
    """Wall time of a command and the peak RSS (MB) of any child process so far."""
    t0 = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, env=_env(), stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - t0
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return wall, peak_kb // 1024


def lintcare(paths: list[str], *opts: str) -> list[str]:
    return [sys.executable, "-m", "lintcare", "check", "--fail-on", "none", "--format", "json",
            *opts, *paths]


def words_in(paths: list[Path]) -> int:
    return sum(len(p.read_text(encoding="utf-8").split()) for p in paths)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--files", type=int, default=1000)
    ap.add_argument("--words", type=int, default=1_000_000)
    ap.add_argument("--peer-files", type=int, default=0,
                    help="files given to the peers (default: all, the same files lintcare "
                         "read); ratios use words/s")
    ap.add_argument("--proselint", default=shutil.which("proselint"))
    ap.add_argument("--alex", default=shutil.which("alex"))
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="lintcare-bench-"))
    corpus = work / "corpus"
    total = generate(corpus, args.files, args.words)
    files = sorted(corpus.iterdir())
    paths = [str(p) for p in files]
    print(f"corpus: {len(files)} files (md, html, txt), {total:,} words in {corpus}")

    small = work / "small.md"
    small.write_text("# Ketamine\n\nKetamine may help. Call (555) 123-4567.\n", encoding="utf-8")
    timed(lintcare([str(small)], "--no-cache"))  # untimed: writes the byte-compiled modules
    # Best of two cold runs (each with an empty cache) and of three warm ones: a pause
    # caused by another process only ever adds time.
    jobs = ("--jobs", str(args.jobs))
    caches = [str(work / f"cache{i}") for i in range(2)]
    colds = [timed(lintcare(paths, *jobs, "--cache-dir", c)) for c in caches]
    cold, peak = min(wall for wall, _ in colds), colds[-1][1]  # peak: of any process so far
    warm = min(timed(lintcare(paths, *jobs, "--cache-dir", caches[0]))[0] for _ in range(3))
    one_core, _ = timed(lintcare(paths, "--jobs", "1", "--no-cache"))
    rate = total / cold
    print(f"lintcare cold cache, {args.jobs} jobs: {cold:6.2f} s  {rate:10,.0f} words/s"
          f"  (peak {peak} MB per process; best of 2)")
    print(f"lintcare one core, no cache:  {one_core:6.2f} s  {total / one_core:10,.0f} words/s")
    print(f"lintcare warm cache:          {warm:6.2f} s  {cold / warm:6.1f}x faster than cold"
          " (best of 3)")

    best = min(timed(lintcare([str(small)], "--no-cache"))[0] for _ in range(3))
    print(f"one small file, process start to exit: {best:.2f} s (best of 3)")

    # Linear growth: after a fixed start-up (workers, their first pages), each further
    # file costs the same as the corpus doubles.
    print("time against corpus size (cold, no cache):")
    base = last = None
    for share in (4, 2, 1):
        part = paths[: len(paths) // share]
        secs, _ = timed(lintcare(part, "--jobs", str(args.jobs), "--no-cache"))
        step = "" if last is None else (f"; {(secs - last[1]) / (len(part) - last[0]) * 1000:.2f} ms"
                                         " a file over the last size")
        base, last = base or secs, (len(part), secs)
        print(f"  {len(part):5d} files: {secs:6.2f} s  ({secs / base:4.2f}x the smallest{step})")

    peers = files[: args.peer_files] if args.peer_files else files
    peer_words = words_in(peers)
    peer_paths = [str(p) for p in peers]
    for name, cmd in (
        ("proselint", [args.proselint, "check", *peer_paths] if args.proselint else None),
        ("alex", [args.alex, "--quiet", *peer_paths] if args.alex else None),
    ):
        if cmd is None:
            print(f"{name}: not installed (pip install proselint / npm install alex), skipped")
            continue
        secs, _ = timed(cmd)
        peer_rate = peer_words / secs
        print(f"{name} on {len(peers)} files: {secs:6.2f} s  {peer_rate:10,.0f} words/s"
              f"  -> lintcare is {rate / peer_rate:5.1f}x faster")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
