"""``--format json``: {"version": 1, "files": [...], "summary": {...}}; fields are only ever added."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..cache import StoredFindings
from . import summary

if TYPE_CHECKING:
    from ..api import FileResult
    from ..baseline import Outcome
    from ..findings import Finding


def _dumps(value: object) -> str:
    # One line, from the C encoder; every value here is built fresh from plain data, so
    # the check for reference cycles has nothing to find.
    return json.dumps(value, ensure_ascii=False, check_circular=False)


def _object(members: list[tuple[str, str]]) -> str:
    """A JSON object from keys and values already in JSON: what ``_dumps`` makes of it."""
    return "{" + ", ".join(f"{_dumps(key)}: {value}" for key, value in members) + "}"


def _findings(findings: Sequence[Finding]) -> str:
    # Findings from the result cache bring their list as first written: a warm run
    # neither decodes nor re-encodes them (the same text, byte for byte).
    if isinstance(findings, StoredFindings):
        return findings.report.decode("utf-8", "surrogatepass")
    return _dumps([f.to_dict() for f in findings])


def _file(r: FileResult) -> str:
    members = [("path", _dumps(r.path)), ("findings", _findings(r.findings)), ("error", _dumps(r.error))]
    if r.note:
        members.append(("note", _dumps(r.note)))
    if r.fixed is not None:
        members.append(("fixed", _dumps(r.fixed)))
    return _object(members)


def render(results: Sequence[FileResult], baseline: Outcome | None = None) -> str:
    members = [("version", "1"), ("files", "[" + ", ".join(map(_file, results)) + "]"),
               ("summary", _dumps(summary(results)))]
    if baseline is not None:  # only new findings are listed; this says what was left out
        members.append(("baseline", _dumps(baseline.to_dict())))
    return _object(members)
