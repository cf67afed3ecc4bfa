"""Keep one finding per place: the same problem reported twice is noise.

Two rules of one category that flag the same span (the curated misspelling list and
dictionary spelling on "ketamin") report it once. The engine passes specific rules'
findings first and fallback kinds' (dictionary spelling) last, and among those the
rule listed first in the rule files wins. Findings
from an outside checker (LanguageTool) are dropped when lintcare already reports the
same span, or an overlapping span in the same category.
"""

from __future__ import annotations

from collections.abc import Iterable

from .findings import Finding


def drop_same_span(findings: Iterable[Finding]) -> list[Finding]:
    """Findings in rule order, without a later one of the same category on the same span."""
    seen: set[tuple[str, int, int]] = set()
    out: list[Finding] = []
    for f in findings:
        if f.scope == "span":
            key = (f.category, f.start, f.end)
            if key in seen:
                continue
            seen.add(key)
        out.append(f)
    return out


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
