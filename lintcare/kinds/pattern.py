"""``pattern``: a regular expression over the page's prose."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..document import Document
from ..scan.anchors import regex_anchor_groups
from ..scan.charscan import LazyScan
from ..scan.prebuilt import is_standard
from .base import Hit, Kind, match_case


class PatternKind(Kind):
    """Flags each match (or its named group ``flag``); ``replace`` may use \\1 or \\g<name>."""

    name = "pattern"
    fields = {"pattern": (str, list), "case_sensitive": (bool,), "replace": (str,),
              "preserve_case": (bool,)}
    required = ("pattern",)

    def __init__(self, raw: dict[str, Any], ctx: Any) -> None:
        super().__init__(raw, ctx)
        cs = raw.get("case_sensitive", False)
        pats = raw["pattern"] if isinstance(raw["pattern"], list) else [raw["pattern"]]
        self.regexes = [ctx.regex("pattern", p, cs) for p in pats]
        # Per regex: a faster scanner with the same matches, and the literals every
        # match contains (to scan only the blocks that hold one).
        self._scans = [(LazyScan(r), regex_anchor_groups(r.pattern)) for r in self.regexes]
        self._declared: tuple[str, ...] = ()  # the rule's own anchors (see use_anchors)
        self.replace: str | None = raw.get("replace")
        # Carry "Its" -> "It's" at a sentence start; off by default.
        self.preserve_case = raw.get("preserve_case", False)

    def _matches(self, doc: Document, fast: LazyScan, groups: tuple[tuple[str, ...], ...]
                 ) -> Iterator[re.Match[str]]:
        for lo, hi in doc.regex_ranges(fast.full, groups, self._declared):
            yield from fast.finditer(doc.text, doc.lower, lo, hi)

    def filter_patterns(self) -> list[str] | None:
        if not all(is_standard(fast.full) for fast, _ in self._scans):
            return None  # a team's regex (userregex.py) is scanned in every block
        return [fast.full.pattern for fast, _ in self._scans]

    def use_anchors(self, anchors: tuple[str, ...]) -> None:
        # Declared anchors may stand outside the match (a lookaround's words): they are
        # asked even where the block filter already answers for the regex.
        self._declared = anchors

    def anchor_sets(self) -> list[tuple[str, ...]]:
        return [group for _, groups in self._scans for group in groups] + [self._declared]

    def anchors(self) -> tuple[str, ...]:
        """Page-level prefilter: each regex's best group (all of them, OR-ed)."""
        found: set[str] = set()
        for _, groups in self._scans:
            if not groups:
                return ()
            found.update(groups[0])
        return tuple(sorted(found))

    def find(self, doc: Document) -> Iterator[Hit]:
        for fast, anchors in self._scans:
            has_flag = "flag" in fast.full.groupindex
            for m in self._matches(doc, fast, anchors):
                start, end = m.span("flag") if has_flag and m.group("flag") is not None else m.span()
                if end <= start:
                    continue
                replacement = m.expand(self.replace) if self.replace is not None else None
                if replacement is not None and self.preserve_case:
                    replacement = match_case(m.string[start:end], replacement)
                yield Hit(start, end, replacement, (replacement,) if replacement is not None else ())
