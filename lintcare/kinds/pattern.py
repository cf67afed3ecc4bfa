"""``pattern``: a regular expression over the page's prose."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from ..document import Document
from ..scan import Pattern
from .base import Hit, Kind, match_case

# A backslash pair is a literal backslash; otherwise \g<name>, \g<2> or \2 names a group.
_GROUP_REF = re.compile(r"\\(?:(\\)|g<([^>]*)>|(\d{1,2}))")


def template_problem(template: str, groups: int, names: Mapping[str, int]) -> str | None:
    """Why ``replace`` cannot be expanded for a regex with these groups; None if it can."""
    for m in _GROUP_REF.finditer(template):
        if m[1] is not None:
            continue
        ref = m[2] if m[2] is not None else m[3]
        if ref.isdigit():
            if int(ref) > groups:
                return f"refers to group {ref}, but the pattern has {groups} group(s)"
        elif ref not in names:
            return f"refers to a group named '{ref}' that the pattern does not have"
    return None


class PatternKind(Kind):
    """Flags each match (or its named group ``flag``); ``replace`` may use \\1 or \\g<name>."""

    name = "pattern"
    fields = {"pattern": (str, list), "case_sensitive": (bool,), "replace": (str,),
              "preserve_case": (bool,)}
    required = ("pattern",)
    prunable = True

    def __init__(self, raw: dict[str, Any], ctx: Any) -> None:
        super().__init__(raw, ctx)
        cs = raw.get("case_sensitive", False)
        pats = raw["pattern"] if isinstance(raw["pattern"], list) else [raw["pattern"]]
        self.regexes = [ctx.regex("pattern", p, cs) for p in pats]
        self._declared: tuple[str, ...] = ()  # the rule's own anchors (see use_anchors)
        self.replace: str | None = raw.get("replace")
        if self.replace is not None and getattr(ctx, "timed", False):
            # A team's template is checked now: a bad group would fail while linting.
            for regex in self.regexes:
                problem = template_problem(self.replace, regex.groups, regex.groupindex)
                if problem:
                    raise ctx.error("replace", problem)
        # Carry "Its" -> "It's" at a sentence start; off by default.
        self.preserve_case = raw.get("preserve_case", False)

    def declared_patterns(self) -> list[Pattern]:
        return self.regexes

    def use_anchors(self, anchors: tuple[str, ...]) -> None:
        # Declared anchors may stand outside the match (a lookaround's words): the scan
        # reads only the blocks that hold one, besides the regex's own literals.
        self._declared = anchors

    def anchors(self) -> tuple[str, ...]:
        """Page-level prefilter: each regex's best group (all of them, OR-ed)."""
        found: set[str] = set()
        for regex in self.regexes:
            if not regex.anchor_groups:
                return ()
            found.update(regex.anchor_groups[0])
        return tuple(sorted(found))

    def find(self, doc: Document) -> Iterator[Hit]:
        for regex in self.regexes:
            has_flag = "flag" in regex.groupindex
            for m in doc.scan.finditer(regex, self._declared):
                start, end = m.span("flag") if has_flag and m.group("flag") is not None else m.span()
                if end <= start:
                    continue
                replacement = m.expand(self.replace) if self.replace is not None else None
                if replacement is not None and self.preserve_case:
                    replacement = match_case(m.string[start:end], replacement)
                yield Hit(start, end, replacement, (replacement,) if replacement is not None else ())
