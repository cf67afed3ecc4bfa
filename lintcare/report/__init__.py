"""Stage 7: reports. Each format renders a list of FileResults."""

from __future__ import annotations

from collections.abc import Sequence

from ..api import FileResult
from ..findings import SEVERITY_RANK


def summary(results: Sequence[FileResult]) -> dict[str, int]:
    counts = {"files": len(results), "findings": 0, "errors": 0, "error": 0, "warning": 0,
              "suggestion": 0}
    for r in results:
        if r.error:
            counts["errors"] += 1
        for f in r.findings:
            counts["findings"] += 1
            counts[f.severity] += 1
    return counts


def reaches(severity: str, threshold: str) -> bool:
    """Does a finding of ``severity`` reach the --fail-on threshold?"""
    if threshold == "none":
        return False
    return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold]
