"""``occurrence``: a mark or phrase that belongs once per page, flagged where it repeats."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..document import Document
from ..scan import Pattern
from .base import Hit, Kind


class OccurrenceKind(Kind):
    """Flags matches of ``pattern`` after the first ``allow`` ones on the page.

    ``headings: false`` leaves headings out of the count (a title may repeat the
    mark the first body mention carries). ``replace`` rewrites each flagged match.
    ``unless_consistent`` (a pattern for every mention, marked or not) keeps a page quiet
    when each mention carries the mark: a house style applied throughout (a drug maker
    marks every mention) is not an error; a page that marks some later mentions and not
    others is.
    """

    name = "occurrence"
    fields = {"pattern": (str,), "allow": (int,), "headings": (bool,), "case_sensitive": (bool,),
              "replace": (str,), "unless_consistent": (str,)}
    required = ("pattern",)

    def __init__(self, raw: dict[str, Any], ctx: Any) -> None:
        super().__init__(raw, ctx)
        self.regex = ctx.regex("pattern", raw["pattern"], raw.get("case_sensitive", False))
        self.allow = raw.get("allow", 1)
        if self.allow < 0:
            raise ctx.error("allow", "must be 0 or more")
        self.headings = raw.get("headings", True)
        self.replace: str | None = raw.get("replace")
        every = raw.get("unless_consistent")
        cs = raw.get("case_sensitive", False)
        self.every = ctx.regex("unless_consistent", every, cs) if every else None

    def anchors(self) -> tuple[str, ...]:
        return self.regex.anchors

    def declared_patterns(self) -> list[Pattern]:
        return [self.regex]

    def find(self, doc: Document) -> Iterator[Hit]:
        found = list(self._counted(doc, self.regex))
        if self.every is not None and len(found) == len(list(self._counted(doc, self.every))):
            return  # every mention carries the mark: one house style, kept throughout
        for m in found[self.allow:]:
            repl = m.expand(self.replace) if self.replace is not None else None
            yield Hit(m.start(), m.end(), repl, (repl,) if repl is not None else ())

    def _counted(self, doc: Document, regex: Pattern) -> Iterator[re.Match[str]]:
        """Matches that count: in a block, not empty, not in a heading unless headings count."""
        for m in doc.scan.finditer_page(regex):
            if doc.block_at(m.start()) is None or m.end() <= m.start():
                continue
            if not self.headings and doc.in_heading(m.start()):
                continue
            yield m
