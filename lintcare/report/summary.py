"""The counts every report ends with."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..findings import severity_counts

if TYPE_CHECKING:
    from ..pipeline import FileResult


def summary(results: Sequence[FileResult]) -> dict[str, int]:
    # A skipped path (a note: binary, nothing to lint) is not a linted file.
    counts = {"files": sum(1 for r in results if r.note is None), "findings": 0, "errors": 0,
              "error": 0, "warning": 0, "suggestion": 0}
    for r in results:
        if r.error:
            counts["errors"] += 1
        for severity, n in severity_counts(r.findings).items():
            counts["findings"] += n
            counts[severity] += n
    return counts
