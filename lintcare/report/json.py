"""``--format json``: {"version": 1, "files": [...], "summary": {...}}; fields are only ever added."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from . import summary

if TYPE_CHECKING:
    from ..api import FileResult
    from ..baseline import Outcome


def render(results: Sequence[FileResult], baseline: Outcome | None = None) -> str:
    payload: dict[str, object] = {
        "version": 1,
        "files": [
            {
                "path": r.path,
                "findings": [f.to_dict() for f in r.findings],
                "error": r.error,
                **({"note": r.note} if r.note else {}),
                **({"fixed": r.fixed} if r.fixed is not None else {}),
            }
            for r in results
        ],
        "summary": summary(results),
    }
    if baseline is not None:  # only new findings are listed; this says what was left out
        payload["baseline"] = baseline.to_dict()
    # One line: the C encoder, fast on big runs; the payload is built above from fresh
    # dicts and lists, so the check for reference cycles has nothing to find.
    return json.dumps(payload, ensure_ascii=False, check_circular=False)
