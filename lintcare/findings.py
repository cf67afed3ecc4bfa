"""Findings are immutable values; positions are source offsets kept end to end."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

CATEGORIES = (
    "typo",
    "punctuation",
    "terminology",
    "contact",
    "supportive-language",
    "compliance",
    "readability",
)
SEVERITIES = ("error", "warning", "suggestion")
# Higher is more severe; used by --fail-on and sorting.
SEVERITY_RANK = {"suggestion": 1, "warning": 2, "error": 3}


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace source characters [start, end) with ``replacement``."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True, slots=True)
class Fix:
    edits: tuple[Edit, ...]
    safe: bool


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    category: str
    severity: str
    message: str
    path: str
    start: int  # source character offsets, end exclusive
    end: int
    line: int  # 1-based, in characters of the original file
    column: int
    end_line: int
    end_column: int
    text: str
    suggestions: tuple[str, ...] = ()
    scope: str = "span"  # or "document"
    fix: Fix | None = None
    extra: tuple[tuple[str, object], ...] = field(default=(), compare=False)

    @property
    def sort_key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.rule)

    def to_dict(self) -> dict[str, object]:
        """The stable JSON contract: fields are added, never renamed."""
        d: dict[str, object] = {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "message": self.message,
            "text": self.text,
            "suggestions": list(self.suggestions),
            "scope": self.scope,
        }
        if self.fix is not None:
            d["fix"] = {
                "safe": self.fix.safe,
                "edits": [
                    {"start": e.start, "end": e.end, "replacement": e.replacement}
                    for e in self.fix.edits
                ],
            }
        for key, value in self.extra:
            d[key] = value
        return d


def severity_counts(findings: Iterable[Finding]) -> dict[str, int]:
    """How many findings of each severity (those with none left out).

    Findings from the result cache carry their counts, so they need not be decoded."""
    known = getattr(findings, "severities", None)
    if known is not None:
        return dict(known)
    counts: dict[str, int] = {}
    for f in findings:
        counts[f.severity] = counts.get(f.severity, 0) + 1
    return counts
