"""``pattern``: a regular expression over the page's prose."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..document import Document
from .base import Hit, Kind


class PatternKind(Kind):
    """Flags each match (or its named group ``flag``); ``replace`` may use \\1 or \\g<name>."""

    name = "pattern"
    fields = {"pattern": (str, list), "case_sensitive": (bool,), "replace": (str,)}
    required = ("pattern",)

    def __init__(self, raw: dict[str, Any], ctx: Any) -> None:
        super().__init__(raw, ctx)
        cs = raw.get("case_sensitive", False)
        pats = raw["pattern"] if isinstance(raw["pattern"], list) else [raw["pattern"]]
        self.regexes = [ctx.regex("pattern", p, cs) for p in pats]
        self.replace: str | None = raw.get("replace")

    def find(self, doc: Document) -> Iterator[Hit]:
        for regex in self.regexes:
            has_flag = "flag" in regex.groupindex
            for m in regex.finditer(doc.text):
                start, end = m.span("flag") if has_flag and m.group("flag") is not None else m.span()
                if end <= start:
                    continue
                replacement = m.expand(self.replace) if self.replace is not None else None
                yield Hit(start, end, replacement, (replacement,) if replacement is not None else ())
