"""The counts every report ends with.

The JSON contract only ever adds fields, so the first names stay beside clearer ones:
``errors`` is the number of files that could not be linted (``files_with_errors``), and
``error``, ``warning`` and ``suggestion`` count findings by severity (``by_severity``).
``fixable`` counts the findings ``--fix`` fixes, ``unsafe_fixable`` those that need
``--unsafe-fixes`` as well.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..findings import SEVERITIES, severity_counts

if TYPE_CHECKING:
    from ..pipeline import FileResult


def fixable_counts(results: Sequence[FileResult]) -> tuple[int, int]:
    """(findings with a safe fix, findings whose fix is unsafe)."""
    safe = unsafe = 0
    for r in results:
        for f in r.findings:
            if f.fix is not None:
                if f.fix.safe:
                    safe += 1
                else:
                    unsafe += 1
    return safe, unsafe


def summary(results: Sequence[FileResult]) -> dict[str, object]:
    # A skipped path (a note: binary, nothing to lint) is not a linted file.
    counts: dict[str, int] = {"files": sum(1 for r in results if r.note is None), "findings": 0,
                              "errors": 0, "error": 0, "warning": 0, "suggestion": 0}
    for r in results:
        if r.error:
            counts["errors"] += 1
        for severity, n in severity_counts(r.findings).items():
            counts["findings"] += n
            counts[severity] += n
    safe, unsafe = fixable_counts(results)
    return {**counts, "files_with_errors": counts["errors"],
            "by_severity": {s: counts[s] for s in SEVERITIES},
            "fixable": safe, "unsafe_fixable": unsafe}
