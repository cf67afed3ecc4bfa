"""Throughput of lintcare on a generated corpus (not part of the test suite).

    python bench/bench.py [--files 1000] [--words 1000000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate

from lintcare.api import default_rules, discover, lint_file


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=1000)
    ap.add_argument("--words", type=int, default=1_000_000)
    ap.add_argument("--out", default=str(Path(__file__).parent / "out" / "corpus"))
    args = ap.parse_args()
    root = Path(args.out)
    words = generate(root, args.files, args.words)
    t0 = time.perf_counter()
    rules = default_rules()
    from lintcare.nlp import pipeline

    pipeline()
    setup = time.perf_counter() - t0
    t1 = time.perf_counter()
    findings = 0
    for path, _ in discover([str(root)]):
        findings += len(lint_file(path, rules).findings)
    elapsed = time.perf_counter() - t1
    print(f"corpus: {args.files} files, {words:,} words")
    print(f"setup (rules + spaCy): {setup:.2f} s")
    print(f"lint: {elapsed:.2f} s, {words / elapsed:,.0f} words/s on one core, {findings:,} findings")


if __name__ == "__main__":
    main()
