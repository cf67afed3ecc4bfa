"""``--format json``: {"version": 1, "files": [...], "summary": {...}}; fields are only ever added."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .names import shown_path
from .summary import summary

if TYPE_CHECKING:
    from ..baseline import Outcome
    from ..findings import Finding
    from ..pipeline import FileResult


def _dumps(value: object) -> str:
    # One line, from the C encoder; every value here is built fresh from plain data, so
    # the check for reference cycles has nothing to find.
    return json.dumps(value, ensure_ascii=False, check_circular=False)


def _findings(findings: Sequence[Finding]) -> str:
    # From the findings, whether just linted or from the result cache: one report, one path.
    return _dumps([f.to_dict() for f in findings])


def _file(r: FileResult, out: list[str]) -> None:
    """Append the pieces of a file's entry: what ``_dumps`` makes of it."""
    out += ('{"path": ', _dumps(shown_path(r.path)), ', "findings": ', _findings(r.findings), ', "error": ',
            _dumps(r.error))
    if r.note:
        out += (', "note": ', _dumps(r.note))
    if r.fixed is not None:
        out += (', "fixed": ', _dumps(r.fixed))
    out.append("}")


def _pieces(results: Sequence[FileResult], baseline: Outcome | None) -> list[str]:
    # Pieces joined once: the findings of a big run are megabytes of text.
    out: list[str] = ['{"version": 1, "files": [']
    for i, r in enumerate(results):
        if i:
            out.append(", ")
        _file(r, out)
    out += ('], "summary": ', _dumps(summary(results)))
    if baseline is not None:  # only new findings are listed; this says what was left out
        out += (', "baseline": ', _dumps(baseline.to_dict()))
    out.append("}")
    return out


def render(results: Sequence[FileResult], baseline: Outcome | None = None) -> str:
    return "".join(_pieces(results, baseline))


def render_bytes(results: Sequence[FileResult], baseline: Outcome | None = None) -> bytes:
    """``render`` in UTF-8 (a lone surrogate from a file's bytes passes through)."""
    return render(results, baseline).encode("utf-8", "surrogatepass")
