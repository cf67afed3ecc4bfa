"""Evaluate the rule set on the acceptance pages in tests/pages against expected.yaml.

    python -m tests.pages_eval          # per-category recall, traps, unexpected findings

Expectations name a rule and a text of the page; a finding meets one when its source
range overlaps that text. Markup never appears in an expectation, so the figures hold
whether .md and .html files are read as plain text or by a markup-aware extractor.
While the Markdown and HTML extractors are still plain-text stand-ins, markup is
blanked out here (same length, so every offset stays put) to judge the rules, not the
stand-in.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from lintcare.api import default_rules, lint_source
from lintcare.document import Document
from lintcare.engine import lint_document
from lintcare.findings import CATEGORIES, Finding
from lintcare.rules.loader import RuleSet
from lintcare.sources import Source, extract, read_source
from lintcare.sources.text import extract_text

PAGES = Path(__file__).resolve().parent / "pages"
EXPECTED = PAGES / "expected.yaml"
# A finding longer than a trap by more than this spans a sentence or more around it:
# it judges the sentence (length, grade), not the trap's words.
TRAP_SLACK = 30


@dataclass
class PageResult:
    name: str
    style: str
    clean: bool
    findings: list[Finding]
    met: list[tuple[str, str]] = field(default_factory=list)  # (rule, what)
    missed: list[tuple[str, str]] = field(default_factory=list)
    trapped: list[tuple[str, Finding]] = field(default_factory=list)
    unexpected: list[Finding] = field(default_factory=list)


# -- reading pages ------------------------------------------------------------
@cache
def markup_is_stub(fmt: str) -> bool:
    sample = {"html": "<p>a</p>", "markdown": "# a"}[fmt]
    return extract(Source("probe", sample, fmt)).text.strip() != "a"


_TAG = re.compile(r"<!--.*?-->|<[^>]*>", re.S)
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);")
_HREF = re.compile(r"""href=["']([^"']+)["']""")
_MD_LINK = re.compile(r"\]\(([^)\s]+)[^)]*\)")
_MD_MARKS = re.compile(r"^#{1,6}[ \t]+|\*\*|__|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)|^\s*>[ \t]?|\[", re.M)


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group())


def _blanked_ranges(original: str, blanked: str) -> list[tuple[int, int]]:
    """Where markup was blanked: runs that changed from the original."""
    out: list[tuple[int, int]] = []
    for i, (a, b) in enumerate(zip(original, blanked, strict=True)):
        if a != b:
            if out and out[-1][1] == i:
                out[-1] = (out[-1][0], i + 1)
            else:
                out.append((i, i + 1))
    return out


def blank_markup(text: str, fmt: str) -> tuple[str, list[str]]:
    """The page with its markup replaced by spaces (offsets unchanged) and its links."""
    if fmt == "html":
        links = _HREF.findall(text)
        head_end = text.find("</head>")
        if head_end >= 0:  # the head is not prose, the title aside
            title = re.search(r"<title>.*?</title>", text, re.S)
            keep = title.span() if title else (0, 0)
            text = re.sub(r"[^\n]", " ", text[:keep[0]]) + text[keep[0]:keep[1]] + \
                re.sub(r"[^\n]", " ", text[keep[1]:head_end]) + text[head_end:]
        text = _TAG.sub(_blank, text)
        text = _ENTITY.sub(lambda m: html.unescape(m.group()).ljust(len(m.group())), text)
        return text, links
    links = _MD_LINK.findall(text)
    text = _MD_LINK.sub(_blank, text)
    return _MD_MARKS.sub(_blank, text), links


def lint_page(path: Path, ruleset: RuleSet) -> list[Finding]:
    source = read_source(str(path))
    if source.fmt in ("html", "markdown") and markup_is_stub(source.fmt):
        text, links = blank_markup(source.text, source.fmt)
        prose = extract_text(text)
        prose.links = links
        found = lint_document(Document(source, prose, ruleset.facts), ruleset)
        # Spaces left where markup stood are the stand-in's doing, not the page's.
        gaps = _blanked_ranges(source.text, text)
        return [f for f in found
                if f.scope != "span" or not any(f.start < e and s < f.end for s, e in gaps)]
    return lint_source(source, ruleset)


# -- matching -----------------------------------------------------------------
def _occurrences(text: str, snippet: str) -> list[tuple[int, int]]:
    out, at = [], text.find(snippet)
    while at >= 0:
        out.append((at, at + len(snippet)))
        at = text.find(snippet, at + 1)
    return out


def _overlaps(f: Finding, start: int, end: int) -> bool:
    return f.scope == "span" and f.start < end and start < f.end


def evaluate_page(name: str, spec: dict, ruleset: RuleSet) -> PageResult:
    path = PAGES / name
    text = read_source(str(path)).text
    findings = lint_page(path, ruleset)
    res = PageResult(name, spec.get("style", ""), bool(spec.get("clean")), findings)
    used: set[int] = set()
    for item in spec.get("expect") or []:
        rule, snippet = item[0], (item[1] if len(item) > 1 else None)
        if ruleset.get(rule) is None:
            raise ValueError(f"{name}: expected rule '{rule}' does not exist")
        if snippet is None:
            cands = [i for i, f in enumerate(findings) if f.rule == rule and f.scope == "document"]
            what = "(page)"
        else:
            occ = _occurrences(text, snippet)
            nth = item[2] if len(item) > 2 else 1
            if len(occ) < nth:
                raise ValueError(f"{name}: text {snippet!r} (occurrence {nth}) is not in the page")
            start, end = occ[nth - 1]
            cands = [i for i, f in enumerate(findings) if f.rule == rule and _overlaps(f, start, end)]
            what = snippet
        hit = next((i for i in cands if i not in used), None)
        if hit is None:
            res.missed.append((rule, what))
        else:
            used.add(hit)
            res.met.append((rule, what))
    for trap in spec.get("traps") or []:
        occ = _occurrences(text, trap)
        if not occ:
            raise ValueError(f"{name}: trap {trap!r} is not in the page")
        for start, end in occ:
            for f in findings:
                if _overlaps(f, start, end) and f.end - f.start <= len(trap) + TRAP_SLACK:
                    res.trapped.append((trap, f))
    res.unexpected = [f for i, f in enumerate(findings) if i not in used]
    return res


def evaluate(ruleset: RuleSet | None = None) -> list[PageResult]:
    rs = ruleset or default_rules()
    data = yaml.safe_load(EXPECTED.read_text(encoding="utf-8"))
    return [evaluate_page(name, spec or {}, rs) for name, spec in data["pages"].items()]


def recall_by_category(results: list[PageResult], ruleset: RuleSet | None = None
                       ) -> dict[str, tuple[int, int]]:
    rs = ruleset or default_rules()
    counts: dict[str, list[int]] = {c: [0, 0] for c in CATEGORIES}
    for res in results:
        for rule, _ in res.met:
            counts[rs.get(rule).category][0] += 1  # type: ignore[union-attr]
            counts[rs.get(rule).category][1] += 1  # type: ignore[union-attr]
        for rule, _ in res.missed:
            counts[rs.get(rule).category][1] += 1  # type: ignore[union-attr]
    return {c: (m, t) for c, (m, t) in counts.items() if t}


def main() -> None:
    results = evaluate()
    print(f"{len(results)} pages: " + ", ".join(
        f"{n} {s}" for s, n in sorted(_styles(results).items())))
    print(f"{'category':<20} {'found':>5} {'expected':>8} {'recall':>7}")
    for cat, (met, total) in recall_by_category(results).items():
        print(f"{cat:<20} {met:>5} {total:>8} {met / total:>7.0%}")
    met = sum(len(r.met) for r in results)
    total = met + sum(len(r.missed) for r in results)
    print(f"{'all':<20} {met:>5} {total:>8} {met / total:>7.0%}")
    data = yaml.safe_load(EXPECTED.read_text(encoding="utf-8"))["pages"]
    n_traps = sum(len((spec or {}).get("traps") or []) for spec in data.values())
    n_extra = sum(len(r.unexpected) for r in results)
    print(f"traps: {n_traps}, findings on traps: {sum(len(r.trapped) for r in results)}; "
          f"findings not in expected.yaml: {n_extra}")
    for r in results:
        for rule, what in r.missed:
            print(f"  missed   {r.name}: {rule} at {what!r}")
        for trap, f in r.trapped:
            print(f"  TRAP     {r.name}: {f.rule} flagged {f.text!r} inside {trap!r}")
        for f in r.unexpected:
            print(f"  extra    {r.name}:{f.line}:{f.column}: {f.rule} {f.text[:50]!r}")


def _styles(results: list[PageResult]) -> dict[str, int]:
    out: dict[str, int] = {}
    for r in results:
        out[r.style] = out.get(r.style, 0) + 1
    return out


if __name__ == "__main__":
    main()
