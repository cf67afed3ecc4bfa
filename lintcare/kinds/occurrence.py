"""``occurrence``: a mark or phrase that belongs once per page, flagged where it repeats."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..document import Document
from ..scan import Pattern
from .base import Hit, Kind


class OccurrenceKind(Kind):
    """Flags matches of ``pattern`` after the first ``allow`` ones on the page.

    ``headings: false`` leaves headings out of the count (a title may repeat the
    mark the first body mention carries). ``replace`` rewrites each flagged match.
    """

    name = "occurrence"
    fields = {"pattern": (str,), "allow": (int,), "headings": (bool,), "case_sensitive": (bool,),
              "replace": (str,)}
    required = ("pattern",)

    def __init__(self, raw: dict[str, Any], ctx: Any) -> None:
        super().__init__(raw, ctx)
        self.regex = ctx.regex("pattern", raw["pattern"], raw.get("case_sensitive", False))
        self.allow = raw.get("allow", 1)
        if self.allow < 0:
            raise ctx.error("allow", "must be 0 or more")
        self.headings = raw.get("headings", True)
        self.replace: str | None = raw.get("replace")

    def anchors(self) -> tuple[str, ...]:
        return self.regex.anchors

    def declared_patterns(self) -> list[Pattern]:
        return [self.regex]

    def find(self, doc: Document) -> Iterator[Hit]:
        seen = 0
        for m in doc.scan.finditer_page(self.regex):
            block = doc.block_at(m.start())
            if block is None or m.end() <= m.start():
                continue
            if not self.headings and doc.in_heading(m.start()):
                continue
            seen += 1
            if seen > self.allow:
                repl = m.expand(self.replace) if self.replace is not None else None
                yield Hit(m.start(), m.end(), repl, (repl,) if repl is not None else ())
