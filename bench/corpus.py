"""A varied patient-education corpus for the bench (deterministic; not a test).

Sentences and headings come from our own example and test pages (``examples/``,
``tests/pages/``, ``tests/data/pages/``), never from bench/real. Each sentence gets
about a quarter of its longer lower-case words swapped for words drawn, by how often
English uses them, from pyspellchecker's frequency list (lintcare already depends on
it), so no two pages repeat the same text and the vocabulary is that of real prose:
"its" and "than" stand on most pages, as they do on real ones. Pages come in
Markdown (headings, lists, links, emphasis, tables), HTML (nav, footer, lists,
tables, entities) and plain text, of varied length.
"""

from __future__ import annotations

import gzip
import html
import json
import random
import re
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("examples", "tests/pages", "tests/data/pages")
SWAP = 0.25  # share of longer lower-case words swapped
# "its" stands where "their" or "your" did (still grammatical), as often as real pages use it.
ITS_FOR = {"their": 0.3, "your": 0.08}

_TAG = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.DOTALL | re.IGNORECASE)
_MARKDOWN = re.compile(r"^\s*(?:#+|[-*+]|\d+\.|>)\s+|[*_`|]+|\[([^\]]*)\]\([^)]*\)", re.MULTILINE)
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“(])")
# Words of prose only: parts of addresses and links stay as written.
_WORD = re.compile(r"(?<![@/.\w])[A-Za-z]+(?![@/\w]|\.\w)")


def _prose_lines(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        text = html.unescape(_TAG.sub("\n", text))
    elif path.suffix == ".md":
        text = _MARKDOWN.sub(lambda m: m.group(1) or "", text)
    return [line.strip() for line in text.splitlines() if line.strip()]


@lru_cache(maxsize=1)
def material() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(sentences, headings) of our own pages."""
    sentences: set[str] = set()
    headings: set[str] = set()
    for folder in SOURCES:
        for path in sorted((ROOT / folder).iterdir()):
            if path.suffix not in (".md", ".txt", ".html"):
                continue
            for line in _prose_lines(path):
                words = line.split()
                if 1 <= len(words) <= 7 and line[-1] not in ".!?,:;":
                    headings.add(line)
                    continue
                sentences.update(s for s in _SENTENCE_SPLIT.split(line) if len(s.split()) >= 4)
    return tuple(sorted(sentences)), tuple(sorted(headings))


@lru_cache(maxsize=1)
def vocabulary() -> tuple[list[str], list[float]]:
    """Words ranked 300 to 40,000 in pyspellchecker's English list, with their running
    total of counts (for ``random.choices``)."""
    from itertools import accumulate

    import spellchecker

    path = Path(spellchecker.__file__).parent / "resources" / "en.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        counts: dict[str, int] = json.load(fh)
    ranked = sorted(((c, w) for w, c in counts.items() if w.isalpha() and len(w) >= 4),
                    key=lambda cw: (-cw[0], cw[1]))[300:40_000]
    return [w for _, w in ranked], list(accumulate(float(c) for c, _ in ranked))


def swap_words(sentence: str, rng: random.Random) -> str:
    words, cumulative = vocabulary()

    def swap(m: re.Match[str]) -> str:
        word = m.group()
        if word in ITS_FOR and rng.random() < ITS_FOR[word]:
            return "its"
        if len(word) < 4 or not word.islower() or rng.random() >= SWAP:
            return word  # names, brands, acronyms and short words stay
        return rng.choices(words, cum_weights=cumulative)[0]

    return _WORD.sub(swap, sentence)


def _paragraph(rng: random.Random) -> str:
    sentences, _ = material()
    return " ".join(swap_words(rng.choice(sentences), rng) for _ in range(rng.randint(2, 6)))


def _section(rng: random.Random, fmt: str) -> tuple[str, int]:
    """One heading and its body (paragraphs, maybe a list or a table) in ``fmt``."""
    _, headings = material()
    heading = swap_words(rng.choice(headings), rng)
    paras = [_paragraph(rng) for _ in range(rng.randint(1, 3))]
    items = [swap_words(rng.choice(material()[0]), rng) for _ in range(rng.randint(2, 5))] \
        if rng.random() < 0.4 else []
    table = rng.random() < 0.1
    words = sum(len(s.split()) for s in (heading, *paras, *items))
    return _render(fmt, heading, paras, items, table, rng), words


def _render(fmt: str, heading: str, paras: list[str], items: list[str], table: bool,
            rng: random.Random) -> str:
    link = rng.choice(["/contact", "https://example.org/visit", "/costs#insurance"])
    if fmt == "markdown":
        body = [f"## {heading}", *paras]
        if paras and rng.random() < 0.5:
            body[-1] = body[-1].replace(" ", f" [{heading.lower()}]({link}) ", 1)
        if items:
            marks = ["- " if rng.random() < 0.7 else "1. " for _ in items]
            body.append("\n".join(m + (f"**{i}**" if rng.random() < 0.2 else i)
                                  for m, i in zip(marks, items, strict=True)))
        if table:
            body.append("| Visit | Time |\n| --- | --- |\n| First | 2 hours |\n| Later | 90 minutes |")
        return "\n\n".join(body) + "\n"
    if fmt == "html":
        esc = html.escape
        body = [f"<h2>{esc(heading)}</h2>", *(f"<p>{esc(p)}</p>" for p in paras)]
        if paras and rng.random() < 0.5:
            body[-1] = body[-1].replace(" ", f' <a href="{link}"><em>{esc(heading)}</em></a> ', 1)
        if items:
            body.append("<ul>\n" + "\n".join(f"  <li>{esc(i)}</li>" for i in items) + "\n</ul>")
        if table:
            body.append("<table><tr><th>Visit</th><th>Time</th></tr>"
                        "<tr><td>First</td><td>2 hours</td></tr></table>")
        return "\n".join(body) + "\n"
    return "\n\n".join([heading, *paras, *(f"* {i}" for i in items)]) + "\n"


_NAV = ('<nav><a href="/">Home</a> | <a href="/services">Services</a> | '
        '<a href="/contact">Contact us</a></nav>\n')
_FOOTER = ("<footer><p>&copy; 2026 Example Clinic &middot; 100 Main Street &middot; "
           '<a href="/privacy">Privacy</a></p></footer>\n')


def page(rng: random.Random, fmt: str, words: int) -> tuple[str, int]:
    """One page of about ``words`` words; returns it and the words of prose it holds."""
    parts: list[str] = []
    count = 0
    while count < words:
        text, n = _section(rng, fmt)
        parts.append(text)
        count += n
    body = "\n".join(parts)
    if fmt == "html":
        body = (f"<!doctype html>\n<html><head><title>Care</title></head><body>\n{_NAV}"
                f"<main>\n<h1>Our care</h1>\n{body}</main>\n{_FOOTER}</body></html>\n")
    elif fmt == "markdown":
        body = f"# Our care\n\n{body}"
    return body, count


def generate(root: Path, files: int = 1000, total_words: int = 1_000_000, seed: int = 7) -> int:
    """Write ``files`` pages under ``root`` (lengths 0.4 to 1.6 times the mean);
    returns the number of words written (whitespace-separated, markup included)."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    per_file = total_words // files
    written = 0
    for i in range(files):
        fmt = ("markdown", "html", "text")[i % 3]
        ext = {"markdown": "md", "html": "html", "text": "txt"}[fmt]
        text, _ = page(rng, fmt, int(per_file * rng.uniform(0.4, 1.6)))
        (root / f"page{i:04d}.{ext}").write_text(text, encoding="utf-8")
        written += len(text.split())
    return written
