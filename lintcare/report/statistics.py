"""``check --statistics``: one row per rule with its count, as ruff's ``--statistics`` gives.

Text: ``count  rule  severity  fixable``, most frequent first, then the summary line.
JSON: a list of ``{"rule", "category", "severity", "count", "fixable", "unsafe_fixable"}``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from ..findings import SEVERITY_RANK
from ..pipeline import FileResult


@dataclass
class RuleCount:
    rule: str
    category: str
    severity: str  # the most severe one reported (a config may change it per path)
    count: int = 0
    fixable: int = 0
    unsafe_fixable: int = 0

    def to_dict(self) -> dict[str, object]:
        return {"rule": self.rule, "category": self.category, "severity": self.severity,
                "count": self.count, "fixable": self.fixable, "unsafe_fixable": self.unsafe_fixable}


def count_rules(results: Sequence[FileResult]) -> list[RuleCount]:
    rows: dict[str, RuleCount] = {}
    for r in results:
        for f in r.findings:
            row = rows.setdefault(f.rule, RuleCount(f.rule, f.category, f.severity))
            if SEVERITY_RANK[f.severity] > SEVERITY_RANK[row.severity]:
                row.severity = f.severity
            row.count += 1
            if f.fix is not None:
                if f.fix.safe:
                    row.fixable += 1
                else:
                    row.unsafe_fixable += 1
    return sorted(rows.values(), key=lambda row: (-row.count, row.rule))


def _marker(row: RuleCount) -> str:
    if row.fixable:
        return f"{row.fixable} fixable" if row.fixable < row.count else "fixable"
    return "fixable with --unsafe-fixes" if row.unsafe_fixable else ""


def render_text(results: Sequence[FileResult]) -> list[str]:
    rows = count_rules(results)
    count_w = max((len(str(row.count)) for row in rows), default=1)
    rule_w = max((len(row.rule) for row in rows), default=1)
    return [f"{row.count:>{count_w}}  {row.rule:<{rule_w}}  {row.severity:<10}  {_marker(row)}".rstrip()
            for row in rows]


def render_json(results: Sequence[FileResult]) -> str:
    return json.dumps([row.to_dict() for row in count_rules(results)], ensure_ascii=False)
