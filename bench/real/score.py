"""Score lintcare against the hand-annotated real-page corpus in bench/real.

Runs ``python -m lintcare check --format json`` once on the page texts of the chosen split and
matches its findings to the annotations (see README.md for the matching rules).

    python bench/real/score.py --split dev [--show] [--json OUT] [--pages DIR] [--repo DIR]

On a page annotated ``truncated: true`` (the text is only the opening of the page), a document-scope
finding and a finding in the last, cut-off sentence are not scored unless they match an expected item:
they are counted apart ("not scored") instead of as unexpected.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
CATEGORIES = (
    "typo",
    "punctuation",
    "terminology",
    "contact",
    "supportive-language",
    "compliance",
    "readability",
)
WIDE = 80  # a finding longer than this (a whole sentence or more) is "wide"
BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*\s+|\n")


@dataclass
class Finding:
    rule: str
    category: str
    scope: str
    line: int
    column: int
    start: int
    end: int
    text: str
    status: str = "unexpected"  # matched | unexpected | doc-truncated | tail-truncated


@dataclass
class Page:
    pid: str
    text: str
    annotation: dict[str, Any]
    findings: list[Finding] = field(default_factory=list)

    @property
    def truncated(self) -> bool:
        return bool(self.annotation.get("truncated", False))

    def tail_start(self) -> int:
        """Offset where the last, incomplete sentence of a truncated page begins (len(text) if none)."""
        body = self.text.rstrip()
        if not self.truncated or not body or body[-1] in '.!?:;)"”’':
            return len(self.text)
        return max((m.end() for m in BOUNDARY.finditer(body)), default=0)


def line_starts(text: str) -> list[int]:
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    return starts


def offset(starts: list[int], text: str, line: int, column: int) -> int:
    """1-based line and character column to a 0-based offset in ``text``."""
    line = max(1, min(line, len(starts)))
    return min(starts[line - 1] + max(column, 1) - 1, len(text))


def occurrences(text: str, span: str) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    at = text.find(span)
    while at >= 0:
        found.append((at, at + len(span)))
        at = text.find(span, at + 1)
    return found


def overlaps(a: tuple[int, int], start: int, end: int) -> bool:
    return a[0] < max(end, start + 1) and start < a[1]


def load_pages(pages_dir: Path, split: str) -> list[Page]:
    with open(HERE / "urls.tsv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    pages: list[Page] = []
    for row in rows:
        if split != "all" and row["split"] != split:
            continue
        path = pages_dir / f"{row['id']}.txt"
        ann_path = HERE / "annotations" / f"{row['id']}.yaml"
        if not path.exists() or not ann_path.exists():
            print(f"skipped {row['id']}: page or annotation missing", file=sys.stderr)
            continue
        annotation = yaml.safe_load(ann_path.read_text(encoding="utf-8"))
        pages.append(Page(row["id"], path.read_text(encoding="utf-8"), annotation))
    return pages


def run_lintcare(pages: list[Page], pages_dir: Path, repo: Path) -> None:
    """Run the lintcare package found in ``repo`` (its folder first on PYTHONPATH, and the cwd)."""
    paths = [str((pages_dir / f"{p.pid}.txt").resolve()) for p in pages]
    cmd = [sys.executable, "-m", "lintcare", "check", "--format", "json", "--no-cache"]
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(x for x in (str(repo), env.get("PYTHONPATH", "")) if x)
    argv = [*cmd, "--fail-on", "none", *paths]
    proc = subprocess.run(argv, cwd=repo, env=env, capture_output=True, text=True, encoding="utf-8")
    if proc.returncode not in (0, 1):
        sys.exit(f"lintcare failed ({proc.returncode}):\n{proc.stderr}")
    report = json.loads(proc.stdout)
    by_path = {str(Path(repo, f["path"]).resolve()): f for f in report["files"]}
    for page, path in zip(pages, paths, strict=True):
        starts = line_starts(page.text)
        for f in by_path.get(path, {}).get("findings", []):
            start = offset(starts, page.text, f["line"], f["column"])
            end = offset(starts, page.text, f.get("end_line", f["line"]), f.get("end_column", f["column"]))
            page.findings.append(
                Finding(
                    f["rule"],
                    f["category"],
                    f.get("scope", "span"),
                    f["line"],
                    f["column"],
                    start,
                    max(end, start),
                    f.get("text", ""),
                )
            )


def score(pages: list[Page]) -> dict[str, Any]:
    expected: Counter[str] = Counter()
    found: Counter[str] = Counter()
    missed: list[str] = []
    correct_total = correct_flagged = correct_narrow = 0
    flagged_correct: list[str] = []
    for page in pages:
        spans = [f for f in page.findings if f.scope != "document"]
        for item in page.annotation.get("expected") or []:
            cat = item["category"]
            expected[cat] += 1
            if item.get("span") is None:
                hits = [f for f in page.findings if f.scope == "document" and f.category == cat]
            else:
                where = occurrences(page.text, item["span"])
                if not where:
                    missed.append(f"{page.pid}: span not found: {item['span']!r}")
                same = [f for f in spans if f.category == cat]
                hits = [f for f in same if any(overlaps(w, f.start, f.end) for w in where)]
            for f in hits:
                f.status = "matched"
            if hits:
                found[cat] += 1
            else:
                span = item.get("span") or "(document)"
                missed.append(f"{page.pid}: {cat} {span!r}: {item.get('note', '')}")
        tail = page.tail_start()
        for f in page.findings:
            if f.status == "matched" or not page.truncated:
                continue
            if f.scope == "document":
                f.status = "doc-truncated"
            elif f.start >= tail:
                f.status = "tail-truncated"
        spans = [f for f in spans if f.status != "tail-truncated"]
        for item in page.annotation.get("correct") or []:
            correct_total += 1
            where = occurrences(page.text, item["span"])
            over = [f for f in spans if any(overlaps(w, f.start, f.end) for w in where)]
            if over:
                correct_flagged += 1
                rules = ", ".join(sorted({f.rule for f in over}))
                flagged_correct.append(f"{page.pid}: {item['span']!r} by {rules}")
            if any(f.end - f.start <= WIDE for f in over):
                correct_narrow += 1
    unexpected = [(p, f) for p in pages for f in p.findings if f.status == "unexpected"]
    apart = [(p, f) for p in pages for f in p.findings if f.status.endswith("-truncated")]
    words = sum(len(p.text.split()) for p in pages)
    return {
        "pages": len(pages),
        "truncated_pages": sum(p.truncated for p in pages),
        "words": words,
        "findings": sum(len(p.findings) for p in pages),
        "recall": {c: {"found": found[c], "expected": expected[c]} for c in CATEGORIES if expected[c]},
        "recall_total": {"found": sum(found.values()), "expected": sum(expected.values())},
        "correct": {"flagged": correct_flagged, "flagged_narrow": correct_narrow, "total": correct_total},
        "unexpected": len(unexpected),
        "not_scored": {
            "doc_level_on_truncated": sum(f.status == "doc-truncated" for _, f in apart),
            "tail_of_truncated": sum(f.status == "tail-truncated" for _, f in apart),
        },
        "unexpected_per_1000_words": round(1000 * len(unexpected) / max(words, 1), 2),
        "unexpected_by_rule": dict(Counter(f.rule for _, f in unexpected).most_common()),
        "unexpected_by_category": dict(Counter(f.category for _, f in unexpected).most_common()),
        "missed": missed,
        "flagged_correct": flagged_correct,
        "unexpected_list": [f"{p.pid}:{f.line}:{f.column} {f.rule} {f.text!r}" for p, f in unexpected],
        "not_scored_list": [f"{p.pid}:{f.line}:{f.column} {f.status} {f.rule} {f.text!r}" for p, f in apart],
    }


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}%" if b else "  n/a"


def report(fig: dict[str, Any], split: str, show: bool) -> None:
    print(
        f"split={split}  pages={fig['pages']} ({fig['truncated_pages']} truncated)  words={fig['words']}"
        f"  findings={fig['findings']}"
    )
    print("\nrecall (found/expected)")
    for cat, r in fig["recall"].items():
        print(f"  {cat:22s} {r['found']:3d}/{r['expected']:<3d} {pct(r['found'], r['expected'])}")
    t = fig["recall_total"]
    print(f"  {'all':22s} {t['found']:3d}/{t['expected']:<3d} {pct(t['found'], t['expected'])}")
    c = fig["correct"]
    print(f"\ncorrect phrases flagged: {c['flagged']}/{c['total']} {pct(c['flagged'], c['total'])}")
    narrow = c["flagged_narrow"]
    print(f"  by a finding of at most {WIDE} characters: {narrow}/{c['total']} {pct(narrow, c['total'])}")
    print(f"unexpected findings: {fig['unexpected']}  ({fig['unexpected_per_1000_words']} per 1,000 words)")
    ns = fig["not_scored"]
    print(f"doc-level on truncated pages: {ns['doc_level_on_truncated']}, not scored")
    print(f"in the cut-off last sentence of truncated pages: {ns['tail_of_truncated']}, not scored")
    by_cat = ", ".join(f"{k} {v}" for k, v in fig["unexpected_by_category"].items())
    print(f"\nunexpected by category: {by_cat}")
    print("\nunexpected by rule (top 25)")
    for rule, n in list(fig["unexpected_by_rule"].items())[:25]:
        print(f"  {n:4d}  {rule}")
    if show:
        print("\nmissed expected items")
        print("\n".join(f"  {m}" for m in fig["missed"]))
        print("\ncorrect phrases flagged")
        print("\n".join(f"  {m}" for m in fig["flagged_correct"]))
        print("\nunexpected findings")
        print("\n".join(f"  {m}" for m in fig["unexpected_list"]))
        print("\nnot scored (truncated pages)")
        print("\n".join(f"  {m}" for m in fig["not_scored_list"]))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "holdout", "holdout3", "holdout4", "all"), default="dev")
    ap.add_argument("--pages", type=Path, default=HERE / "pages", help="folder of NNN-slug.txt page texts")
    ap.add_argument("--show", action="store_true", help="list missed, flagged and unexpected items")
    ap.add_argument("--json", type=Path, metavar="OUT", help="write the figures as JSON")
    ap.add_argument("--repo", type=Path, default=REPO, help="checkout whose lintcare is run")
    args = ap.parse_args(argv)
    pages = load_pages(args.pages, args.split)
    if not pages:
        sys.exit(f"no pages found in {args.pages} (see README.md to rebuild them)")
    run_lintcare(pages, args.pages, args.repo.resolve())
    fig = score(pages)
    report(fig, args.split, args.show)
    if args.json:
        args.json.write_text(json.dumps({"split": args.split, **fig}, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
