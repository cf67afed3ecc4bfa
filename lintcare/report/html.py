"""``--format html``: one self-contained page for the people who sign off the text.

An overview (counts, a chart, pages ranked, reading grades, the baseline), then each page's
own text with every finding marked where it stands, filters, and a print layout. Templates
are Jinja2 with autoescaping on; page text, messages and rule metadata are untrusted and only
ever reach the page escaped. The Content-Security-Policy allows no network access and only
the report's own inline style and script, by their hashes.

Python API::

    from lintcare.api import default_rules, lint_file
    from lintcare.report.html import render
    from lintcare.stats import page_grades

    rules = default_rules()
    results = [lint_file(p, rules) for p in paths]
    html = render(results, rules, grades=page_grades(results, rules))
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..findings import CATEGORIES, SEVERITIES, Finding
from .html_marks import Span, accessible_name, marked_lines
from .names import shown_path
from .summary import summary

if TYPE_CHECKING:
    from jinja2 import Environment

    from ..baseline import Outcome
    from ..pipeline import FileResult
    from ..rules.loader import Rule, RuleSet


@dataclass(frozen=True)
class Grade:
    """A page's reading grade against the target (the ``grade-level`` rule's; see stats.py)."""

    metric: str  # "smog" or "flesch_kincaid"
    value: float | None
    target: float
    low_confidence: bool = False  # too few sentences for the grade to mean much
    words: int = 0
    sentences: int = 0

    @property
    def metric_name(self) -> str:
        return "SMOG" if self.metric == "smog" else "Flesch-Kincaid"

    @property
    def above(self) -> bool:
        return self.value is not None and self.value > self.target


@dataclass
class Page:
    """What the template shows of one file."""

    number: int
    path: str
    anchor: str
    error: str | None
    note: str | None
    counts: dict[str, int]
    total: int
    document: list[dict[str, Any]] = field(default_factory=list)  # page-level findings
    rows: list[dict[str, Any]] = field(default_factory=list)  # every finding, in order
    lines: list[Any] | None = None  # the marked text; None when the text is not at hand
    grade: Grade | None = None


def _row(f: Finding, fid: str) -> dict[str, Any]:
    return {"fid": fid, "rule": f.rule, "category": f.category, "severity": f.severity,
            "message": f.message, "suggestions": list(f.suggestions), "text": f.text,
            "line": f.line, "column": f.column, "end_line": f.end_line, "end_column": f.end_column,
            "scope": f.scope, "fix": None if f.fix is None else ("safe" if f.fix.safe else "unsafe")}


def _page(number: int, r: FileResult, grade: Grade | None) -> Page:
    findings = sorted(r.findings, key=lambda f: f.sort_key)
    counts = Counter(f.severity for f in findings)
    page = Page(number, shown_path(r.path), f"p{number}", r.error, r.note,
                {s: counts.get(s, 0) for s in SEVERITIES}, len(findings), grade=grade)
    spans: list[Span] = []
    for i, f in enumerate(findings):
        row = _row(f, f"p{number}f{i}")
        page.rows.append(row)
        if f.scope == "document":
            page.document.append(row)
        else:
            spans.append(Span(row["fid"], f.start, f.end, f.severity, f.category,
                              accessible_name(f.severity, f.category, f.line, f.text)))
    if r.source is not None:
        page.lines = marked_lines(r.source.text, r.source.line_starts(), spans)
    return page


def _rule_info(rule_id: str, category: str, ruleset: RuleSet | None) -> dict[str, Any]:
    rule: Rule | None = ruleset.get(rule_id) if ruleset is not None else None
    if rule is None:
        return {"id": rule_id, "category": category, "explanation": "", "source": "", "origin": ""}
    explanation = rule.message.replace("{text}", "…").replace("{replacement}", "…")
    if rule.description:
        explanation = f"{explanation} {rule.description}"
    return {"id": rule.id, "category": rule.category, "explanation": explanation, "source": rule.source,
            "origin": rule.origin}


def _bars(counts: Mapping[str, int]) -> list[dict[str, Any]]:
    """Rows of a bar chart: each bar's share of the longest, in percent of the chart's width."""
    top = max(counts.values(), default=0) or 1
    return [{"label": k, "count": n, "width": round(100 * n / top, 1)} for k, n in counts.items()]


def _baseline(outcome: Outcome | None, shown: int) -> dict[str, Any] | None:
    if outcome is None:
        return None
    return {"file": outcome.file, "new": shown, "known": outcome.known,
            "gone": sum(e.count for e in outcome.stale),
            "stale": [{"path": e.path, "rule": e.rule, "text": e.text, "count": e.count}
                      for e in outcome.stale]}


def context(results: Sequence[FileResult], ruleset: RuleSet | None = None,
            baseline: Outcome | None = None, grades: Mapping[str, Grade] | None = None,
            settings: Sequence[tuple[str, str]] = (), generated: datetime | None = None
            ) -> dict[str, Any]:
    """Everything the template shows, as plain values."""
    pages = [_page(i + 1, r, (grades or {}).get(r.path)) for i, r in enumerate(results)]
    rows = [row for p in pages for row in p.rows]
    categories = Counter(row["category"] for row in rows)
    rules = Counter(row["rule"] for row in rows)
    first_category = {row["rule"]: row["category"] for row in reversed(rows)}
    ranked = sorted((p for p in pages if p.note is None),
                    key=lambda p: (p.error is None, *(-p.counts[s] for s in SEVERITIES), p.number))
    when = generated or datetime.now(timezone.utc)
    return {
        "version": __version__,
        "generated": when.strftime("%Y-%m-%d %H:%M %Z").strip(),
        "summary": summary(results),
        "pages": pages,
        "ranked": ranked,
        "severities": SEVERITIES,
        "severity_bars": _bars({s: sum(p.counts[s] for p in pages) for s in SEVERITIES}),
        "category_bars": _bars({c: categories[c] for c in
                                [*CATEGORIES, *sorted(set(categories) - set(CATEGORIES))] if categories[c]}),
        "categories": [c for c in [*CATEGORIES, *sorted(set(categories) - set(CATEGORIES))]
                       if categories[c]],
        "rules": [_rule_info(rid, first_category[rid], ruleset) for rid in sorted(rules)],
        "baseline": _baseline(baseline, len(rows)),
        "settings": list(settings),
        "graded": any(p.grade is not None for p in pages),
    }


@lru_cache(maxsize=1)
def _environment() -> Environment:
    from jinja2 import Environment, PackageLoader, StrictUndefined

    # Autoescaping for every template, whatever its name: nothing untrusted reaches the page raw.
    return Environment(loader=PackageLoader("lintcare.report", "templates"), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def _asset(name: str) -> str:
    return resources.files("lintcare.report").joinpath("templates", name).read_text(encoding="utf-8")


def _hash(code: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode("ascii")


def policy(style: str, script: str) -> str:
    """No network, no plugins, no forms; only the report's own inline style and script run."""
    return (f"default-src 'none'; style-src '{_hash(style)}'; script-src '{_hash(script)}'; "
            "img-src data:; base-uri 'none'; form-action 'none'")


def render(results: Sequence[FileResult], ruleset: RuleSet | None = None, baseline: Outcome | None = None,
           grades: Mapping[str, Grade] | None = None, settings: Sequence[tuple[str, str]] = (),
           generated: datetime | None = None) -> str:
    """The report as one HTML document.

    ``ruleset`` adds each rule's explanation and source; ``grades`` (by path, from
    ``lintcare.stats.page_grades``) the reading grades; ``settings`` the (label, value) pairs
    that say which configuration was used; ``baseline`` what a baseline left out."""
    from markupsafe import Markup

    style, script = _asset("report.css"), _asset("report.js")
    values = context(results, ruleset, baseline, grades, settings, generated)
    # The script and style are the package's own files, placed verbatim so their hashes match.
    return _environment().get_template("report.html.j2").render(
        **values, style=Markup(style), script=Markup(script), csp=policy(style, script))
