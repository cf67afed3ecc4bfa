"""Keep one finding per place: the same problem reported twice is noise.

A fallback kind (dictionary spelling) is dropped where a specific rule of the same
category already flags the same span (the curated misspelling list on "ketamin"). Findings
from an outside checker (LanguageTool) are dropped when lintcare already reports the
same span, or an overlapping span in the same category. A rule that ``supersedes``
others replaces their findings at the same place (``drop_superseded``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .findings import Finding


def drop_same_span(specific: list[Finding], fallback: Iterable[Finding]) -> list[Finding]:
    """Specific findings, plus the fallback ones no specific finding of the category covers.

    Two specific rules on one span both stay: they say different things (a lowercase
    brand and its missing established name).
    """
    seen = {(f.category, f.start, f.end) for f in specific if f.scope == "span"}
    out = list(specific)
    for f in fallback:
        key = (f.category, f.start, f.end)
        if f.scope == "span" and key in seen:
            continue
        seen.add(key)
        out.append(f)
    return out


def drop_superseded(findings: list[Finding], supersedes: Mapping[str, frozenset[str]]) -> list[Finding]:
    """The findings less those a superseding rule replaces (a rule's ``supersedes``).

    Two findings meet when their spans overlap, or when either is about the whole page
    (a page-level rule has nothing narrower to meet): "SPRAVATO (ketamine)" is one
    problem, and an outdated crisis number is the finding, not also "no crisis line".
    """
    if not supersedes:
        return findings
    winners = [f for f in findings if f.rule in supersedes]
    if not winners:
        return findings

    def replaced(g: Finding) -> bool:
        for f in winners:
            if g.rule not in supersedes[f.rule] or f is g:
                continue
            if "document" in (f.scope, g.scope) or (f.start < g.end and g.start < f.end):
                return True
            if f.start == f.end == g.start == g.end:
                return True
        return False

    return [g for g in findings if not replaced(g)]


def duplicates_existing(candidate: Finding, existing: Iterable[Finding]) -> bool:
    """``candidate`` repeats one of ``existing``: same span, or overlapping in its category."""
    for f in existing:
        if f.scope != "span":
            continue
        if f.start == candidate.start and f.end == candidate.end:
            return True
        if f.category == candidate.category and f.start < candidate.end and candidate.start < f.end:
            return True
    return False
