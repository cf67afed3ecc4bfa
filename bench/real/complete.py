"""List mechanical candidates in the real-page texts, blind to lintcare (for annotation completion).

Finds every double space between two words on a line, every space before . , ; : ! ?, every doubled
word, every ",,", ".,", ",." and ".." (not "..."), and every sentence of more than 30 words in running
text (list items and lines without end punctuation are skipped; a line break ends a sentence). Each hit
is printed with a short span that is unique in the page and whether an expected item already covers it.
Every hit is reviewed by eye before it goes into an annotation (``how: mechanical``).

    python bench/real/complete.py [--split dev|holdout|all] [--only-new]
"""

from __future__ import annotations

import argparse
import csv
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
LONG = 30  # policy: an editor marks a sentence of more than 30 words
ABBREV = re.compile(
    r"(?:\b(?:Dr|Mr|Mrs|Ms|Mt|St|Prof|vs|etc|approx|No|Jr|Sr|Inc|Ltd|Co)|\b[A-Za-z]\.[A-Za-z]|\be\.g|\bi\.e)\.$"
)
BULLET = re.compile(r"^\s*(?:[•\-*–·▪●]|\d{1,2}[.)]\s)")
END = re.compile(r"""[.!?]["'”’)\]]*(?=\s)|(?<=[A-Za-z])[.!?]\d+(?=\s)""")
MECHANICAL = [
    ("punctuation", "double space", re.compile(r"(?<=\S) {2,}(?=\S)")),
    ("punctuation", "space before punctuation", re.compile(r"(?<=\S) +[.,;:!?](?![.\d])")),
    ("typo", "doubled word", re.compile(r"\b(\w+)[ \t]+\1\b", re.IGNORECASE)),
    ("punctuation", "doubled punctuation", re.compile(r",,|\.,|,\.|(?<!\.)\.\.(?!\.)")),
]


def unique_span(text: str, start: int, end: int) -> str:
    """Grow [start, end) to whole words until the span occurs once in the page (at most 6 words)."""
    lo, hi = start, end
    for _ in range(6):
        while lo > 0 and not text[lo - 1].isspace():
            lo -= 1
        while hi < len(text) and not text[hi].isspace():
            hi += 1
        span = text[lo:hi].strip()
        if text.count(span) == 1 or "\n" in text[lo:hi]:
            return span
        if hi < len(text) and text[hi] != "\n":
            hi += 1
        elif lo > 0 and text[lo - 1] != "\n":
            lo -= 1
        else:
            break
    return text[lo:hi].strip()


def sentences(text: str) -> Iterator[tuple[int, int, int]]:
    """(start, end, words) for each sentence in running text; a line break is always a boundary."""
    pos = 0
    for line in text.split("\n"):
        base, pos = pos, pos + len(line) + 1
        if BULLET.match(line) or not line.strip():
            continue
        cut = 0
        for m in END.finditer(line):
            if ABBREV.search(line[: m.start() + 1]):
                continue
            yield from _one(line, base, cut, m.end())
            cut = m.end()
        yield from _one(line, base, cut, len(line))


def _one(line: str, base: int, a: int, b: int) -> Iterator[tuple[int, int, int]]:
    part = line[a:b]
    words = [w for w in part.split() if any(c.isalnum() for c in w)]
    if words:
        lead = len(part) - len(part.lstrip())
        yield base + a + lead, base + b, len(words)


def hits(text: str) -> Iterator[tuple[str, str, int, int]]:
    for cat, what, rx in MECHANICAL:
        for m in rx.finditer(text):
            yield cat, what, m.start(), m.end()
    for start, end, n in sentences(text):
        if n > LONG:
            yield "readability", f"long sentence ({n} words)", start, end


def covered(annotation: dict[str, Any], text: str, cat: str, start: int, end: int) -> bool:
    for item in annotation.get("expected") or []:
        span = item.get("span")
        if item["category"] != cat or not span:
            continue
        at = text.find(span)
        while at >= 0:
            if at < end and start < at + len(span):
                return True
            at = text.find(span, at + 1)
    return False


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "holdout", "holdout3", "holdout4", "all"), default="all")
    ap.add_argument("--only-new", action="store_true", help="hide hits an expected item already covers")
    args = ap.parse_args()
    with open(HERE / "urls.tsv", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh, delimiter="\t") if args.split in ("all", r["split"])]
    for row in rows:
        page = HERE / "pages" / f"{row['id']}.txt"
        if not page.exists():
            continue
        text = page.read_text(encoding="utf-8")
        ann = yaml.safe_load((HERE / "annotations" / f"{row['id']}.yaml").read_text(encoding="utf-8"))
        for cat, what, start, end in hits(text):
            old = covered(ann, text, cat, start, end)
            if args.only_new and old:
                continue
            if cat == "readability":
                first = " ".join(text[start:end].split()[:5])
                span = first if text.count(first) == 1 else " ".join(text[start:end].split()[:6])
            else:
                span = unique_span(text, start, end)
            print(f"{row['id']}\t{cat}\t{what}\t{'old' if old else 'NEW'}\t{span!r}")


if __name__ == "__main__":
    main()
